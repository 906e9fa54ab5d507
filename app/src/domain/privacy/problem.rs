//! What can go wrong asking for a part of the audit trail, or for an erasure. Each is a code;
//! `pages/privacy/labels.rs` turns it into a sentence.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum PrivacyProblem {
    #[error("the period ends before it starts")]
    PeriodReversed,
    #[error("no such kind of record")]
    SubjectKindUnknown,
    #[error("a record number is a whole number above zero")]
    SubjectIdInvalid,
    #[error("a record number needs its kind")]
    SubjectIdWithoutKind,
    #[error("no such action")]
    ActionUnknown,
    #[error("the text to look for is too long")]
    ActorTooLong { max: usize },
    #[error("no applicant has this account number")]
    ErasurePersonUnknown,
    #[error("choose why the person is erased")]
    ErasureReasonUnknown,
    #[error("the note is too long")]
    NoteTooLong { max: usize },
    #[error("an erasure of this person is already waiting")]
    ErasureAlreadyAsked,
    #[error("this person is already erased")]
    AlreadyErased,
    #[error("another administrator must carry out an erasure you asked for")]
    ErasureSameAdmin,
    #[error("this request was already carried out or cancelled")]
    ErasureNotPending,
    #[error("a payment to this person awaits confirmation")]
    ErasureMoneyInFlight,
    #[error("tick the box to confirm")]
    ErasureNotConfirmed,
}
