//! What can go wrong matching a profile to an offer. Each is a code; `pages/matching/labels.rs` turns it into a sentence.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum MatchingProblem {
    #[error("not eligible for this offer")]
    NotEligible,
    #[error("the minimum score must be a number from 0 to 100")]
    ScoreInvalid,
}
