//! What can go wrong requesting or managing a seat in a training. Each is a code; `pages/enrolments/labels.rs` turns it into a sentence.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum EnrolmentsProblem {
    #[error("the training has already started")]
    TrainingStarted,
    #[error("the training has no free seat")]
    TrainingFull,
    #[error("the training is not over yet")]
    TrainingNotOver,
    #[error("a seat in this training was already requested")]
    AlreadyRequested,
    #[error("not possible for an enrolment in this state")]
    EnrolmentIs {
        status: crate::domain::enrolments::enrolment::EnrolmentStatus,
    },
}
