//! What can go wrong recording mentoring. Each is a code; `pages/mentoring/labels.rs` turns it into a sentence.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum MentoringProblem {
    #[error("the date is before the plan was started")]
    BeforePlanStarted,
    #[error("the number of minutes is not valid")]
    MinutesInvalid { min: u16, max: u16 },
    #[error("the capacity is not valid")]
    CapacityInvalid { min: u16, max: u16 },
    #[error("this account is not a mentor")]
    NotAMentor,
}
