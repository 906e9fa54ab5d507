//! What can go wrong recording a monitoring visit. Each is a code; `pages/monitoring/labels.rs` turns it into a sentence.

use crate::domain::shared::money::Money;
use crate::domain::shared::problem::Snippet;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum MonitoringProblem {
    #[error("the question is not answered")]
    AnswerMissing,
    #[error("none of the answers is chosen")]
    ChoiceMissing,
    #[error("the date is before the plan was approved")]
    BeforeApproval,
    #[error("the amount is missing")]
    AmountMissing,
    #[error("the amount is below zero")]
    AmountBelowZero,
    #[error("the amount is above the limit")]
    AmountAboveLimit { max: Money },
    #[error("the number of jobs is not valid")]
    JobsInvalid { max: u16 },
    #[error("a business that is not operating cannot be satisfactory")]
    SatisfactoryNeedsOperating,
    #[error("the file is empty")]
    FileEmpty { name: Snippet },
    #[error("the file is too large")]
    FileTooLarge { name: Snippet, max_mb: usize },
    #[error("the file is not a photo (JPEG, PNG, WebP) or a PDF")]
    FileTypeRefused { name: Snippet },
    #[error("too many files")]
    TooManyFiles { max: usize },
    #[error("the upload is too large")]
    UploadTooLarge { max_mb: usize },
    #[error("the plan is not approved")]
    PlanNotApproved,
}
