//! Erasure on request, with four eyes: an admin asks for a person's erasure (why, from a fixed
//! list, and a note for the second admin); another admin carries it out, or either cancels it.
//! Carried out, the person's own data is deleted or blanked and their name becomes a pseudonym
//! (their account number); the money and audit records stay, without anything that names them.

use crate::domain::privacy::problem::PrivacyProblem;
use crate::domain::problem::FieldProblem;
use crate::domain::profile::codes;
use crate::domain::shared::problem::{Field, SharedProblem};
use serde::{Deserialize, Serialize};

/// Why someone is erased.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErasureReason {
    /// The person asked themself (in writing, or in person at the office).
    PersonAsked,
    /// The person asked through their caseworker.
    AskedThroughCaseworker,
    /// A court or the data protection authority (CNDP) ordered it.
    LegalOrder,
    /// The same person registered twice; the duplicate goes.
    DuplicateAccount,
}

impl ErasureReason {
    pub const ALL: [ErasureReason; 4] = [
        ErasureReason::PersonAsked,
        ErasureReason::AskedThroughCaseworker,
        ErasureReason::LegalOrder,
        ErasureReason::DuplicateAccount,
    ];
}

codes!(ErasureReason {
    PersonAsked => "person_asked",
    AskedThroughCaseworker => "asked_through_caseworker",
    LegalOrder => "legal_order",
    DuplicateAccount => "duplicate_account",
});

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErasureStatus {
    Pending,
    Erased,
    Cancelled,
}

codes!(ErasureStatus {
    Pending => "pending",
    Erased => "erased",
    Cancelled => "cancelled",
});

/// The longest note for the second admin, in characters.
pub const NOTE_MAX: usize = 1000;

/// A checked request: whom, why, and the note (none when left blank).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErasureAsk {
    pub person: i64,
    pub reason: ErasureReason,
    pub note: Option<String>,
}

impl ErasureAsk {
    /// Reads the request form; every problem at once, each on its field.
    pub fn parse(person: &str, reason: &str, note: &str) -> Result<ErasureAsk, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let typed = person.trim().trim_start_matches('#');
        let person = typed.parse::<i64>().ok().filter(|id| *id > 0);
        if typed.is_empty() {
            problems.push(FieldProblem::new(
                Field::Subject,
                SharedProblem::TextMissing,
            ));
        } else if person.is_none() {
            problems.push(FieldProblem::new(
                Field::Subject,
                PrivacyProblem::ErasurePersonUnknown,
            ));
        }
        let reason = ErasureReason::from_code(reason.trim());
        if reason.is_none() {
            problems.push(FieldProblem::new(
                Field::Reason,
                PrivacyProblem::ErasureReasonUnknown,
            ));
        }
        let note = note.trim();
        if note.chars().count() > NOTE_MAX {
            problems.push(FieldProblem::new(
                Field::Note,
                PrivacyProblem::NoteTooLong { max: NOTE_MAX },
            ));
        }
        match (person, reason) {
            (Some(person), Some(reason)) if problems.is_empty() => Ok(ErasureAsk {
                person,
                reason,
                note: (!note.is_empty()).then(|| note.to_owned()),
            }),
            _ => Err(problems),
        }
    }
}

/// The name an erased person's records carry instead of theirs: their account number, which
/// the audit trail and the money records already know them by.
pub fn pseudonym(person: i64) -> String {
    format!("#{person}")
}

/// What stands in for a committee's written justification once it is erased (the column must
/// hold something).
pub const ERASED_TEXT: &str = "—";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_names_a_person_a_known_reason_and_at_most_a_short_note() {
        let ask = ErasureAsk::parse(" #42 ", "person_asked", "  ").expect("valid");
        assert_eq!(ask.person, 42);
        assert_eq!(ask.reason, ErasureReason::PersonAsked);
        assert_eq!(ask.note, None);
        let problems = ErasureAsk::parse("abc", "because", &"x".repeat(NOTE_MAX + 1))
            .expect_err("three problems");
        let fields: Vec<Field> = problems.iter().map(|p| p.field).collect();
        assert_eq!(fields, [Field::Subject, Field::Reason, Field::Note]);
        assert!(ErasureAsk::parse("0", "legal_order", "").is_err());
        let blank = ErasureAsk::parse(" ", "legal_order", "").expect_err("no one named");
        assert_eq!(blank[0].problem, SharedProblem::TextMissing.into());
        let kept = ErasureAsk::parse("7", "duplicate_account", "Doublon de #6").expect("valid");
        assert_eq!(kept.note.as_deref(), Some("Doublon de #6"));
    }

    #[test]
    fn every_reason_round_trips_through_its_code() {
        for reason in ErasureReason::ALL {
            assert_eq!(ErasureReason::from_code(reason.code()), Some(reason));
        }
        assert_eq!(pseudonym(42), "#42");
    }
}
