//! `/committee/review?plan=N`: the plan as written (sections rendered safe, figures and what
//! is computed from them), the applicant as the blind rule allows, then the member's
//! declaration and score sheet, and for the chair the round's scores and the decision form.

use super::labels::{points_text, quorum_text, standing_name};
use super::scoring::{ChairPanel, DeclarationForm, ScoreForm, SheetView};
use crate::components::page_data::page_data;
use crate::domain::committee::{Identity, Standing};
use crate::domain::profile::DocumentKind;
use crate::domain::shared::locale::Lang;
use crate::domain::shared::reference::Country;
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::catalogue::labels::lang_of;
use crate::pages::money::labels::outcome_name;
use crate::pages::plans::figures::Figures;
use crate::pages::plans::labels::plan_status_name;
use crate::pages::plans::sections::SectionCard;
use crate::pages::problem::FormProblems;
use crate::pages::profile::labels::document_name;
use crate::pages::shared::labels::moment_text;
use crate::pages::shared::labels::money_text;
use crate::pages::shared::not_found::NotFound;
use crate::server_fns::committee::review_plan;
use crate::wire::committee::{DecisionLine, ReviewView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ReviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let plan = move || query.with(|q| q.get("plan").unwrap_or_default());
    let review = page_data(plan, review_plan);
    view! {
        <Title text=move || t_string!(i18n, committee.review_title).to_string() />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match review.await {
                    Ok(review) => view! { <Review review /> }.into_any(),
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
fn Review(review: ReviewView) -> impl IntoView {
    let i18n = use_i18n();
    let plan = review.plan.clone();
    let id = plan.id;
    let sections = plan
        .sections
        .iter()
        .map(|section| {
            view! { <SectionCard plan_id=id editable=false section=section.clone() conflicts=Vec::new() /> }
        })
        .collect_view();
    let sheet = match (&review.my_sheet, review.standing) {
        (Some(sheet), _) => view! {
            <section class="card" data-test="my-sheet">
                <h2>{t!(i18n, committee.my_sheet)}</h2>
                <SheetView sheet=sheet.clone() />
            </section>
        }
        .into_any(),
        (None, Standing::ToDeclare) => view! { <DeclarationForm plan=id /> }.into_any(),
        (None, Standing::ToScore)
            if review.plan.status == crate::domain::plans::plan::PlanStatus::UnderReview =>
        {
            view! { <ScoreForm plan=id rubric=review.rubric.clone() /> }.into_any()
        }
        (None, _) => ().into_any(),
    };
    let chair = review
        .summary
        .clone()
        .filter(|_| review.chair)
        .map(|summary| {
            view! { <ChairPanel review=review.clone() summary /> }
        });
    view! {
        <p><a href="/committee">{t!(i18n, committee.back_home)}</a></p>
        <h1 data-test="plan-title">{t_string!(i18n, committee.plan_number, id = id).to_string()}</h1>
        <p class="note">{review.call_title.clone()} " · " <bdi>{review.call_reference.clone()}</bdi></p>
        <p>{t!(i18n, plan.status)} " " <strong data-test="status" data-status=plan.status.code()>
            {plan_status_name(i18n, plan.status)}</strong>
            " · " {t!(i18n, committee.round)} " " {review.round}</p>
        <SavedNotice />
        <Applicant blind=review.blind identity=review.identity.clone() />
        <section class="card" data-test="review-status">
            <h2>{t!(i18n, committee.your_part)}</h2>
            <p data-test="standing" data-standing=review.standing.code()>{standing_name(i18n, review.standing)}</p>
            {review.coached.then(|| view! { <p class="note" data-test="coached">{t!(i18n, committee.coached_note)}</p> })}
            <p data-test="quorum">{quorum_text(i18n, review.quorum)}</p>
            <p>{t!(i18n, committee.requested)} " " <bdi>{money_text(i18n, review.requested)}</bdi></p>
        </section>
        {sheet}
        {chair}
        <Decisions decisions=review.decisions.clone() />
        {sections}
        <Figures plan />
    }
}

/// After a declaration or a sheet sent as a plain form.
#[component]
fn SavedNotice() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    move || {
        query.with(|q| q.get("saved")).and_then(|code| {
            let message = match code.as_str() {
                "declared" => t_string!(i18n, committee.saved_declared).to_string(),
                "scored" => t_string!(i18n, committee.saved_scored).to_string(),
                "decided" => t_string!(i18n, committee.saved_decided).to_string(),
                _ => return None,
            };
            Some(view! { <p class="notice" role="status" data-test="saved">{message}</p> })
        })
    }
}

/// The applicant's name, nationality and papers, or a note that the call reviews blind.
/// Health and vulnerability flags are never sent to the committee.
#[component]
fn Applicant(blind: bool, identity: Option<Identity>) -> impl IntoView {
    let i18n = use_i18n();
    let lang: Lang = lang_of(i18n);
    let body = match identity.filter(|_| !blind) {
        None => view! { <p data-test="blind">{t!(i18n, committee.blind_note)}</p> }.into_any(),
        Some(identity) => {
            let nationality = identity
                .nationality
                .as_deref()
                .and_then(Country::parse)
                .map(|c| c.label(lang).to_owned())
                .unwrap_or_default();
            let papers = identity
                .papers
                .iter()
                .filter_map(|code| DocumentKind::from_code(code))
                .map(|kind| document_name(i18n, kind))
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <dl data-test="identity">
                    <dt>{t!(i18n, committee.name)}</dt><dd data-test="applicant-name">{identity.name.clone()}</dd>
                    <dt>{t!(i18n, committee.nationality)}</dt><dd data-test="nationality">{nationality}</dd>
                    <dt>{t!(i18n, committee.legal_status)}</dt><dd data-test="legal-status">{papers}</dd>
                </dl>
            }
            .into_any()
        }
    };
    view! {
        <section class="card" data-test="applicant">
            <h2>{t!(i18n, committee.applicant)}</h2>
            {body}
        </section>
    }
}

/// The decisions recorded on the plan, the latest first.
#[component]
fn Decisions(decisions: Vec<DecisionLine>) -> impl IntoView {
    let i18n = use_i18n();
    (!decisions.is_empty()).then(|| {
        let items = decisions
            .into_iter()
            .map(|d| {
                let amount = d.amount.map(
                    |a| view! { " · " <bdi data-test="decision-amount">{money_text(i18n, a)}</bdi> },
                );
                view! {
                    <li data-test="decision" data-outcome=d.outcome.code()>
                        <strong>{outcome_name(i18n, d.outcome)}</strong> {amount}
                        " · " {t!(i18n, committee.round)} " " {d.round}
                        " · " <bdi>{moment_text(i18n, d.decided_at)}</bdi>
                        <p data-test="justification">{d.justification.clone()}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="card" data-test="decisions">
                <h2>{t!(i18n, committee.decision_title)}</h2>
                <ul>{items}</ul>
            </section>
        }
    })
}

/// An average line for the chair: "3.45 / 5" or a dash without sheets.
pub fn average_text(average: Option<i64>) -> String {
    average.map(points_text).unwrap_or_else(|| "—".to_owned())
}
