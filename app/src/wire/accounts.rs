//! Accounts as pages see them.

use crate::domain::shared::audit::AuditAction;
use crate::domain::accounts::role::Role;
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
