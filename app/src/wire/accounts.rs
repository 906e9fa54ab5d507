//! Accounts as pages see them.

use crate::domain::accounts::role::Role;
use crate::wire::shared::AuditEvent;
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
    /// In-app notifications not read yet (the header's count).
    pub unread: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: i64,
    pub email: Option<String>,
    pub display_name: Option<String>,
    pub role: Role,
    pub created_at: OffsetDateTime,
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
