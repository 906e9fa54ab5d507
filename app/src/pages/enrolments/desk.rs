//! The admin's enrolment desk: requests waiting for a decision (oldest first, with the seats
//! left), enrolled people whose completion is to be recorded, and the settled ones.

use crate::components::form::last_error;
use crate::components::page_data::page_data;
use crate::domain::accounts::role::Role;
use crate::domain::enrolments::enrolment::{EnrolmentAction, EnrolmentStatus};
use crate::domain::shared::workflow::Workflow;
use crate::i18n::*;
use crate::pages::enrolments::labels::status_name;
use crate::pages::problem::FormProblems;
use crate::pages::shared::labels::date_text;
use crate::pages::shared::labels::moment_text;
use crate::server_fns::enrolments::{enrolment_desk, DecideEnrolment};
use crate::wire::enrolments::EnrolmentLine;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AdminEnrolmentsPage() -> impl IntoView {
    let i18n = use_i18n();
    let decide = ServerAction::<DecideEnrolment>::new();
    let query = use_query_map();
    let status = move || {
        query.with(|q| {
            q.get("status")
                .and_then(|s| EnrolmentStatus::from_code(&s))
                .unwrap_or(EnrolmentStatus::Requested)
        })
    };
    let lines = page_data(status, |status| enrolment_desk(status.code().to_owned()));
    view! {
        <Title text=move || t_string!(i18n, enrolment.desk_title).to_string() />
        <h1>{t!(i18n, enrolment.desk_title)}</h1>
        <nav class="tabs" aria-label=move || t_string!(i18n, enrolment.status).to_string()>
            {EnrolmentStatus::ALL.into_iter().map(|s| view! {
                <a href=format!("/admin/enrolments?status={}", s.code())
                    aria-current=move || (status() == s).then_some("page")>
                    {status_name(i18n, s)}
                </a>
            }).collect_view()}
        </nav>
        <FormProblems error=last_error(decide) />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match lines.await {
                    Ok(lines) if lines.is_empty() => view! {
                        <p class="empty" data-test="desk-empty">{t!(i18n, enrolment.desk_empty)}</p>
                    }.into_any(),
                    Ok(lines) => view! { <DeskTable lines decide /> }.into_any(),
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DeskTable(lines: Vec<EnrolmentLine>, decide: ServerAction<DecideEnrolment>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-scroll">
            <table data-test="desk">
                <thead><tr>
                    <th>{t!(i18n, enrolment.person)}</th>
                    <th>{t!(i18n, enrolment.training)}</th>
                    <th>{t!(i18n, enrolment.seats)}</th>
                    <th>{t!(i18n, enrolment.requested_at)}</th>
                    <th>{t!(i18n, enrolment.decision)}</th>
                </tr></thead>
                <tbody>
                    {lines.into_iter().map(|line| {
                        let actions: Vec<EnrolmentAction> = [
                            EnrolmentAction::Confirm,
                            EnrolmentAction::Decline,
                            EnrolmentAction::Complete,
                        ]
                        .into_iter()
                        .filter(|a| line.status.apply(*a, Role::Admin, &()).is_ok())
                        .collect();
                        let id = line.id;
                        view! {
                            <tr data-test="desk-line">
                                <td>{line.person.unwrap_or_default()}</td>
                                <td>{line.title} <br/> <small><bdi>{line.reference}</bdi> " · "
                                    {date_text(i18n, line.starts_on)} " → " {date_text(i18n, line.ends_on)}</small></td>
                                <td>{t!(i18n, enrolment.seats_taken, taken = line.seats.taken, seats = line.seats.seats)}</td>
                                <td>{moment_text(i18n, line.requested_at)}</td>
                                <td>
                                    {actions.into_iter().map(|action| view! {
                                        <ActionForm action=decide attr:class="inline-form">
                                            <input type="hidden" name="enrolment" value=id />
                                            <input type="hidden" name="action" value=action.code() />
                                            <button type="submit" data-test=action.code()>
                                                {action_name(i18n, action)}
                                            </button>
                                        </ActionForm>
                                    }).collect_view()}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn action_name(i18n: leptos_i18n::I18nContext<Locale>, action: EnrolmentAction) -> String {
    match action {
        EnrolmentAction::Confirm => t_string!(i18n, enrolment.confirm),
        EnrolmentAction::Decline => t_string!(i18n, enrolment.decline),
        EnrolmentAction::Complete => t_string!(i18n, enrolment.complete),
        EnrolmentAction::Request | EnrolmentAction::Withdraw => t_string!(i18n, enrolment.withdraw),
    }
    .to_string()
}
