//! What can go wrong in the grant committee: declarations, scores, decisions. Each is a code; `pages/committee/labels.rs` turns it into a sentence.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum CommitteeProblem {
    #[error("the amount is above what the plan requests")]
    AmountAboveRequested { requested_centimes: i64 },
    #[error("the amount is above the call's maximum grant")]
    AmountAboveMaximum { max_centimes: i64 },
    #[error("the quorum of scores is not reached")]
    QuorumNotReached { have: u8, need: u8 },
    #[error("only the committee's chair records a decision")]
    NotChair,
    #[error("unknown decision")]
    OutcomeUnknown,
    #[error("a criterion is not scored")]
    ScoreMissing {
        criterion: crate::domain::catalogue::grant_terms::Criterion,
    },
    #[error("a score is a whole number from 0 to 5")]
    ScoreOutOfRange {
        criterion: crate::domain::catalogue::grant_terms::Criterion,
    },
    #[error("this plan is not under the committee's review")]
    NotUnderReview,
    #[error("a member never scores a plan they coached")]
    CoachedPlan,
    #[error("declare any conflict of interest before scoring")]
    DeclarationRequired,
    #[error("recused: a conflict of interest was declared")]
    Recused,
    #[error("already scored in this round")]
    AlreadyScored,
    #[error("say whether there is a conflict of interest")]
    ConflictAnswerMissing,
    #[error("no committee account has this email")]
    NotACommitteeAccount,
    #[error("already a member of this committee")]
    AlreadyMember,
    #[error("the chair decides; the deputy only when the chair may not")]
    ChairDecides,
    #[error("someone who declared a conflict of interest does not decide")]
    DeciderConflicted { deputy_named: bool },
    #[error("someone who coached the plan does not decide")]
    DeciderCoached { deputy_named: bool },
}
