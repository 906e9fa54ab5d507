//! One business plan: its call and status, the checklist, each SYB section (a form on the
//! owner's turn, the text as it reads otherwise), the figures, and the versions sent. Each part
//! is one component, so mentoring (comments, transitions, timeline, sessions) slots in beside.

pub mod autosave;
pub mod checklist;
pub mod compare;
pub mod figures;
pub mod figures_form;
pub mod labels;
pub mod live_totals;
pub mod mine;
pub mod section_text;
pub mod sections;
pub mod versions;
pub mod visits;

use crate::components::page_data::page_data;
use crate::domain::plans::plan::{PlanAction, PlanStatus, Viewer};
use crate::domain::plans::plan_text::Part;
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::mentoring::{components::PlanComments, components::PlanTransitions};
use crate::pages::plans::labels::plan_status_name;
use crate::pages::problem::FormProblems;
use crate::pages::shared::labels::moment_text;
use crate::pages::shared::not_found::NotFound;
use crate::server_fns::plans::{load_plan, plan_activity, CommentPlan, TransitionPlan};
use crate::wire::mentoring::{Happening, PlanActivity, TimelineEntry};
use crate::wire::plans::PlanView;
use crate::wire::shared::iso;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The plan's id from `?id=`.
pub fn plan_id() -> impl Fn() -> Option<i64> + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || query.with(|q| q.get("id").and_then(|id| id.parse::<i64>().ok()))
}

#[component]
pub fn PlanPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = plan_id();
    let step = ServerAction::<TransitionPlan>::new();
    let comment = ServerAction::<CommentPlan>::new();
    let loaded = page_data(id, |id| async move {
        match id {
            Some(id) => load_plan(id).await,
            None => Err(AppError::NotFound),
        }
    });
    // The steps the reader may take and the comment threads (mentoring's part of the page).
    let activity = page_data(id, |id| async move {
        match id {
            Some(id) => plan_activity(id.to_string()).await,
            None => Err(AppError::NotFound),
        }
    });
    // The monitoring visits (funded plans), shown by `visits::Visits`.
    let visits = page_data(id, |id| async move {
        match id {
            Some(id) => crate::server_fns::monitoring::plan_visits(id.to_string()).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Title text=move || t_string!(i18n, plan_editor.title).to_string() />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match (loaded.await, activity.await) {
                    (Ok(plan), Ok(activity)) => view! {
                        <PlanBody plan activity step comment visits />
                    }.into_any(),
                    (Err(AppError::NotFound), _) | (_, Err(AppError::NotFound)) => {
                        view! { <NotFound /> }.into_any()
                    }
                    (Err(error), _) | (_, Err(error)) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The loaded plan, part by part, with the steps the reader may take and the comment threads.
#[component]
fn PlanBody(
    plan: PlanView,
    activity: PlanActivity,
    step: ServerAction<TransitionPlan>,
    comment: ServerAction<CommentPlan>,
    visits: visits::VisitsResource,
) -> impl IntoView {
    let i18n = use_i18n();
    let status = plan_status_name(i18n, plan.status);
    let back = match plan.viewer {
        crate::domain::plans::plan::Viewer::Owner => Some(view! {
            <p><a href="/plans" rel="external">{t!(i18n, plan.title)}</a></p>
        }),
        _ => None,
    };
    let steps = (activity.viewer != Viewer::Admin && !activity.actions.is_empty()).then(|| {
        let actions = activity.actions.clone();
        view! { <PlanTransitions plan=plan.id actions action=step back="plan" /> }
    });
    view! {
        {back}
        <h1 data-test="plan-title">{plan.title.clone()}</h1>
        <p class="note"><bdi>{plan.reference.clone()}</bdi></p>
        <p>{t!(i18n, plan.status)} " " <strong data-test="status" data-status=plan.status.code()>{status}</strong></p>
        <StepNotice />
        <ChangesAsked status=plan.status timeline=activity.timeline.clone() />
        {steps}
        <crate::pages::money::plan::PlanMoneyBlock plan=plan.id />
        <p><a href=format!("/plans/activity?id={}", plan.id) data-test="activity-link">
            {t!(i18n, plan_editor.activity_link)}</a></p>
        // What is left to do before sending, while it is the applicant's turn to write.
        {plan.status.editable().then(|| view! { <checklist::Checklist items=plan.checklist.clone() /> })}
        <sections::Sections plan=plan.clone() activity=activity.clone() comment />
        <figures::Figures plan=plan.clone() />
        <PlanComments plan=plan.id part=Part::Figures comments=activity.thread(Part::Figures)
            may_comment=activity.may_comment() action=comment back="plan" />
        <versions::Versions id=plan.id versions=plan.versions.clone() />
        <visits::Visits plan=plan.id status=plan.status viewer=plan.viewer visits />
    }
}

/// While the mentor's requested changes are to be made: what they asked, by whom and when, on
/// the page where the changes are made (the committee's reasons for a return show with its
/// decision, `PlanMoneyBlock`).
#[component]
fn ChangesAsked(status: PlanStatus, timeline: Vec<TimelineEntry>) -> impl IntoView {
    let i18n = use_i18n();
    if status != PlanStatus::ChangesRequested {
        return None;
    }
    // The timeline is newest first: the request that put the plan where it is.
    let (entry, reason) = timeline.into_iter().find_map(|entry| match &entry.what {
        Happening::Step {
            action: PlanAction::RequestChanges,
            reason: Some(reason),
            ..
        } => {
            let reason = reason.clone();
            Some((entry, reason))
        }
        _ => None,
    })?;
    Some(view! {
        <section class="card changes-asked" data-test="changes-asked">
            <h2>{t!(i18n, plan_editor.changes_asked_title)}</h2>
            <p class="note">{t!(i18n, mentoring.by)} " " {entry.actor} " · "
                <time datetime=iso(entry.at)>{moment_text(i18n, entry.at)}</time></p>
            <blockquote class="reason" data-test="changes-reason">{reason}</blockquote>
        </section>
    })
}

/// After a step or a comment sent as a plain form, say it was done (a section's save says so
/// beside the section).
#[component]
fn StepNotice() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    move || {
        query.with(|q| q.get("saved")).and_then(|code| {
            let message = match code.as_str() {
                "commented" => t_string!(i18n, mentoring.saved_commented).to_string(),
                code if crate::domain::plans::plan::PlanAction::from_code(code).is_some() => {
                    t_string!(i18n, mentoring.saved_step).to_string()
                }
                _ => return None,
            };
            Some(view! { <p class="notice" role="status" data-test="saved-step">{message}</p> })
        })
    }
}
