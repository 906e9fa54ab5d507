//! The member's forms on a plan under review (declaration, then score sheet), a sheet as it
//! reads, and the chair's panel: the round's sheets, the average, who is recused, and the
//! decision form (the decision itself is recorded by `/api/committee/decide`).

use super::labels::points_text;
use super::review::average_text;
use crate::components::form::{invalid, last_error};
use crate::domain::catalogue::grant_terms::{Criterion, Rubric};
use crate::domain::shared::problem::Field;
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::catalogue::labels::criterion_label;
use crate::pages::money::labels::outcome_name;
use crate::pages::problem::{FieldProblems, FormProblems, LastError};
use crate::pages::shared::labels::moment_text;
use crate::server_fns::committee::{DeclareConflict, ScorePlan};
use crate::wire::committee::{ReviewView, ScoresSummary, SheetLine};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The path the chair's decision form posts to.
const DECIDE: &str = "/api/committee/decide";

#[component]
pub fn DeclarationForm(plan: i64) -> impl IntoView {
    let i18n = use_i18n();
    let declare = ServerAction::<DeclareConflict>::new();
    let error = last_error(declare);
    view! {
        <section class="card" data-test="declare">
            <h2>{t!(i18n, committee.declare_title)}</h2>
            <p class="note">{t!(i18n, committee.declare_lead)}</p>
            <FormProblems error />
            <ActionForm action=declare>
                <input type="hidden" name="plan" value=plan />
                <fieldset class="field" aria-describedby="conflict-problems">
                    <legend>{t!(i18n, committee.conflict_question)}</legend>
                    <label class="choice"><input type="radio" name="conflicted" value="no" />
                        {t!(i18n, committee.conflict_no)}</label>
                    <label class="choice"><input type="radio" name="conflicted" value="yes" />
                        {t!(i18n, committee.conflict_yes)}</label>
                    <FieldProblems error field=Field::Conflict id="conflict-problems" />
                </fieldset>
                <div class="field">
                    <label for="declare-note">{t!(i18n, committee.note)}</label>
                    <textarea id="declare-note" name="note" rows="3" maxlength="1000"
                        aria-invalid=invalid(error, Field::Comment)></textarea>
                    <FieldProblems error field=Field::Comment id="declare-note-problems" />
                </div>
                <button type="submit" data-test="declare-submit">{t!(i18n, committee.declare_submit)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn ScoreForm(plan: i64, rubric: Rubric) -> impl IntoView {
    let i18n = use_i18n();
    let score = ServerAction::<ScorePlan>::new();
    let error = last_error(score);
    let criteria = rubric
        .weights()
        .iter()
        .map(|w| {
            let criterion = w.criterion;
            let code = criterion.code();
            let id = format!("score-{code}");
            view! {
                <div class="field">
                    <label for=id.clone()>{criterion_label(i18n, criterion)} " "
                        <span class="note">{t_string!(i18n, committee.weight, weight = w.weight).to_string()}</span></label>
                    <select id=id name=code aria-invalid=invalid(error, criterion.field())>
                        <option value="">"—"</option>
                        {(0..=crate::domain::committee::SCORE_MAX).map(|n| view! {
                            <option value=n.to_string()>{n}</option>
                        }).collect_view()}
                    </select>
                    <CriterionProblems error criterion />
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="card" data-test="score">
            <h2>{t!(i18n, committee.score_title)}</h2>
            <p class="note">{t!(i18n, committee.score_lead)}</p>
            <FormProblems error />
            <ActionForm action=score>
                <input type="hidden" name="plan" value=plan />
                {criteria}
                <div class="field">
                    <label for="score-comment">{t!(i18n, committee.comment)}</label>
                    <textarea id="score-comment" name="comment" rows="5" maxlength="4000"
                        aria-invalid=invalid(error, Field::Comment)></textarea>
                    <FieldProblems error field=Field::Comment id="score-comment-problems" />
                </div>
                <button type="submit" data-test="score-submit">{t!(i18n, committee.score_submit)}</button>
            </ActionForm>
        </section>
    }
}

/// The problems of one criterion's score (each criterion has its own field).
#[component]
fn CriterionProblems(error: LastError, criterion: Criterion) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let problems = error
            .get()
            .map(|e| e.problems_for(criterion.field()))
            .unwrap_or_default();
        (!problems.is_empty()).then(|| {
            view! {
                <div class="field-problems" data-test=format!("score-{}-problems", criterion.code())>
                    {problems.into_iter()
                        .map(|p| view! { <p>{crate::pages::problem::problem_text(i18n, p)}</p> })
                        .collect_view()}
                </div>
            }
        })
    }
}

/// A sheet as it reads: each criterion's score, the weighted total, the comment.
#[component]
pub fn SheetView(sheet: SheetLine) -> impl IntoView {
    let i18n = use_i18n();
    let scores = sheet
        .scores
        .iter()
        .map(|s| view! { <dt>{criterion_label(i18n, s.criterion)}</dt><dd><bdi>{s.score} " / 5"</bdi></dd> })
        .collect_view();
    view! {
        <dl>
            {scores}
            <dt>{t!(i18n, committee.weighted)}</dt>
            <dd data-test="weighted"><bdi>{points_text(sheet.weighted)}</bdi></dd>
        </dl>
        {(!sheet.comment.is_empty()).then(|| view! { <p class="comment">{sheet.comment.clone()}</p> })}
        <p class="note"><bdi>{moment_text(i18n, sheet.submitted_at)}</bdi></p>
    }
}

/// The chair's panel: the round's sheets, the average, who is recused, and the decision form.
#[component]
pub fn ChairPanel(review: ReviewView, summary: ScoresSummary) -> impl IntoView {
    let i18n = use_i18n();
    let rows = summary
        .sheets
        .iter()
        .map(|sheet| {
            view! {
                <tr data-test="summary-sheet">
                    <td>{sheet.member.clone()}</td>
                    <td><bdi>{points_text(sheet.weighted)}</bdi></td>
                    <td>{sheet.scores.iter()
                        .map(|s| format!("{} {}", criterion_label(i18n, s.criterion), s.score))
                        .collect::<Vec<_>>().join(" · ")}</td>
                    <td>{sheet.comment.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let recused = if summary.recused.is_empty() {
        t_string!(i18n, committee.nobody).to_string()
    } else {
        summary.recused.join(", ")
    };
    let under_review = review.plan.status == crate::domain::plans::plan::PlanStatus::UnderReview;
    let decide = match review.decide_refused {
        _ if !under_review => ().into_any(),
        None => view! { <DecisionForm plan=review.plan.id /> }.into_any(),
        Some(problem) => {
            let why = crate::pages::committee::labels::problem_text(i18n, problem);
            view! { <p class="note" data-test="may-not-decide">{why}</p> }.into_any()
        }
    };
    view! {
        <section class="card" data-test="chair-summary">
            <h2>{t!(i18n, committee.summary_title)}</h2>
            <p>{t!(i18n, committee.average)} " " <strong data-test="average"><bdi>{average_text(summary.average)}</bdi></strong></p>
            <div class="table-scroll"><table class="table">
                <thead><tr>
                    <th scope="col">{t!(i18n, committee.member)}</th>
                    <th scope="col">{t!(i18n, committee.weighted)}</th>
                    <th scope="col">{t!(i18n, committee.scores)}</th>
                    <th scope="col">{t!(i18n, committee.comment)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
            <p>{t!(i18n, committee.recused)} " " <span data-test="recused">{recused}</span></p>
        </section>
        {decide}
    }
}

/// The error the decision endpoint sent back to this page after a plain form post.
fn decide_error() -> LastError {
    let query = use_query_map();
    Signal::derive(move || {
        query.with(|q| {
            if q.get("__path").as_deref() != Some(DECIDE) {
                return None;
            }
            let encoded = q.get("__err")?;
            Some(leptos::server_fn::error::ServerFnUrlError::<AppError>::decode_err(&encoded))
        })
    })
}

/// The chair's decision: approve an amount, reject or return, with a justification. A plain
/// form; the endpoint sends the page back here with its problems.
#[component]
fn DecisionForm(plan: i64) -> impl IntoView {
    let i18n = use_i18n();
    let error = decide_error();
    let outcomes = crate::domain::committee::decision::Outcome::ALL
        .into_iter()
        .map(|outcome| {
            view! {
                <label class="choice"><input type="radio" name="outcome" value=outcome.code() />
                    {outcome_name(i18n, outcome)}</label>
            }
        })
        .collect_view();
    view! {
        <section class="card" data-test="decide">
            <h2>{t!(i18n, committee.decide_title)}</h2>
            <FormProblems error />
            <form method="post" action=DECIDE>
                <input type="hidden" name="plan" value=plan />
                <fieldset class="field" aria-describedby="outcome-problems">
                    <legend>{t!(i18n, committee.outcome)}</legend>
                    {outcomes}
                    <FieldProblems error field=Field::Outcome id="outcome-problems" />
                </fieldset>
                <div class="field">
                    <label for="decide-amount">{t!(i18n, committee.amount)}</label>
                    <input id="decide-amount" name="amount" type="text" inputmode="decimal" dir="ltr"
                        aria-invalid=invalid(error, Field::Amount) aria-describedby="amount-problems" />
                    <FieldProblems error field=Field::Amount id="amount-problems" />
                </div>
                <div class="field">
                    <label for="decide-justification">{t!(i18n, committee.justification)}</label>
                    <textarea id="decide-justification" name="justification" rows="5" maxlength="4000" required
                        aria-invalid=invalid(error, Field::Justification)
                        aria-describedby="justification-problems"></textarea>
                    <FieldProblems error field=Field::Justification id="justification-problems" />
                </div>
                <button type="submit" data-test="decide-submit">{t!(i18n, committee.decide_submit)}</button>
            </form>
        </section>
    }
}
