//! What the privacy pages are sent: a page of the audit trail.

use crate::domain::accounts::role::Role;
use crate::domain::shared::audit::AuditAction;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Who acted: their name if they gave one, their address, their role now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrailActor {
    pub name: Option<String>,
    pub email: String,
    pub role: Option<Role>,
}

/// One audit entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrailEntry {
    pub id: i64,
    pub at: OffsetDateTime,
    /// `None` for a code this release does not know (shown as stored, in `code`).
    pub action: Option<AuditAction>,
    pub code: String,
    /// `None` for the system's own entries.
    pub actor: Option<TrailActor>,
    /// The kind of record the entry is about (`plan`, `user`…) and its number.
    pub kind: Option<String>,
    pub subject: Option<i64>,
    /// The entry's facts as recorded (JSON; never passwords nor personal data).
    pub details: String,
}

/// One page of the trail, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trail {
    pub entries: Vec<TrailEntry>,
    /// How many entries match the filters, over every page.
    pub total: i64,
    /// The mark of the next (older) page, when there is one.
    pub older: Option<i64>,
}

/// Everything held about one person, as they see it and take it away (the privacy notice's
/// promise): their own words and figures whole, other people by role only (never a name, an
/// address or an account number of anyone else).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldData {
    /// The account's number (what staff and the audit trail know the person by).
    pub person: i64,
    pub taken_at: OffsetDateTime,
    pub account: HeldAccount,
    pub identity: Option<crate::wire::profile::IdentityView>,
    pub situation: Option<crate::wire::profile::SituationView>,
    pub documents: Vec<crate::wire::profile::DocumentView>,
    pub skills: Vec<crate::wire::profile::SkillView>,
    pub work: Vec<crate::wire::profile::JobView>,
    /// Payment details, those replaced or removed included (`retired_at`), oldest first.
    #[serde(default)]
    pub payees: Vec<crate::wire::money::PayeeView>,
    /// Newest first.
    pub consents: Vec<crate::wire::profile::ConsentLine>,
    pub enrolments: Vec<HeldEnrolment>,
    pub plans: Vec<HeldPlan>,
    /// Sign-in attempts with the person's address (theirs or someone's trying it), newest first.
    pub sign_ins: Vec<HeldSignIn>,
    /// Audit entries about the person, their plans, enrolments and tranches, newest first.
    pub audit: Vec<HeldEntry>,
}

/// The account itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldAccount {
    /// `None` for someone registered in person whose account was not handed over.
    pub email: Option<String>,
    pub role: Role,
    pub created_at: OffsetDateTime,
    /// Registered by a caseworker (who, by role only).
    pub registered_in_person: bool,
    /// When the account was closed, if it was.
    pub closed_at: Option<OffsetDateTime>,
    /// The day the person was first found eligible for an offer (counted in donor reports).
    #[serde(default)]
    pub first_matched_on: Option<time::Date>,
    /// The language messages are written in (the one last used on the site).
    #[serde(default)]
    pub language: String,
    /// In-app notifications kept (listed on `/notifications`).
    #[serde(default)]
    pub notifications: i64,
    /// Messages sent or waiting (kept 90 days after they were sent).
    #[serde(default)]
    pub messages: i64,
    /// Since when they are told of new offers they are eligible for (`None`: they are not).
    #[serde(default)]
    pub offer_alerts_since: Option<OffsetDateTime>,
}

/// A seat asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldEnrolment {
    pub reference: String,
    pub title: String,
    pub starts_on: time::Date,
    pub status: crate::domain::enrolments::enrolment::EnrolmentStatus,
    pub requested_at: OffsetDateTime,
    pub decided_at: Option<OffsetDateTime>,
    pub completed_at: Option<OffsetDateTime>,
}

