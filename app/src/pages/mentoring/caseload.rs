//! `/mentor/caseload`: the mentor's plans, who each waits on and since when, the plans
//! waiting longest on the mentor first.

use super::labels::waits_on_name;
use crate::components::page_data::page_data;
use crate::domain::plans::plan::PlanStatus;
use crate::i18n::*;
use crate::pages::plans::labels::plan_status_name;
use crate::pages::problem::FormProblems;
use crate::server_fns::mentoring::my_caseload;
use crate::wire::mentoring::CaseloadLine;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CaseloadPage() -> impl IntoView {
    let i18n = use_i18n();
    let lines = page_data(|| (), |_| my_caseload());
    view! {
        <Title text=move || t_string!(i18n, mentoring.caseload_title).to_string() />
        <h1>{t!(i18n, mentoring.caseload_title)}</h1>
        <p class="lead">{t!(i18n, mentoring.caseload_lead)}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match lines.await {
                    Ok(lines) if lines.is_empty() => view! {
                        <p class="empty" data-test="no-caseload">{t!(i18n, mentoring.caseload_empty)}</p>
                    }.into_any(),
                    Ok(lines) => view! { <CaseloadTable lines /> }.into_any(),
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CaseloadTable(lines: Vec<CaseloadLine>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = lines
        .into_iter()
        .map(|line| {
            let waits = waits_on_name(i18n, line.waits_on);
            let since = t_string!(i18n, mentoring.for_days, days = line.days).to_string();
            let last = line
                .last_session
                .map(|d| d.to_string())
                .unwrap_or_else(|| t_string!(i18n, mentoring.never).to_string());
            view! {
                <tr data-test="caseload-plan" data-plan=line.plan>
                    <td>{line.applicant}</td>
                    <td>{line.title} " · " <bdi>{line.reference}</bdi></td>
                    <td data-test="status">{plan_status_name(i18n, line.status)}</td>
                    <td data-test="waits">{waits}</td>
                    <td><time datetime=line.since.to_string()>{since}</time></td>
                    <td dir="ltr">{last}</td>
                    <td>
                        <a href=format!("/plans/activity?id={}", line.plan)>{t!(i18n, mentoring.open)}</a>
                        {(line.status == PlanStatus::Approved).then(|| view! {
                            " · "
                            <a href=format!("/mentor/visit?plan={}", line.plan) data-test="visit-link">
                                {t!(i18n, monitoring.record_link)}</a>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, mentoring.col_applicant)}</th>
                        <th scope="col">{t!(i18n, mentoring.col_call)}</th>
                        <th scope="col">{t!(i18n, mentoring.col_status)}</th>
                        <th scope="col">{t!(i18n, mentoring.col_waits)}</th>
                        <th scope="col">{t!(i18n, mentoring.col_since)}</th>
                        <th scope="col">{t!(i18n, mentoring.col_last_session)}</th>
                        <th scope="col"><span class="visually-hidden">{t!(i18n, mentoring.open)}</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
