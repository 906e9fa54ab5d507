//! What crosses to the browser for the grant committee: the admin's committee desk of a call,
//! a member's calls and agendas, and one plan's review.

use crate::domain::catalogue::grant_terms::Rubric;
use crate::domain::committee::decision::Outcome;
use crate::domain::committee::{Identity, Quorum, Score, Standing};
use crate::domain::plans::plan::PlanStatus;
use crate::domain::shared::money::Money;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// A member of a call's committee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberLine {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub chair: bool,
    pub deputy: bool,
}

/// A plan on a session's agenda, as the admin sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaPlan {
    pub plan_id: i64,
    pub applicant: String,
    pub status: PlanStatus,
    pub round: i32,
    /// Score sheets in for that round.
    pub sheets: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub id: i64,
    pub held_on: Date,
    pub place: String,
    pub agenda: Vec<AgendaPlan>,
}

/// A plan of the call signed off by its mentor and waiting for an agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadyPlan {
    pub plan_id: i64,
    pub applicant: String,
    pub requested: Money,
}

/// `/admin/committee?call=N`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitteeDesk {
    pub call_id: i64,
    pub reference: String,
    pub title: String,
    pub quorum: u8,
    pub blind_review: bool,
    pub members: Vec<MemberLine>,
    pub sessions: Vec<SessionView>,
    pub ready: Vec<ReadyPlan>,
}

/// A plan on an agenda as one member sees it: no applicant name, only where they stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberAgendaLine {
    pub plan_id: i64,
    pub status: PlanStatus,
    pub round: i32,
    pub standing: Standing,
    pub quorum: Quorum,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberSession {
    pub held_on: Date,
    pub place: String,
    pub agenda: Vec<MemberAgendaLine>,
}

/// A call whose committee the member sits on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberCall {
    pub call_id: i64,
    pub reference: String,
    pub title: String,
    pub chair: bool,
    pub sessions: Vec<MemberSession>,
}

/// One member's score sheet as the chair reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetLine {
    pub member: String,
    pub scores: Vec<Score>,
    /// Hundredths of a point out of 5.
    pub weighted: i64,
    pub comment: String,
    pub submitted_at: OffsetDateTime,
}

/// The chair's view of the round: every sheet, the average, who is recused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoresSummary {
    pub sheets: Vec<SheetLine>,
    pub average: Option<i64>,
    pub recused: Vec<String>,
}

/// The decision recorded on a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionLine {
    pub round: i32,
    pub outcome: Outcome,
    pub amount: Option<Money>,
    pub justification: String,
    pub decided_at: OffsetDateTime,
}

/// `/committee/review?plan=N`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewView {
    /// The plan as its page shows it (read only).
    pub plan: crate::wire::plans::PlanView,
    pub call_reference: String,
    pub call_title: String,
    pub round: i32,
    pub blind: bool,
    /// `None` when the call reviews blind.
    pub identity: Option<Identity>,
    pub requested: Money,
    pub rubric: Rubric,
    pub standing: Standing,
    /// Why the member may not score, when they may not (coached, recused, not under review).
    pub conflicted: Option<bool>,
    pub coached: bool,
    pub my_sheet: Option<SheetLine>,
    pub quorum: Quorum,
    /// The reader chairs the committee or is its deputy: they see the round's sheets.
    pub chair: bool,
    /// Why this chair or deputy may not record the decision now (none: they may).
    #[serde(default)]
    pub decide_refused: Option<crate::domain::committee::problem::CommitteeProblem>,
    /// For the chair and the deputy only.
    pub summary: Option<ScoresSummary>,
    pub decisions: Vec<DecisionLine>,
}
