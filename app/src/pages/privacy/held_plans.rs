//! The plans part of "everything we hold about you": each plan's text and figures, submitted
//! versions, steps, comments, mentoring sessions, monitoring visits, committee decisions and
//! payments. Staff by role only.

use crate::domain::money::tranche::TrancheStatus;
use crate::domain::plans::plan::PlanAction;
use crate::domain::plans::plan_text::{Part, Section};
use crate::i18n::*;
use crate::pages::accounts::dashboards::role_name;
use crate::pages::mentoring::labels::{event_name, part_name};
use crate::pages::money::labels::{method_name, outcome_name, tranche_status_name};
use crate::pages::monitoring::labels::{equipment_name, problem_level_name};
use crate::pages::plans::figures::FiguresTables;
use crate::pages::plans::labels::{plan_status_name, section_name};
use crate::pages::plans::visits::yes_no;
use crate::pages::privacy::held::Listed;
use crate::pages::shared::labels::{date_text, moment_text, money_text};
use crate::wire::privacy::{HeldComment, HeldEvent, HeldPlan, HeldSession, HeldTranche, HeldVisit};
use leptos::prelude::*;
use leptos_i18n::I18nContext;

/// Every plan; `owner` when the person reads it themself (evidence files link to their
/// download, which only the plan's own readers may take).
#[component]
pub fn HeldPlans(plans: Vec<HeldPlan>, owner: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" id="held-plans" data-test="held-plans">
            <h2>{t!(i18n, held.plans_title)}</h2>
            <Listed empty=plans.is_empty()>
                {plans.clone().into_iter().map(|plan| view! { <OnePlan plan owner /> }).collect_view()}
            </Listed>
        </section>
    }
}

#[component]
fn OnePlan(plan: HeldPlan, owner: bool) -> impl IntoView {
    let i18n = use_i18n();
    let texts: Vec<(Section, String)> = plan
        .content
        .sections
        .iter()
        .filter(|(_, body)| !body.trim().is_empty())
        .map(|(section, body)| (*section, body.clone()))
        .collect();
    let started = t_string!(
        i18n,
        held.started_on,
        date = moment_text(i18n, plan.created_at)
    );
    view! {
        <article class="held-plan" data-test="held-plan">
            <h3><bdi>{plan.call_reference}</bdi> " " {plan.call_title}</h3>
            <p>
                {t!(i18n, plan.status)} " " <strong>{plan_status_name(i18n, plan.status)}</strong>
                " · " {started.to_string()}
            </p>
            <details>
                <summary>{t!(i18n, held.plan_text)}</summary>
                {texts.into_iter().map(|(section, body)| view! {
                    <h4>{section_name(i18n, section)}</h4>
                    <p class="comment-body" dir="auto">{body}</p>
                }).collect_view()}
                <h4>{t!(i18n, plan_editor.figures_title)}</h4>
                <FiguresTables budget=plan.content.figures />
            </details>
            <h4>{t!(i18n, held.versions_title)}</h4>
            <Listed empty=plan.versions.is_empty()>
                <ul>
                    {plan.versions.clone().into_iter().map(|v| view! {
                        <li>{t_string!(i18n, held.version_line, number = v.number, date = moment_text(i18n, v.submitted_at)).to_string()}</li>
                    }).collect_view()}
                </ul>
            </Listed>
            <Steps events=plan.events />
            <Talk comments=plan.comments mentoring=plan.mentoring />
            <h4>{t!(i18n, monitoring.visits_title)}</h4>
            <Listed empty=plan.visits.is_empty()>
                <ul>
                    {plan.visits.clone().into_iter().map(|visit| view! { <Visit visit owner /> }).collect_view()}
                </ul>
            </Listed>
            <h4>{t!(i18n, held.decisions_title)}</h4>
            <Listed empty=plan.decisions.is_empty()>
                <ul>
                    {plan.decisions.clone().into_iter().map(|d| view! {
                        <li>
                            {moment_text(i18n, d.decided_at)} " · " <strong>{outcome_name(i18n, d.outcome)}</strong>
                            {d.amount.map(|amount| view! { " · " <bdi>{money_text(i18n, amount)}</bdi> })}
                            <p class="comment-body" dir="auto">{d.justification}</p>
                        </li>
                    }).collect_view()}
                </ul>
            </Listed>
            <h4>{t!(i18n, held.payments_title)}</h4>
            <Listed empty=plan.tranches.is_empty()>
                <ul>
                    {plan.tranches.clone().into_iter().map(|tranche| view! { <Tranche tranche /> }).collect_view()}
                </ul>
            </Listed>
        </article>
    }
}

