//! What can go wrong writing and moving a business plan. Each is a code; `pages/plans/labels.rs` turns it into a sentence.

use crate::domain::shared::money::Money;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum PlansProblem {
    #[error("the call is not open")]
    CallClosed,
    #[error("a plan for this call already exists")]
    PlanExists,
    #[error("the section is too long")]
    SectionTooLong { max: usize },
    #[error("the plan is not complete")]
    PlanIncomplete {
        item: crate::domain::plans::plan_text::ChecklistItem,
    },
    #[error("not possible for a plan in this state")]
    PlanIs {
        status: crate::domain::plans::plan::PlanStatus,
        action: crate::domain::plans::plan::PlanAction,
    },
    #[error("unknown part of the plan")]
    PartUnknown,
    #[error("the item of a capital line is missing")]
    ItemMissing { row: u8 },
    #[error("the item of a capital line is too long")]
    ItemTooLong { row: u8, max: usize },
    #[error("the item of a capital line contains invisible characters")]
    ItemInvalid { row: u8 },
    #[error("unknown kind of capital")]
    CapitalKindUnknown { row: u8 },
    #[error("the quantity is not valid")]
    QuantityInvalid { row: u8, max: u32 },
    #[error("the amount is not a number")]
    AmountNotANumber { at: Spot },
    #[error("the amount is negative")]
    AmountNegative { at: Spot },
    #[error("the amount is too high")]
    AmountTooHigh { at: Spot, max: Money },
    #[error("too many capital lines")]
    TooManyRows { max: usize },
    #[error("the figures are too large to add up")]
    FiguresTooLarge,
    #[error("the plan cannot be changed in its current state")]
    PlanNotEditable,
    #[error("the plan is decided: its comment threads are closed")]
    PlanDecided,
}

/// Where in the plan's figures an amount was typed, so its problem names the row or month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "spot", rename_all = "snake_case")]
pub enum Spot {
    /// A start-up capital line (from 1), its unit cost.
    UnitCost {
        row: u8,
    },
    /// A month of the sales and cost plan (from 1).
    Sales {
        month: u8,
    },
    Costs {
        month: u8,
    },
    OwnContribution,
    GrantRequested,
    Loan,
}