/// A business plan and everything that happened to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldPlan {
    pub id: i64,
    pub call_reference: String,
    pub call_title: String,
    pub status: crate::domain::plans::plan::PlanStatus,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    /// The text and figures as they stand.
    pub content: crate::domain::plans::plan_text::PlanContent,
    /// Every submitted version, frozen, oldest first.
    pub versions: Vec<HeldVersion>,
    /// Every step (submitted, changes asked, mentor assigned…), oldest first.
    pub events: Vec<HeldEvent>,
    pub comments: Vec<HeldComment>,
    pub mentoring: Vec<HeldSession>,
    pub visits: Vec<HeldVisit>,
    pub decisions: Vec<crate::wire::money::DecisionLine>,
    pub tranches: Vec<HeldTranche>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldVersion {
    pub number: i32,
    pub submitted_at: OffsetDateTime,
    pub content: crate::domain::plans::plan_text::PlanContent,
}

/// A step of the plan's workflow; who took it by role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldEvent {
    pub at: OffsetDateTime,
    pub by: Option<Role>,
    /// The step as stored (`submit`, `request_changes`, `assign_mentor`…).
    pub action: String,
    pub from: Option<crate::domain::plans::plan::PlanStatus>,
    pub to: Option<crate::domain::plans::plan::PlanStatus>,
    /// The reason given with the step, if any.
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldComment {
    pub at: OffsetDateTime,
    pub by: Option<Role>,
    /// A section code, or `figures`.
    pub part: String,
    pub body: String,
}

/// A mentoring session (with the plan's mentor).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldSession {
    pub held_on: time::Date,
    pub minutes: i32,
    pub topics: String,
    pub next_steps: String,
}

/// A monitoring visit and its evidence files (their details; each downloads on its own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldVisit {
    pub visited_on: time::Date,
    pub operating: bool,
    pub revenue: crate::domain::shared::money::Money,
    pub costs: crate::domain::shared::money::Money,
    pub jobs: i32,
    pub problems: String,
    /// `None` on visits recorded before the sustainability score asked.
    pub equipment: Option<crate::domain::monitoring::score::Equipment>,
    pub problem_level: Option<crate::domain::monitoring::score::ProblemLevel>,
    pub satisfactory: bool,
    pub evidence: Vec<HeldEvidence>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldEvidence {
    pub id: i64,
    pub name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_at: OffsetDateTime,
}

/// A tranche of the grant and every attempt to pay it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldTranche {
    pub number: i32,
    pub percent: i32,
    pub amount: crate::domain::shared::money::Money,
    pub status: crate::domain::money::tranche::TrancheStatus,
    pub payments: Vec<HeldPayment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldPayment {
    pub attempt: i32,
    /// `in_kind`, `mobile_money` or `bank_transfer`.
    pub method: String,
    pub supplier: Option<String>,
    pub invoice: Option<String>,
    pub payee: Option<String>,
    /// `released`, `paid`, `failed` or `cancelled`.
    pub status: String,
    pub released_at: OffsetDateTime,
    pub settled_at: Option<OffsetDateTime>,
    pub settlement_ref: Option<String>,
    pub failure_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldSignIn {
    pub at: OffsetDateTime,
    /// The network address the attempt came from.
    pub address: String,
    pub succeeded: bool,
}

/// An audit entry about the person: what, when, who by role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldEntry {
    pub at: OffsetDateTime,
    /// `None` for a code this release does not know (shown as stored, in `code`).
    pub action: Option<AuditAction>,
    pub code: String,
    /// `None` for the system's own entries.
    pub by: Option<Role>,
    /// The kind of record (`user`, `plan`…).
    pub kind: Option<String>,
}

/// An erasure request as the admins' page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErasureLine {
    pub id: i64,
    /// The person's account number.
    pub person: i64,
    /// Their name on the profile (their pseudonym once erased), if they have a profile.
    pub name: Option<String>,
    pub reason: crate::domain::privacy::erasure::ErasureReason,
    /// For the second admin; gone once the request is closed.
    pub note: Option<String>,
    pub requester: String,
    /// The reader asked for it (so they may not carry it out).
    pub asked_by_me: bool,
    pub requested_at: OffsetDateTime,
    pub status: crate::domain::privacy::erasure::ErasureStatus,
    pub decider: Option<String>,
    pub decided_at: Option<OffsetDateTime>,
}
