//! The profile as pages see it.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

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
    pub sector: crate::domain::shared::reference::Sector,
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

/// One consent decision of the person's history: given or withdrawn, to which notice, when,
/// and whether in person with a caseworker (never which one: staff appear by role).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentLine {
    pub given: bool,
    pub notice_version: String,
    pub in_person: bool,
    pub at: OffsetDateTime,
}

impl From<&ConsentLine> for ConsentInfo {
    fn from(line: &ConsentLine) -> Self {
        ConsentInfo {
            notice_version: line.notice_version.clone(),
            in_person: line.in_person,
            at: line.at,
        }
    }
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
    /// The donor's breakdowns (`domain::profile::demographics`), as declared; `None` is "prefer
    /// not to say". As sensitive as the groups.
    #[serde(default)]
    pub population_group: Option<String>,
    #[serde(default)]
    pub legal_status: Option<String>,
    #[serde(default)]
    pub disability: Option<String>,
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
    /// Every consent decision, newest first.
    pub consent_history: Vec<ConsentLine>,
    pub identity: Option<IdentityView>,
    pub situation: Option<SituationView>,
    pub documents: Vec<DocumentView>,
    pub skills: Vec<SkillView>,
    /// Nationalities and cities, sorted by label in the reader's language.
    pub countries: Vec<Choice>,
    pub cities: Vec<Choice>,
    /// The work history, oldest first.
    pub jobs: Vec<JobView>,
    /// Live payment details a grant may be paid to, one per kind at most.
    pub payees: Vec<crate::wire::money::PayeeView>,
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
    /// Their unread notifications, newest first (the caseworker may tell them in person).
    #[serde(default)]
    pub waiting: crate::wire::notifications::Waiting,
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
    /// Notifications the person has not read (for someone without an account yet, what the
    /// caseworker should pass on).
    pub waiting: i64,
}
