//! `/mentor/visit?plan=N`: the plan's mentor reports a monitoring visit, with photos or
//! receipts. A plain multipart form (no JavaScript needed) posted to the same address
//! (`files::monitoring`); a refused post comes back here with what was typed and each problem
//! beside its field.

pub mod labels;
pub mod sustainability;

use crate::components::form::{invalid, textarea_text};
use crate::components::page_data::page_data;
use crate::domain::monitoring::{VisitForm, EVIDENCE_MAX_FILES, JOBS_MAX, PROBLEMS_MAX};
use crate::domain::shared::problem::Field;
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::monitoring::labels::{equipment_answers, problem_level_answers};
use crate::pages::plans::labels::plan_status_name;
use crate::pages::problem::{FieldProblems, FormProblems, LastError};
use crate::pages::shared::labels::date_text;
use crate::pages::shared::not_found::NotFound;
use crate::server_fns::monitoring::visit_form;
use crate::wire::monitoring::VisitPlan;
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The types the file picker offers (the server checks the bytes whatever is chosen).
const ACCEPT: &str = "image/jpeg,image/png,image/webp,application/pdf";

#[component]
pub fn VisitPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let args = move || query.with(|q| (q.get("plan"), q.get("retry")));
    let loaded = page_data(args, |(plan, retry)| async move {
        match plan {
            Some(plan) => visit_form(plan, retry).await.map(Some),
            None => Ok(None),
        }
    });
    view! {
        <Title text=move || t_string!(i18n, monitoring.visit_title).to_string() />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(Some(plan)) => view! { <VisitBody plan /> }.into_any(),
                    Ok(None) => view! {
                        <h1>{t!(i18n, monitoring.visit_title)}</h1>
                        <p>{t!(i18n, monitoring.choose_plan)}</p>
                        <p><a href="/mentor/caseload">{t!(i18n, mentoring.caseload_title)}</a></p>
                    }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                    Err(error) => view! {
                        <h1>{t!(i18n, monitoring.visit_title)}</h1>
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn VisitBody(plan: VisitPlan) -> impl IntoView {
    let i18n = use_i18n();
    let status = plan_status_name(i18n, plan.status);
    let form = match plan.approved_on {
        Some(approved_on) => {
            let (typed, problems) = match plan.retry.clone() {
                Some(retry) => (retry.form, Some(AppError::Validation(retry.problems))),
                None => (VisitForm::default(), None),
            };
            let error: LastError = Signal::derive(move || problems.clone());
            view! {
                <p class="note">{t_string!(i18n, monitoring.approved_on, date = date_text(i18n, approved_on)).to_string()}</p>
                <VisitFields plan=plan.plan typed error min=approved_on.to_string() today=plan.today.to_string() />
            }
            .into_any()
        }
        None => view! {
            <p class="notice" data-test="not-approved">{t!(i18n, monitoring.not_approved)}</p>
        }
        .into_any(),
    };
    view! {
        <p><a href=format!("/plans/plan?id={}", plan.plan) rel="external">{t!(i18n, monitoring.back_to_plan)}</a></p>
        <h1>{t!(i18n, monitoring.visit_title)}</h1>
        <p data-test="visit-plan">{plan.applicant.clone()} " · " {plan.title.clone()} " · " <bdi>{plan.reference.clone()}</bdi></p>
        <p>{t!(i18n, plan.status)} " " <strong data-test="status">{status}</strong></p>
        {form}
    }
}

/// A question answered by one of a few radio buttons, with the typed answer ticked.
#[component]
fn Choices(
    name: &'static str,
    legend: String,
    answers: Vec<(&'static str, String)>,
    typed: String,
    field: Field,
    problems_id: &'static str,
    error: LastError,
) -> impl IntoView {
    view! {
        <fieldset class="field choices" aria-describedby=problems_id>
            <legend>{legend}</legend>
            {answers.into_iter().map(|(code, text)| view! {
                <label class="choice">
                    <input type="radio" name=name value=code required checked=typed == code />
                    {text}
                </label>
            }).collect_view()}
            <FieldProblems error field id=problems_id />
        </fieldset>
    }
}

/// Yes and no, in the reader's language.
fn yes_no_answers(i18n: I18nContext<Locale>) -> Vec<(&'static str, String)> {
    vec![
        ("yes", t_string!(i18n, monitoring.yes).to_string()),
        ("no", t_string!(i18n, monitoring.no).to_string()),
    ]
}

/// The form's fields, filled with what was typed (files must be chosen again: browsers never
/// let a page fill a file input). The file input comes last, so the text fields arrive first.
#[component]
fn VisitFields(
    plan: i64,
    typed: VisitForm,
    error: LastError,
    min: String,
    today: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let marked = move |field: Field| invalid(error, field);
    let visited_on = if typed.visited_on.is_empty() {
        today.clone()
    } else {
        typed.visited_on.clone()
    };
    view! {
        <form method="post" action="/mentor/visit" enctype="multipart/form-data" class="form" data-test="visit-form">
            <FormProblems error />
            <input type="hidden" name="plan" value=plan />
            <div class="field">
                <label for="visited-on">{t!(i18n, monitoring.visited_on)}</label>
                <input id="visited-on" name="visited_on" type="date" required min=min max=today
                    value=visited_on aria-invalid=marked(Field::VisitedOn)
                    aria-describedby="visited-on-problems" />
                <FieldProblems error field=Field::VisitedOn id="visited-on-problems" />
            </div>
            <Choices name="operating" legend=t_string!(i18n, monitoring.operating).to_string()
                answers=yes_no_answers(i18n) typed=typed.operating.clone() field=Field::Operating
                problems_id="operating-problems" error />
            <div class="field">
                <label for="revenue">{t!(i18n, monitoring.revenue)}</label>
                <input id="revenue" name="revenue" type="text" inputmode="decimal" required dir="ltr"
                    value=typed.revenue.clone() aria-invalid=marked(Field::Revenue)
                    aria-describedby="revenue-problems" />
                <FieldProblems error field=Field::Revenue id="revenue-problems" />
            </div>
            <div class="field">
                <label for="costs">{t!(i18n, monitoring.costs)}</label>
                <input id="costs" name="costs" type="text" inputmode="decimal" required dir="ltr"
                    value=typed.costs.clone() aria-invalid=marked(Field::Costs)
                    aria-describedby="costs-problems" />
                <FieldProblems error field=Field::Costs id="costs-problems" />
            </div>
            <div class="field">
                <label for="jobs">{t!(i18n, monitoring.jobs)}</label>
                <input id="jobs" name="jobs" type="number" inputmode="numeric" required min="0" max=JOBS_MAX
                    value=typed.jobs.clone() aria-invalid=marked(Field::Jobs)
                    aria-describedby="jobs-problems" />
                <FieldProblems error field=Field::Jobs id="jobs-problems" />
            </div>
            <div class="field">
                <label for="problems">{t!(i18n, monitoring.problems)}</label>
                <textarea id="problems" name="problems" rows="4" maxlength=PROBLEMS_MAX
                    aria-invalid=marked(Field::Problems) aria-describedby="problems-problems"
                    >{textarea_text(&typed.problems)}</textarea>
                <FieldProblems error field=Field::Problems id="problems-problems" />
            </div>
            <Choices name="equipment" legend=t_string!(i18n, monitoring.equipment).to_string()
                answers=equipment_answers(i18n) typed=typed.equipment.clone() field=Field::Equipment
                problems_id="equipment-problems" error />
            <Choices name="problem_level" legend=t_string!(i18n, monitoring.problem_level).to_string()
                answers=problem_level_answers(i18n) typed=typed.problem_level.clone()
                field=Field::ProblemLevel problems_id="problem-level-problems" error />
            <p class="hint">{t!(i18n, monitoring.score_hint)}</p>
            <Choices name="satisfactory" legend=t_string!(i18n, monitoring.satisfactory).to_string()
                answers=yes_no_answers(i18n) typed=typed.satisfactory.clone() field=Field::Satisfactory
                problems_id="satisfactory-problems" error />
            <p class="hint">{t!(i18n, monitoring.satisfactory_hint)}</p>
            <EvidenceField error />
            <button type="submit" class="button" data-test="record-visit">{t!(i18n, monitoring.record)}</button>
        </form>
    }
}

/// The file input, last in the form so the text fields arrive first.
#[component]
fn EvidenceField(error: LastError) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for="evidence">{t!(i18n, monitoring.evidence)}</label>
            <input id="evidence" name="evidence" type="file" multiple accept=ACCEPT
                aria-invalid=invalid(error, Field::Evidence) aria-describedby="evidence-hint evidence-problems" />
            <p class="hint" id="evidence-hint">{t_string!(i18n, monitoring.evidence_hint, max = EVIDENCE_MAX_FILES).to_string()}</p>
            <FieldProblems error field=Field::Evidence id="evidence-problems" />
        </div>
    }
}
