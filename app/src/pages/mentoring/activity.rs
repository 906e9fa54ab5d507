//! `/plans/activity?id=N`: what happened on a plan and what the reader may do next.

use super::components::{PlanComments, PlanTimeline, PlanTransitions, SessionLog};
use super::labels::all_parts;
use crate::components::page_data::page_data;
use crate::domain::plans::plan::Viewer;
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::plans::labels::plan_status_name;
use crate::pages::problem::FormProblems;
use crate::pages::shared::not_found::NotFound;
use crate::server_fns::mentoring::LogSession;
use crate::server_fns::plans::{plan_activity, CommentPlan, TransitionPlan};
use crate::wire::mentoring::PlanActivity;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PlanActivityPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let step = ServerAction::<TransitionPlan>::new();
    let comment = ServerAction::<CommentPlan>::new();
    let session = ServerAction::<LogSession>::new();
    let activity = page_data(
        move || query.with(|q| q.get("id").unwrap_or_default()),
        plan_activity,
    );
    let saved = move || {
        query.with(|q| q.get("saved")).map(|code| {
            let message = match code.as_str() {
                "commented" => t_string!(i18n, mentoring.saved_commented).to_string(),
                "session" => t_string!(i18n, mentoring.saved_session).to_string(),
                _ => t_string!(i18n, mentoring.saved_step).to_string(),
            };
            view! { <p class="notice" role="status" data-test="saved">{message}</p> }
        })
    };
    view! {
        <Title text=move || t_string!(i18n, mentoring.activity_title).to_string() />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match activity.await {
                    Ok(activity) => view! {
                        <h1>{t!(i18n, mentoring.activity_title)}</h1>
                        <p class="lead">{t!(i18n, mentoring.activity_lead)}</p>
                        {saved}
                        <ActivityBody activity step comment session />
                    }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ActivityBody(
    activity: PlanActivity,
    step: ServerAction<TransitionPlan>,
    comment: ServerAction<CommentPlan>,
    session: ServerAction<LogSession>,
) -> impl IntoView {
    let i18n = use_i18n();
    let plan = activity.plan;
    let may_comment = activity.may_comment();
    let threads = all_parts()
        .into_iter()
        .map(|part| {
            let comments = activity.thread(part);
            view! { <PlanComments plan part comments may_comment action=comment back="activity" /> }
        })
        .collect_view();
    let mentor = activity
        .mentor
        .clone()
        .unwrap_or_else(|| t_string!(i18n, mentoring.no_mentor).to_string());
    let steps = (activity.viewer != Viewer::Admin).then(|| {
        if activity.actions.is_empty() {
            view! { <p class="note" data-test="no-step">{t!(i18n, mentoring.no_step)}</p> }
                .into_any()
        } else {
            let actions = activity.actions.clone();
            view! { <PlanTransitions plan actions action=step back="activity" /> }.into_any()
        }
    });
    view! {
        <article data-test="plan-activity" data-status=activity.status.code()>
            <h2>{activity.title.clone()} " · " <bdi>{activity.reference.clone()}</bdi></h2>
            <p><a href=format!("/plans/plan?id={plan}") data-test="plan-link">{t!(i18n, mentoring.open_plan)}</a></p>
            <p>{t!(i18n, mentoring.applicant)} " " <span data-test="applicant">{activity.applicant.clone()}</span></p>
            <p>{t!(i18n, mentoring.mentor)} " " <span data-test="mentor">{mentor}</span></p>
            <p>{t!(i18n, mentoring.status)} " "
                <strong data-test="status">{plan_status_name(i18n, activity.status)}</strong></p>
            {steps}
            <section class="card">
                <h2>{t!(i18n, mentoring.timeline_title)}</h2>
                <PlanTimeline entries=activity.timeline.clone() />
            </section>
            <section class="card">
                <h2>{t!(i18n, mentoring.comments_title)}</h2>
                {threads}
            </section>
            <SessionLog plan sessions=activity.sessions.clone() is_mentor=activity.viewer == Viewer::Mentor
                today=activity.today action=session back="activity" />
        </article>
    }
}
