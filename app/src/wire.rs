//! What server functions send to the page. Rows from `db` convert into these; they compile for
//! the browser too.

use crate::domain::audit::AuditAction;
use crate::domain::role::Role;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The signed-in person, as the page needs to know them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i64,
    pub email: Option<String>,
    pub role: Role,
    /// Someone else chose the password: the person must replace it first.
    pub must_change_password: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: i64,
    pub email: Option<String>,
    pub role: Role,
    pub created_at: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    pub id: i64,
    pub at: OffsetDateTime,
    pub action: AuditAction,
    pub actor_email: Option<String>,
}

/// Everything a dashboard shows. Role-specific parts are filled only for that role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    pub user: CurrentUser,
    pub sign_ins: Vec<AuditEvent>,
    pub caseworker: Option<CaseworkerStats>,
    pub admin: Option<AdminOverview>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseworkerStats {
    pub applicants_last_week: i64,
    pub applicants_total: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminOverview {
    pub users_by_role: Vec<(Role, i64)>,
    pub recent: Vec<AuditEvent>,
}

/// Formats a stored UTC time for display: `2026-11-29 16:40`.
pub fn format_utc(at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute()
    )
}

/// A skill as a picker shows it: its code and its label in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillLabel {
    pub code: String,
    pub label: String,
}

/// Skills of one occupation (ISCO-08 unit group), as search results are grouped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OccupationSkills {
    pub isco: u16,
    pub occupation: String,
    pub sector: crate::domain::reference::Sector,
    pub skills: Vec<SkillLabel>,
}

/// The consent on record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentInfo {
    pub notice_version: String,
    /// Taken by a caseworker in person (assisted registration).
    pub in_person: bool,
    pub at: OffsetDateTime,
}

/// The identity step as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityView {
    pub full_name: String,
    pub sex: Option<crate::domain::profile::Sex>,
    pub birth_date: Option<time::Date>,
    pub nationality: Option<String>,
    pub city: Option<String>,
    pub phone: Option<String>,
    pub version: i32,
}

/// The situation step as saved, as codes (the page labels them).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SituationView {
    pub education: Option<String>,
    pub languages: Vec<String>,
    pub sectors: Vec<String>,
    pub availability: Option<String>,
    /// Declared groups: sensitive, shown to the person themselves and to caseworkers only.
    pub groups: Vec<String>,
}

/// A document the person holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentView {
    pub id: i64,
    pub kind: String,
    pub number: Option<String>,
    pub expires_on: Option<time::Date>,
}

/// A skill the person claims, labelled in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillView {
    pub code: String,
    pub label: String,
    pub level: String,
    pub years: i32,
}

/// A choice of a select list: its code and its label in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub code: String,
    pub label: String,
}

/// The applicant's profile page: consent first, then the steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfilePage {
    /// The current notice's version (the consent must name it).
    pub notice_version: String,
    /// Consent to the current notice, if given and not withdrawn.
    pub consent: Option<ConsentInfo>,
    pub identity: Option<IdentityView>,
    pub situation: Option<SituationView>,
    pub documents: Vec<DocumentView>,
    pub skills: Vec<SkillView>,
    /// Nationalities and cities, sorted by label in the reader's language.
    pub countries: Vec<Choice>,
    pub cities: Vec<Choice>,
    /// The work history, oldest first.
    pub jobs: Vec<JobView>,
    /// Set when a caseworker opens someone else's profile: who it is.
    pub assisted: Option<AssistedPerson>,
}

/// A job of the work history, as saved (months as `YYYY-MM`, the country as its code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobView {
    pub id: i64,
    pub title: String,
    pub employer: Option<String>,
    pub country: String,
    pub town: Option<String>,
    pub start_month: String,
    /// `None` while the job goes on.
    pub end_month: Option<String>,
    pub description: Option<String>,
}

/// The person a caseworker is helping, as the profile editor names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssistedPerson {
    pub id: i64,
    /// Whether the account already has its email and password (handed over).
    pub handed_over: bool,
}

/// One applicant in a caseworker's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicantListing {
    pub id: i64,
    pub full_name: Option<String>,
    pub phone: Option<String>,
    pub handed_over: bool,
    /// Registered by the caseworker reading the list.
    pub mine: bool,
}

/// One offer as an applicant's match list shows it: what it is, how well it fits, and every
/// rule's verdict (reasons and remedies are codes; the page words them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferMatch {
    pub kind: crate::domain::catalogue::OfferKind,
    pub id: i64,
    pub reference: String,
    pub title: String,
    pub programme: Option<crate::domain::profile::Programme>,
    pub sectors: Vec<crate::domain::reference::Sector>,
    pub cities: Vec<crate::domain::reference::City>,
    /// A training's first and last days; a call's opening and closing days.
    pub starts_on: time::Date,
    pub ends_on: time::Date,
    pub max_grant: Option<crate::domain::money::Money>,
    pub score: crate::domain::matching::Score,
    pub matched_skills: Vec<String>,
    pub eligibility: crate::domain::eligibility::Eligibility,
    pub checks: Vec<crate::domain::eligibility::Check>,
    /// A training's seats (`None` for calls).
    pub seats: Option<crate::domain::enrolment::Seats>,
    /// The applicant's own request for this training, if any.
    pub enrolment: Option<MyEnrolment>,
    /// The applicant's plan for this call, if they started one.
    pub plan: Option<i64>,
}

