//! What the mentoring pages receive: a plan's activity (timeline, comment threads, session
//! log), a mentor's caseload, and the admin's assignment desk. Names, never health or
//! vulnerability flags: mentors must not see those.

use crate::domain::mentoring::{Suggestion, WaitsOn};
use crate::domain::plans::plan::{PlanAction, PlanStatus, Viewer};
use crate::domain::plans::plan_text::Part;
use crate::domain::profile::Language;
use crate::domain::shared::reference::{City, Sector};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// Everything that happened on one plan, for someone who may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanActivity {
    pub plan: i64,
    pub reference: String,
    pub title: String,
    pub applicant: String,
    pub status: PlanStatus,
    pub viewer: Viewer,
    pub mentor: Option<String>,
    /// The steps the reader may take now.
    pub actions: Vec<PlanAction>,
    /// Newest first.
    pub timeline: Vec<TimelineEntry>,
    /// Oldest first, grouped by the page.
    pub comments: Vec<CommentLine>,
    /// Newest first.
    pub sessions: Vec<SessionLine>,
    pub started_on: Date,
    pub today: Date,
}

impl PlanActivity {
    /// Whether the reader may write in the threads: the owner and the mentor, until the plan is
    /// decided (admins read only).
    pub fn may_comment(&self) -> bool {
        matches!(self.viewer, Viewer::Owner | Viewer::Mentor) && !self.status.decided()
    }

    /// The comments on one part, oldest first.
    pub fn thread(&self, part: Part) -> Vec<CommentLine> {
        self.comments
            .iter()
            .filter(|c| c.part == part)
            .cloned()
            .collect()
    }
}

/// One line of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub at: OffsetDateTime,
    /// Who did it, by name; empty when the viewer knows them by their role only.
    pub actor: String,
    /// The actor's role (steps and mentor changes; comments and sessions are the applicant's
    /// and the mentor's own, by name).
    pub role: Option<crate::domain::accounts::role::Role>,
    pub what: Happening,
}

impl TimelineEntry {
    /// The applicant knows themself and their mentor by name, and everyone else who moved
    /// their plan (an administrator, the committee's chair, a caseworker) by role only: staff
    /// names are the programme's, not the applicant's to hold.
    pub fn for_the_applicant(mut self) -> Self {
        use crate::domain::accounts::role::Role;
        if self
            .role
            .is_some_and(|role| !matches!(role, Role::Applicant | Role::Mentor))
        {
            self.actor.clear();
        }
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Happening {
    Step {
        action: PlanAction,
        from: PlanStatus,
        to: PlanStatus,
        reason: Option<String>,
        version: Option<i32>,
    },
    MentorAssigned {
        mentor: String,
    },
    Comment {
        part: Part,
    },
    Session {
        held_on: Date,
        minutes: u16,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentLine {
    pub id: i64,
    pub part: Part,
    pub author: String,
    pub body: String,
    pub at: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionLine {
    pub id: i64,
    pub mentor: String,
    pub held_on: Date,
    pub minutes: u16,
    pub topics: String,
    pub next_steps: String,
}

/// One plan of a mentor's caseload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseloadLine {
    pub plan: i64,
    pub applicant: String,
    pub reference: String,
    pub title: String,
    pub status: PlanStatus,
    pub waits_on: Option<WaitsOn>,
    pub since: OffsetDateTime,
    pub days: i64,
    pub last_session: Option<Date>,
}

/// A mentor as the admin sees them on the assignment desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentorLine {
    pub id: i64,
    pub name: String,
    pub city: Option<City>,
    pub sectors: Vec<Sector>,
    pub languages: Vec<Language>,
    pub capacity: u16,
    pub caseload: u16,
}

/// A plan on the assignment desk, with its mentor and the suggestions for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskPlan {
    pub plan: i64,
    pub applicant: String,
    pub reference: String,
    pub title: String,
    pub status: PlanStatus,
    pub mentor: Option<i64>,
    pub suggestions: Vec<Suggestion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentoringDesk {
    pub plans: Vec<DeskPlan>,
    pub mentors: Vec<MentorLine>,
}

impl MentoringDesk {
    pub fn mentor(&self, id: i64) -> Option<&MentorLine> {
        self.mentors.iter().find(|m| m.id == id)
    }
}
