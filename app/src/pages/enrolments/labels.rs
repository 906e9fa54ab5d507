//! Enrolment words in the reader's language: the states of a seat and what went wrong.

use crate::domain::enrolments::enrolment::EnrolmentStatus;
use crate::domain::enrolments::problem::EnrolmentsProblem;
use crate::i18n::*;
use leptos_i18n::I18nContext;

/// An enrolment's state in the reader's language.
pub fn status_name(i18n: I18nContext<Locale>, status: EnrolmentStatus) -> String {
    match status {
        EnrolmentStatus::Requested => t_string!(i18n, enrolment.requested),
        EnrolmentStatus::Enrolled => t_string!(i18n, enrolment.enrolled),
        EnrolmentStatus::Completed => t_string!(i18n, enrolment.completed),
        EnrolmentStatus::Declined => t_string!(i18n, enrolment.declined),
        EnrolmentStatus::Withdrawn => t_string!(i18n, enrolment.withdrawn),
    }
    .to_string()
}

/// The sentence for one enrolments problem.
pub fn problem_text(i18n: I18nContext<Locale>, problem: EnrolmentsProblem) -> String {
    match problem {
        EnrolmentsProblem::TrainingStarted => t_string!(i18n, problem.training_started).to_string(),
        EnrolmentsProblem::TrainingFull => t_string!(i18n, problem.training_full).to_string(),
        EnrolmentsProblem::TrainingNotOver => {
            t_string!(i18n, problem.training_not_over).to_string()
        }
        EnrolmentsProblem::AlreadyRequested => {
            t_string!(i18n, problem.already_requested).to_string()
        }
        EnrolmentsProblem::EnrolmentIs { status } => t_string!(
            i18n,
            problem.enrolment_is,
            status = status_name(i18n, status)
        )
        .to_string(),
    }
}
