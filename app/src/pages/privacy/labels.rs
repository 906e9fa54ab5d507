//! Privacy words in the reader's language: the kinds of record, what can be wrong with the
//! trail's filters or an erasure request.

use crate::domain::privacy::problem::PrivacyProblem;
use crate::i18n::*;
use leptos_i18n::I18nContext;

/// The sentence for one privacy problem.
pub fn problem_text(i18n: I18nContext<Locale>, problem: PrivacyProblem) -> String {
    match problem {
        PrivacyProblem::PeriodReversed => t_string!(i18n, problem.period_reversed).to_string(),
        PrivacyProblem::SubjectKindUnknown => {
            t_string!(i18n, problem.subject_kind_unknown).to_string()
        }
        PrivacyProblem::SubjectIdInvalid => t_string!(i18n, problem.subject_id_invalid).to_string(),
        PrivacyProblem::SubjectIdWithoutKind => {
            t_string!(i18n, problem.subject_id_without_kind).to_string()
        }
        PrivacyProblem::ActionUnknown => t_string!(i18n, problem.action_unknown).to_string(),
        PrivacyProblem::ActorTooLong { max } => {
            t_string!(i18n, problem.actor_too_long, max).to_string()
        }
        PrivacyProblem::ErasurePersonUnknown => {
            t_string!(i18n, problem.erasure_person_unknown).to_string()
        }
        PrivacyProblem::ErasureReasonUnknown => {
            t_string!(i18n, problem.erasure_reason_unknown).to_string()
        }
        PrivacyProblem::NoteTooLong { max } => {
            t_string!(i18n, problem.note_too_long, max).to_string()
        }
        PrivacyProblem::ErasureAlreadyAsked => {
            t_string!(i18n, problem.erasure_already_asked).to_string()
        }
        PrivacyProblem::AlreadyErased => t_string!(i18n, problem.already_erased).to_string(),
        PrivacyProblem::ErasureSameAdmin => t_string!(i18n, problem.erasure_same_admin).to_string(),
        PrivacyProblem::ErasureNotPending => {
            t_string!(i18n, problem.erasure_not_pending).to_string()
        }
        PrivacyProblem::ErasureMoneyInFlight => {
            t_string!(i18n, problem.erasure_money_in_flight).to_string()
        }
        PrivacyProblem::ErasureNotConfirmed => {
            t_string!(i18n, problem.erasure_not_confirmed).to_string()
        }
    }
}

/// A kind of record (`domain::privacy::trail::SUBJECT_KINDS`) in words; an unknown one as
/// stored.
pub fn kind_words(locale: Locale, kind: &str) -> String {
    match kind {
        "user" => td_string!(locale, privacy.kind_user),
        "plan" => td_string!(locale, privacy.kind_plan),
        "training" => td_string!(locale, privacy.kind_training),
        "grant_call" => td_string!(locale, privacy.kind_grant_call),
        "enrolment" => td_string!(locale, privacy.kind_enrolment),
        "tranche" => td_string!(locale, privacy.kind_tranche),
        "review_session" => td_string!(locale, privacy.kind_review_session),
        "visit_evidence" => td_string!(locale, privacy.kind_visit_evidence),
        "catalogue_import" => td_string!(locale, privacy.kind_catalogue_import),
        "supplier" => td_string!(locale, privacy.kind_supplier),
        other => return other.to_owned(),
    }
    .to_string()
}
