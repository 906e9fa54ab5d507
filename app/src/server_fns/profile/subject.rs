//! Whose profile a profile server function acts on: its *subject*.
//!
//! - An applicant acts on their own profile only. An `applicant` id they send that is not their
//!   own is refused with 404, so nobody can reach another person's profile by changing a field.
//! - A caseworker must name the applicant. Any caseworker may act on any applicant account
//!   whose latest consent is to the current notice (consent taken in person at an assisted
//!   registration, or given online): the programme's caseworkers share one caseload, and a
//!   person can walk into any office. An unknown id or a staff account answers 404; someone
//!   without consent answers "consent first"; nothing is read or written. Every read and
//!   write a caseworker makes is audited with the caseworker as actor and the applicant as
//!   subject.

use crate::auth::SessionUser;
use crate::db::{accounts::users, profile::profiles, shared::audit, Tx};
use crate::domain::accounts::role::Role;
use crate::domain::profile::consent::NOTICE_VERSION;
use crate::domain::profile::problem::ProfileProblem;
use crate::domain::shared::audit::AuditAction;
use crate::error::AppError;

/// Who may call the profile functions that act on a subject.
pub const EDITORS: &[Role] = &[Role::Applicant, Role::Caseworker];

/// The person a profile function acts on, and who is acting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subject {
    /// The signed-in person (the applicant themself, or the caseworker).
    pub actor: i64,
    /// The applicant whose profile is read or changed.
    pub id: i64,
    /// A caseworker acting on someone's behalf.
    pub assisted: bool,
}

impl Subject {
    /// The one place that decides whose profile a request reaches (see the module's rules).
    pub async fn resolve(
        tx: &mut Tx,
        me: &SessionUser,
        applicant: Option<i64>,
    ) -> Result<Subject, AppError> {
        match me.role {
            Role::Applicant => match applicant {
                Some(id) if id != me.id => Err(AppError::NotFound),
                _ => Ok(Subject {
                    actor: me.id,
                    id: me.id,
                    assisted: false,
                }),
            },
            Role::Caseworker => {
                let id = applicant.ok_or(AppError::NotFound)?;
                let account = users::find_by_id(tx, id).await?;
                let is_applicant = account
                    .as_ref()
                    .is_some_and(|a| a.role == Role::Applicant.as_str() && a.disabled_at.is_none());
                if !is_applicant {
                    return Err(AppError::NotFound);
                }
                let consented = profiles::latest_consent(tx, id)
                    .await?
                    .is_some_and(|c| c.given && c.notice_version == NOTICE_VERSION);
                if !consented {
                    return Err(AppError::form(ProfileProblem::ConsentRequired));
                }
                Ok(Subject {
                    actor: me.id,
                    id,
                    assisted: true,
                })
            }
            _ => Err(AppError::Forbidden),
        }
    }

    /// An audit row naming the actor and the applicant.
    pub fn entry(&self, action: AuditAction) -> audit::Entry {
        audit::Entry::new(Some(self.actor), action).subject("user", self.id)
    }

    /// The profile editor this subject is edited on, with `rest` (`saved=…#anchor`) appended:
    /// `/profile` for the applicant, `/caseworker/profile?applicant=ID` for a caseworker.
    pub fn page(&self, rest: &str) -> String {
        match (self.assisted, rest.is_empty()) {
            (false, true) => "/profile".to_owned(),
            (false, false) => format!("/profile?{rest}"),
            (true, true) => format!("/caseworker/profile?applicant={}", self.id),
            (true, false) => format!("/caseworker/profile?applicant={}&{rest}", self.id),
        }
    }
}
