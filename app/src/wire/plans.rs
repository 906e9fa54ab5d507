//! Business plans as pages see them.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// One of the applicant's business plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanLine {
    pub id: i64,
    pub call_id: i64,
    pub reference: String,
    pub title: String,
    pub status: crate::domain::plans::plan::PlanStatus,
    pub max_grant: crate::domain::shared::money::Money,
    pub own_contribution_percent: u8,
    pub closes_on: time::Date,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

/// One written section of a plan as its page shows it: the text to edit, the revision a save
/// must name (0: never saved), and the text rendered safe on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionView {
    pub section: crate::domain::plans::plan_text::Section,
    pub body: String,
    pub revision: i32,
    /// From `markdown::to_safe_html` only: the one HTML the page injects as is.
    pub html: String,
    pub updated_at: Option<OffsetDateTime>,
}

/// A save that lost a race, kept for its author to merge by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptConflict {
    pub id: i64,
    /// A section code, or `figures`.
    pub part: String,
    pub body: String,
    pub base_revision: i32,
    pub created_at: OffsetDateTime,
}

/// One frozen version of a plan (a submission).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionLine {
    pub number: i32,
    pub submitted_at: OffsetDateTime,
}

/// Everything the plan page shows, for one viewer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanView {
    pub id: i64,
    pub reference: String,
    pub title: String,
    pub status: crate::domain::plans::plan::PlanStatus,
    pub viewer: crate::domain::plans::plan::Viewer,
    /// The owner, on their turn: the page shows forms instead of text.
    pub editable: bool,
    /// All six sections, in SYB order (a section never saved has an empty body).
    pub sections: Vec<SectionView>,
    pub figures: crate::domain::plans::budget::Budget,
    /// `None` when the figures cannot be added up.
    pub totals: Option<crate::domain::plans::budget::Totals>,
    /// Guards the figures against a stale save.
    pub version: i32,
    pub terms: crate::domain::plans::plan_text::CallTerms,
    pub checklist: Vec<crate::domain::plans::plan_text::ChecklistItem>,
    pub versions: Vec<VersionLine>,
    /// The viewer's own kept texts (only their author sees them).
    pub conflicts: Vec<KeptConflict>,
}

/// A section saved from a script: the revision the next save must name, and how it reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionSaved {
    pub revision: i32,
    pub html: String,
}

/// Two states of a plan compared: version numbers, 0 for the current draft; `from` is `None`
/// when there is nothing before (no version yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanComparison {
    pub id: i64,
    pub title: String,
    pub reference: String,
    pub from: Option<i32>,
    pub to: i32,
    pub versions: Vec<VersionLine>,
    pub diff: crate::domain::plans::plan_diff::PlanDiff,
}