/// The comments on the plan and its mentoring sessions.
#[component]
fn Talk(comments: Vec<HeldComment>, mentoring: Vec<HeldSession>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h4>{t!(i18n, mentoring.comments_title)}</h4>
        <Listed empty=comments.is_empty()>
            <ul>
                {comments.clone().into_iter().map(|c| {
                    let part = Part::from_code(&c.part).map_or(c.part.clone(), |p| part_name(i18n, p));
                    view! {
                        <li>
                            {moment_text(i18n, c.at)} " · " {by(i18n, c.by)} " · " {part}
                            <p class="comment-body" dir="auto">{c.body}</p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Listed>
        <h4>{t!(i18n, mentoring.sessions_title)}</h4>
        <Listed empty=mentoring.is_empty()>
            <ul>
                {mentoring.clone().into_iter().map(|s| view! {
                    <li>
                        {date_text(i18n, s.held_on)} " · " {format!("{} min", s.minutes)}
                        <p class="comment-body" dir="auto">{s.topics}</p>
                        <p class="comment-body" dir="auto">{s.next_steps}</p>
                    </li>
                }).collect_view()}
            </ul>
        </Listed>
    }
}

/// Who did something, by role; "Passerelle" when nobody did.
fn by(i18n: I18nContext<Locale>, role: Option<crate::domain::accounts::role::Role>) -> String {
    role.map_or_else(
        || t_string!(i18n, held.system).to_string(),
        |role| role_name(i18n, role),
    )
}

#[component]
fn Steps(events: Vec<HeldEvent>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h4>{t!(i18n, mentoring.steps_title)}</h4>
        <Listed empty=events.is_empty()>
            <ul>
                {events.clone().into_iter().map(|e| {
                    let what = if e.action == "assign_mentor" {
                        t_string!(i18n, held.mentor_assigned).to_string()
                    } else {
                        PlanAction::from_code(&e.action).map_or(e.action.clone(), |a| event_name(i18n, a))
                    };
                    view! {
                        <li>
                            {moment_text(i18n, e.at)} " · " {what} " · " {by(i18n, e.by)}
                            {e.reason.filter(|r| !r.trim().is_empty()).map(|r| view! { <p class="comment-body" dir="auto">{r}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Listed>
    }
}

#[component]
fn Visit(visit: HeldVisit, owner: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li>
            <strong>{date_text(i18n, visit.visited_on)}</strong>
            <dl>
                <dt>{t!(i18n, monitoring.operating)}</dt><dd>{yes_no(i18n, visit.operating)}</dd>
                <dt>{t!(i18n, monitoring.revenue)}</dt><dd><bdi>{money_text(i18n, visit.revenue)}</bdi></dd>
                <dt>{t!(i18n, monitoring.costs)}</dt><dd><bdi>{money_text(i18n, visit.costs)}</bdi></dd>
                <dt>{t!(i18n, monitoring.jobs)}</dt><dd>{visit.jobs.to_string()}</dd>
                <dt>{t!(i18n, monitoring.problems)}</dt><dd class="comment-body" dir="auto">{visit.problems}</dd>
                {visit.equipment.map(|e| view! {
                    <dt>{t!(i18n, monitoring.equipment)}</dt><dd>{equipment_name(i18n, e)}</dd>
                })}
                {visit.problem_level.map(|l| view! {
                    <dt>{t!(i18n, monitoring.problem_level)}</dt><dd>{problem_level_name(i18n, l)}</dd>
                })}
                <dt>{t!(i18n, monitoring.satisfactory)}</dt><dd>{yes_no(i18n, visit.satisfactory)}</dd>
            </dl>
            <ul class="evidence">
                {visit.evidence.into_iter().map(|file| {
                    let size = t_string!(i18n, monitoring.size_kb, kb = (file.size_bytes + 1023) / 1024).to_string();
                    let name = if owner {
                        view! { <a href=format!("/plans/evidence?id={}", file.id) rel="external"><bdi>{file.name}</bdi></a> }.into_any()
                    } else {
                        view! { <bdi>{file.name}</bdi> }.into_any()
                    };
                    view! { <li>{name} " · " {size}</li> }
                }).collect_view()}
            </ul>
        </li>
    }
}

#[component]
fn Tranche(tranche: HeldTranche) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li>
            {t_string!(i18n, held.tranche_line, number = tranche.number, percent = tranche.percent).to_string()} " · "
            <bdi>{money_text(i18n, tranche.amount)}</bdi> " · "
            <strong>{tranche_status_name(i18n, tranche.status)}</strong>
            <ul>
                {tranche.payments.into_iter().map(|p| {
                    let status = TrancheStatus::from_code(&p.status)
                        .map_or(p.status.clone(), |s| tranche_status_name(i18n, s));
                    let details = [p.payee, p.supplier, p.invoice, p.settlement_ref, p.failure_reason]
                        .into_iter().flatten().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
                    view! {
                        <li>
                            {moment_text(i18n, p.released_at)} " · " {method_name(i18n, &p.method)} " · " {status}
                            {(!details.is_empty()).then(|| view! { " · " <bdi>{details}</bdi> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </li>
    }
}