/// An applicant's offers in three groups, best fit first in each.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Matches {
    pub eligible: Vec<OfferMatch>,
    pub not_yet: Vec<OfferMatch>,
    pub not_eligible: Vec<OfferMatch>,
}

/// The applicant's own enrolment in an offered training, for the match page's buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyEnrolment {
    pub id: i64,
    pub status: crate::domain::enrolment::EnrolmentStatus,
}

/// One enrolment, with its training: for the applicant's list and the admin's desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolmentLine {
    pub id: i64,
    pub training_id: i64,
    pub reference: String,
    pub title: String,
    pub starts_on: time::Date,
    pub ends_on: time::Date,
    pub seats: crate::domain::enrolment::Seats,
    pub status: crate::domain::enrolment::EnrolmentStatus,
    /// The person's name (admin desk); `None` before their identity step.
    pub person: Option<String>,
    pub requested_at: OffsetDateTime,
    /// Whether the applicant may still give it up (before the first day).
    pub can_withdraw: bool,
}

/// One of the applicant's business plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanLine {
    pub id: i64,
    pub call_id: i64,
    pub reference: String,
    pub title: String,
    pub status: crate::domain::plan::PlanStatus,
    pub max_grant: crate::domain::money::Money,
    pub own_contribution_percent: u8,
    pub closes_on: time::Date,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

/// A training or call staff can pick to see whom it suits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferChoice {
    pub kind: crate::domain::catalogue::OfferKind,
    pub id: i64,
    pub reference: String,
    pub title: String,
}

/// One applicant on a staff shortlist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicantLine {
    pub user_id: i64,
    pub full_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub sex: Option<crate::domain::profile::Sex>,
    pub age: Option<u8>,
    pub nationality: Option<crate::domain::reference::Country>,
    pub city: Option<crate::domain::reference::City>,
    pub score: crate::domain::matching::Score,
    pub eligibility: crate::domain::eligibility::Eligibility,
    pub remedies: Vec<crate::domain::eligibility::Remedy>,
}

/// The offers to choose from and, once one is chosen, one page of its ranked applicants.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Shortlist {
    pub offers: Vec<OfferChoice>,
    pub selected: Option<OfferChoice>,
    /// Applicants on the whole list (all pages).
    pub total: usize,
    /// Zero-based.
    pub page: usize,
    pub pages: usize,
    pub lines: Vec<ApplicantLine>,
}

/// Where a CSV import of trainings stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportStatus {
    /// Rows are being checked, in batches (`processed_rows` moves).
    Validating,
    /// Every row was good; they are being written in one transaction.
    Writing,
    Done,
    /// Some rows were bad: nothing was written; the report says why.
    Rejected,
    /// A fault on our side: nothing was written.
    Failed,
}

impl ImportStatus {
    pub const ALL: [ImportStatus; 5] = [
        ImportStatus::Validating,
        ImportStatus::Writing,
        ImportStatus::Done,
        ImportStatus::Rejected,
        ImportStatus::Failed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ImportStatus::Validating => "validating",
            ImportStatus::Writing => "writing",
            ImportStatus::Done => "done",
            ImportStatus::Rejected => "rejected",
            ImportStatus::Failed => "failed",
        }
    }

    pub fn from_code(code: &str) -> Option<ImportStatus> {
        ImportStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn is_running(self) -> bool {
        matches!(self, ImportStatus::Validating | ImportStatus::Writing)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportView {
    pub id: i64,
    pub file_name: String,
    pub status: ImportStatus,
    pub total_rows: i64,
    pub processed_rows: i64,
    pub inserted: i64,
    pub updated: i64,
    pub report: Vec<crate::domain::training_csv::ImportProblem>,
}

/// A training on the admin pages, with what an edit must send back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingAdmin {
    pub id: i64,
    pub version: i32,
    pub training: crate::domain::catalogue::Training,
}

/// A grant call on the admin list, with its review terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallAdmin {
    pub id: i64,
    pub call: crate::domain::catalogue::GrantCall,
    pub terms: crate::domain::grant_terms::CallTerms,
}

/// A grant call on its edit form, with what a save must send back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallEdit {
    pub id: i64,
    pub version: i32,
    pub call: crate::domain::catalogue::GrantCall,
    pub terms: crate::domain::grant_terms::CallTerms,
}

/// One written section of a plan as its page shows it: the text to edit, the revision a save
/// must name (0: never saved), and the text rendered safe on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionView {
    pub section: crate::domain::plan_text::Section,
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
    pub status: crate::domain::plan::PlanStatus,
    pub viewer: crate::domain::plan::Viewer,
    /// The owner, on their turn: the page shows forms instead of text.
    pub editable: bool,
    /// All six sections, in SYB order (a section never saved has an empty body).
    pub sections: Vec<SectionView>,
    pub figures: crate::domain::budget::Budget,
    /// `None` when the figures cannot be added up.
    pub totals: Option<crate::domain::budget::Totals>,
    /// Guards the figures against a stale save.
    pub version: i32,
    pub terms: crate::domain::plan_text::CallTerms,
    pub checklist: Vec<crate::domain::plan_text::ChecklistItem>,
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
    pub diff: crate::domain::plan_diff::PlanDiff,
}
