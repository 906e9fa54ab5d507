//! "My business plans": the plans an applicant started, with the call's terms they will have
//! to meet (maximum grant, own contribution, closing date).

use crate::components::page_data::page_data;
use crate::i18n::*;
use crate::pages::plans::labels::plan_status_name;
use crate::pages::problem::FormProblems;
use crate::pages::shared::labels::date_text;
use crate::pages::shared::labels::moment_text;
use crate::pages::shared::labels::money_text;
use crate::server_fns::plans::my_plans;
use crate::wire::plans::PlanLine;
use crate::wire::shared::iso;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PlansPage() -> impl IntoView {
    let i18n = use_i18n();
    let plans = page_data(|| (), |_| my_plans());
    let query = use_query_map();
    let started = move || query.with(|q| q.get("saved").is_some());
    view! {
        <Title text=move || t_string!(i18n, plan.title).to_string() />
        <h1>{t!(i18n, plan.title)}</h1>
        <Show when=started>
            <p class="notice" role="status" data-test="saved">{t!(i18n, plan.saved_started)}</p>
        </Show>
        <p><A href="/matches">{t!(i18n, enrolment.back_to_offers)}</A></p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match plans.await {
                    Ok(plans) if plans.is_empty() => view! {
                        <p class="empty" data-test="no-plans">{t!(i18n, plan.none)}</p>
                    }.into_any(),
                    Ok(plans) => plans.into_iter().map(|plan| view! { <PlanCard plan /> })
                        .collect_view().into_any(),
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PlanCard(plan: PlanLine) -> impl IntoView {
    let i18n = use_i18n();
    let status = plan_status_name(i18n, plan.status);
    let terms = t_string!(
        i18n,
        plan.terms,
        amount = money_text(i18n, plan.max_grant),
        percent = plan.own_contribution_percent,
        date = date_text(i18n, plan.closes_on)
    )
    .to_string();
    view! {
        <article class="card" data-test="plan" data-status=plan.status.code()>
            <h2><a href=format!("/plans/plan?id={}", plan.id) rel="external" data-test="open-plan">{plan.title}</a></h2>
            <p class="note"><bdi>{plan.reference}</bdi> " · " {terms}</p>
            <p>{t!(i18n, plan.status)} " " <strong data-test="status">{status}</strong></p>
            <p class="note">{t!(i18n, plan.started_on)} " "
                <time datetime=iso(plan.created_at)>{moment_text(i18n, plan.created_at)}</time>
            </p>
            <p><a href=format!("/plans/activity?id={}", plan.id) data-test="activity-link">
                {t!(i18n, mentoring.to_activity)}
            </a></p>
        </article>
    }
}
