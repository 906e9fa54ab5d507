//! Dashboards, audit events and how times are written.

use crate::domain::shared::audit::AuditAction;
use crate::domain::accounts::role::Role;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

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
