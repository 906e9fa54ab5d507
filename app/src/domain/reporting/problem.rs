//! What can go wrong choosing a report's filters or saving the programme's settings. Each is a
//! code; `pages/reporting/labels.rs` turns it into a sentence.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ReportingProblem {
    #[error("no such period")]
    PeriodUnknown,
    #[error("no grant call has this reference")]
    ReportCallUnknown,
    #[error("no training has this reference")]
    ReportTrainingUnknown,
    #[error("the smallest count shown is out of range")]
    SmallCellOutOfRange { min: u64, max: u64 },
    #[error("a target must be a whole number of people")]
    TargetInvalid { max: u64 },
}
