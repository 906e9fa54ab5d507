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
    /// The figures form as the owner last typed it, when a plain post of it was just refused:
    /// shown instead of the saved figures, so nothing has to be typed again.
    pub typed_figures: Option<crate::domain::plans::plan_figures::FiguresInput>,
}

/// A refused figures form, kept in the owner's session for the plan page to show back (until
/// the next good save of the figures).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiguresRetry {
    pub plan: i64,
    pub typed: crate::domain::plans::plan_figures::FiguresInput,
}

/// The session key of a [`FiguresRetry`].
pub const FIGURES_RETRY_KEY: &str = "plans_figures_retry";
/// The most a refused form may weigh in the session: a real one is a few kB; anything larger is
/// not kept (the page then shows the saved figures and the problems).
pub const FIGURES_RETRY_MAX_BYTES: usize = 16 * 1024;

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
