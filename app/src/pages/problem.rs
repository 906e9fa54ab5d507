//! Error codes from the server, shown as sentences in the reader's language. Each area words its
//! own problems (`pages/<area>/labels.rs`); this module only picks the area and lays them out.

use crate::domain::problem::Problem;
use crate::domain::shared::problem::Field;
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::{
    accounts, catalogue, committee, enrolments, matching, mentoring, money, monitoring, plans,
    privacy, profile, reporting, shared,
};
use leptos::prelude::*;
use leptos_i18n::I18nContext;

/// The sentence for one problem, in its area's words.
pub fn problem_text(i18n: I18nContext<Locale>, problem: Problem) -> String {
    match problem {
        Problem::Shared(problem) => shared::labels::problem_text(i18n, problem),
        Problem::Accounts(problem) => accounts::labels::problem_text(i18n, problem),
        Problem::Profile(problem) => profile::labels::problem_text(i18n, problem),
        Problem::Catalogue(problem) => catalogue::labels::problem_text(i18n, problem),
        Problem::Matching(problem) => matching::labels::problem_text(i18n, problem),
        Problem::Enrolments(problem) => enrolments::labels::problem_text(i18n, problem),
        Problem::Plans(problem) => plans::labels::problem_text(i18n, problem),
        Problem::Mentoring(problem) => mentoring::labels::problem_text(i18n, problem),
        Problem::Committee(problem) => committee::labels::problem_text(i18n, problem),
        Problem::Money(problem) => money::labels::problem_text(i18n, problem),
        Problem::Monitoring(problem) => monitoring::labels::problem_text(i18n, problem),
        Problem::Privacy(problem) => privacy::labels::problem_text(i18n, problem),
        Problem::Reporting(problem) => reporting::labels::problem_text(i18n, problem),
    }
}

/// The sentences to show above a form: its form-level problems, or the general message for
/// an error that is not about one field.
pub fn form_messages(i18n: I18nContext<Locale>, error: &AppError) -> Vec<String> {
    match error {
        AppError::Validation(problems) => {
            let form: Vec<String> = problems
                .iter()
                .filter(|p| p.field == Field::Form)
                .map(|p| problem_text(i18n, p.problem))
                .collect();
            if form.is_empty() {
                vec![t_string!(i18n, error.form_has_problems).to_string()]
            } else {
                form
            }
        }
        AppError::Unauthenticated => vec![t_string!(i18n, error.unauthenticated).to_string()],
        AppError::Forbidden => vec![t_string!(i18n, error.forbidden).to_string()],
        AppError::NotFound => vec![t_string!(i18n, error.not_found).to_string()],
        AppError::Conflict => vec![t_string!(i18n, error.conflict).to_string()],
        AppError::Unavailable | AppError::Internal | AppError::Request(_) => {
            vec![t_string!(i18n, error.internal).to_string()]
        }
    }
}

pub use crate::components::form::LastError;

/// Messages above a form (live region, so screen readers announce them).
#[component]
pub fn FormProblems(error: LastError) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().map(|error| {
            view! {
                <div class="form-problems" role="alert" data-test="form-problems">
                    {form_messages(i18n, &error)
                        .into_iter()
                        .map(|message| view! { <p>{message}</p> })
                        .collect_view()}
                </div>
            }
        })
    }
}

/// Messages under one field; `id` is what the input's `aria-describedby` names.
#[component]
pub fn FieldProblems(error: LastError, field: Field, id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let problems = error
            .get()
            .map(|e| e.problems_for(field))
            .unwrap_or_default();
        (!problems.is_empty()).then(|| {
            view! {
                <div class="field-problems" id=id data-test=id>
                    {problems
                        .into_iter()
                        .map(|p| view! { <p>{problem_text(i18n, p)}</p> })
                        .collect_view()}
                </div>
            }
        })
    }
}
