//! The plan's monitoring visits (for its owner, its mentor and admins): what each visit found,
//! with links to its evidence files; the mentor of an approved plan also gets the link to
//! report a visit.

use crate::domain::monitoring::score::{
    Score, EQUIPMENT_POINTS, JOBS_POINTS, OPERATING_POINTS, PROBLEMS_POINTS, REVENUE_POINTS,
};
use crate::domain::plans::plan::{PlanStatus, Viewer};
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::monitoring::labels::{equipment_name, problem_level_name, score_text};
use crate::pages::shared::labels::date_text;
use crate::pages::shared::labels::money_text;
use crate::wire::monitoring::{EvidenceLine, VisitLine};
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::hooks::use_query_map;

/// The visits, loaded by the page with its other data.
pub type VisitsResource = OnceResource<Result<Vec<VisitLine>, AppError>>;

#[component]
pub fn Visits(
    plan: i64,
    status: PlanStatus,
    viewer: Viewer,
    visits: VisitsResource,
) -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                // A failure here leaves the rest of the plan readable; the page shows its own.
                let lines = visits.await.unwrap_or_default();
                let funded = matches!(status, PlanStatus::Approved | PlanStatus::Closed);
                (funded || !lines.is_empty()).then(|| view! { <VisitList plan status viewer lines /> })
            })}
        </Suspense>
    }
}

#[component]
fn VisitList(
    plan: i64,
    status: PlanStatus,
    viewer: Viewer,
    lines: Vec<VisitLine>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let saved = query.with_untracked(|q| q.get("saved")).as_deref() == Some("visit");
    let record = (viewer == Viewer::Mentor && status == PlanStatus::Approved).then(|| view! {
        <p><a href=format!("/mentor/visit?plan={plan}") rel="external" class="button" data-test="record-visit-link">
            {t!(i18n, monitoring.record_link)}</a></p>
    });
    let list = if lines.is_empty() {
        view! { <p class="empty" data-test="no-visits">{t!(i18n, monitoring.no_visits)}</p> }
            .into_any()
    } else {
        view! {
            <ol class="visits">
                {lines.into_iter().map(|visit| view! { <VisitItem visit /> }).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <section class="card" id="visits" data-test="visits">
            <h2>{t!(i18n, monitoring.visits_title)}</h2>
            {saved.then(|| view! {
                <p class="notice" role="status" data-test="saved-visit">{t!(i18n, monitoring.saved)}</p>
            })}
            {list}
            {record}
        </section>
    }
}

pub(crate) fn yes_no(i18n: I18nContext<Locale>, answer: bool) -> String {
    if answer {
        t_string!(i18n, monitoring.yes).to_string()
    } else {
        t_string!(i18n, monitoring.no).to_string()
    }
}

#[component]
fn VisitItem(visit: VisitLine) -> impl IntoView {
    let i18n = use_i18n();
    let head = t_string!(
        i18n,
        monitoring.visit_line,
        date = date_text(i18n, visit.visited_on),
        mentor = visit.mentor.clone()
    )
    .to_string();
    let problems = (!visit.problems.is_empty()).then(|| {
        view! {
            <dt>{t!(i18n, monitoring.problems)}</dt>
            <dd class="comment-body" data-test="visit-problems">{visit.problems.clone()}</dd>
        }
    });
    let evidence = (!visit.evidence.is_empty()).then(|| view! {
        <dt>{t!(i18n, monitoring.evidence_title)}</dt>
        <dd>
            <ul class="evidence">
                {visit.evidence.iter().cloned().map(|file| view! { <EvidenceItem file /> }).collect_view()}
            </ul>
        </dd>
    });
    let answers = visit
        .equipment
        .zip(visit.problem_level)
        .map(|(equipment, level)| {
            view! {
                <dt>{t!(i18n, monitoring.equipment)}</dt>
                <dd data-test="visit-equipment">{equipment_name(i18n, equipment)}</dd>
                <dt>{t!(i18n, monitoring.problem_level)}</dt>
                <dd data-test="visit-problem-level">{problem_level_name(i18n, level)}</dd>
            }
        });
    let score = match visit.score {
        Some(score) => view! { <ScoreParts score /> }.into_any(),
        None => view! { {t!(i18n, monitoring.not_scored)} }.into_any(),
    };
    view! {
        <li data-test="visit" data-visit=visit.id data-satisfactory=visit.satisfactory.to_string()>
            <h3><time datetime=visit.visited_on.to_string()>{head}</time></h3>
            <dl class="facts">
                <dt>{t!(i18n, monitoring.operating)}</dt>
                <dd data-test="visit-operating">{yes_no(i18n, visit.operating)}</dd>
                <dt>{t!(i18n, monitoring.revenue)}</dt>
                <dd data-test="visit-revenue"><bdi>{money_text(i18n, visit.revenue)}</bdi></dd>
                <dt>{t!(i18n, monitoring.costs)}</dt>
                <dd data-test="visit-costs"><bdi>{money_text(i18n, visit.costs)}</bdi></dd>
                <dt>{t!(i18n, monitoring.jobs)}</dt>
                <dd data-test="visit-jobs">{visit.jobs.to_string()}</dd>
                {problems}
                {answers}
                <dt>{t!(i18n, monitoring.satisfactory)}</dt>
                <dd data-test="visit-satisfactory">{yes_no(i18n, visit.satisfactory)}</dd>
                {evidence}
                <dt>{t!(i18n, monitoring.score)}</dt>
                <dd data-test="visit-score">{score}</dd>
            </dl>
        </li>
    }
}

/// A score and, folded, how it was reached part by part.
#[component]
pub fn ScoreParts(score: Score) -> impl IntoView {
    let i18n = use_i18n();
    let parts = [
        (
            t_string!(i18n, monitoring.part_operating).to_string(),
            score.operating,
            OPERATING_POINTS,
        ),
        (
            t_string!(i18n, monitoring.part_revenue).to_string(),
            score.revenue,
            REVENUE_POINTS,
        ),
        (
            t_string!(i18n, monitoring.part_jobs).to_string(),
            score.jobs,
            JOBS_POINTS,
        ),
        (
            t_string!(i18n, monitoring.part_equipment).to_string(),
            score.equipment,
            EQUIPMENT_POINTS,
        ),
        (
            t_string!(i18n, monitoring.part_problems).to_string(),
            score.problems,
            PROBLEMS_POINTS,
        ),
    ];
    view! {
        <details class="score" data-band=score.band().code()>
            <summary><strong data-test="score-total">{score_text(i18n, score)}</strong></summary>
            <ul>
                {parts.into_iter().map(|(part, got, of)| view! {
                    <li>{part} " " <bdi>{format!("{got}/{of}")}</bdi></li>
                }).collect_view()}
            </ul>
        </details>
    }
}

#[component]
fn EvidenceItem(file: EvidenceLine) -> impl IntoView {
    let i18n = use_i18n();
    let size = t_string!(
        i18n,
        monitoring.size_kb,
        kb = (file.size_bytes + 1023) / 1024
    )
    .to_string();
    let kind = file.kind.extension().to_uppercase();
    view! {
        <li data-test="evidence">
            <a href=format!("/plans/evidence?id={}", file.id) rel="external" download="">
                <bdi>{file.name}</bdi></a>
            " (" {kind} ", " <span dir="ltr">{size}</span> ")"
        </li>
    }
}
