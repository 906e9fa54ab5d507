//! What can go wrong asking for a part of the audit trail. Each is a code;
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
}
