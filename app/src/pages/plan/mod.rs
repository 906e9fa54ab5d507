//! One business plan: its call and status, the checklist, each SYB section (a form on the
//! owner's turn, the text as it reads otherwise), the figures, and the versions sent. Each part
//! is one component, so mentoring (comments, transitions, timeline, sessions) slots in beside.

pub mod autosave;
pub mod checklist;
pub mod compare;
pub mod figures;
pub mod figures_form;
pub mod labels;
pub mod sections;
pub mod versions;

use crate::components::problem::FormProblems;
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::not_found::NotFound;
use crate::pages::plans::plan_status_name;
use crate::server_fns::plans::load_plan;
use crate::wire::PlanView;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Reloads the plan after a save made with JavaScript on (a plain form reloads the page).
#[derive(Clone, Copy)]
pub struct Reload(pub Callback<()>);

/// The plan's id from `?id=`.
pub fn plan_id() -> impl Fn() -> Option<i64> + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || query.with(|q| q.get("id").and_then(|id| id.parse::<i64>().ok()))
}

#[component]
pub fn PlanPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = plan_id();
    let loaded = Resource::new(id, |id| async move {
        match id {
            Some(id) => load_plan(id).await,
            None => Err(AppError::NotFound),
        }
    });
    provide_context(Reload(Callback::new(move |_| loaded.refetch())));
    view! {
        <Title text=move || t_string!(i18n, plan_editor.title).to_string() />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(plan) => view! { <PlanBody plan /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The loaded plan, part by part.
#[component]
fn PlanBody(plan: PlanView) -> impl IntoView {
    let i18n = use_i18n();
    let status = plan_status_name(i18n, plan.status);
    let back = match plan.viewer {
        crate::domain::plan::Viewer::Owner => Some(view! {
            <p><a href="/plans" rel="external">{t!(i18n, plan.title)}</a></p>
        }),
        _ => None,
    };
    view! {
        {back}
        <h1 data-test="plan-title">{plan.title.clone()}</h1>
        <p class="note"><bdi>{plan.reference.clone()}</bdi></p>
        <p>{t!(i18n, plan.status)} " " <strong data-test="status" data-status=plan.status.code()>{status}</strong></p>
        <checklist::Checklist items=plan.checklist.clone() />
        <sections::Sections plan=plan.clone() />
        <figures::Figures plan=plan.clone() />
        <versions::Versions id=plan.id versions=plan.versions.clone() />
    }
}
