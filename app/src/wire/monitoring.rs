//! What the monitoring pages receive: the visit form's plan (and, after a refused post, what
//! was typed and what was wrong), and a plan's visits with their evidence.

use crate::domain::monitoring::score::{Equipment, ProblemLevel, Score};
use crate::domain::monitoring::{EvidenceKind, VisitForm};
use crate::domain::plans::plan::PlanStatus;
use crate::domain::problem::FieldProblem;
use crate::domain::shared::money::Money;
use serde::{Deserialize, Serialize};
use time::Date;

/// The plan a mentor is about to report a visit on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitPlan {
    pub plan: i64,
    pub reference: String,
    pub title: String,
    pub applicant: String,
    pub status: PlanStatus,
    /// The day the committee approved it; `None` while it is not approved (no visit yet).
    pub approved_on: Option<Date>,
    pub today: Date,
    /// What the mentor typed in a post that was refused, and why (shown once).
    pub retry: Option<VisitRetry>,
}

/// A refused visit post: the typed values and every problem, by field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitRetry {
    pub plan: i64,
    pub form: VisitForm,
    pub problems: Vec<FieldProblem>,
}

/// One recorded visit, as the plan's owner, mentor and admins read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitLine {
    pub id: i64,
    pub visited_on: Date,
    pub mentor: String,
    pub operating: bool,
    pub revenue: Money,
    pub costs: Money,
    pub jobs: u16,
    pub problems: String,
    /// `None` on visits recorded before the sustainability score existed.
    pub equipment: Option<Equipment>,
    pub problem_level: Option<ProblemLevel>,
    pub satisfactory: bool,
    /// Read against the plan's previous visit (`domain::monitoring::score`).
    pub score: Option<Score>,
    pub evidence: Vec<EvidenceLine>,
}

/// One evidence file of a visit: enough to list and link it, never its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceLine {
    pub id: i64,
    /// The uploaded name, cleaned, for display only.
    pub name: String,
    pub kind: EvidenceKind,
    pub size_bytes: i64,
}

/// Where a refused visit post is kept in the mentor's session until the form shows it back
/// (cleared when a visit is recorded).
pub const RETRY_KEY: &str = "monitoring_visit_retry";

/// A funded plan on the admins' sustainability list: its latest visit's score and the one
/// before it, for the trend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreLine {
    pub plan: i64,
    pub applicant: String,
    pub visits: i64,
    pub last_visit: Option<Date>,
    /// `None` with no visit yet, or a latest visit recorded before the score existed.
    pub score: Option<Score>,
    pub previous: Option<Score>,
}

/// How a call's funded businesses stand, by band of their latest score.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallBands {
    pub call: i64,
    pub reference: String,
    pub title: String,
    pub funded: usize,
    pub at_risk: usize,
    pub fragile: usize,
    pub sustainable: usize,
    /// Funded, with no scored visit yet.
    pub unscored: usize,
}

/// The admins' sustainability page: every call with funded plans, and, for the call chosen,
/// one page of its plans, lowest score first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sustainability {
    pub calls: Vec<CallBands>,
    pub chosen: Option<CallScores>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallScores {
    pub bands: CallBands,
    pub lines: Vec<ScoreLine>,
    /// Zero-based.
    pub page: usize,
    pub pages: usize,
}
