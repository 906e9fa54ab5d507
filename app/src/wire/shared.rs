//! Dashboards, audit events and how times are written.

use crate::domain::shared::audit::AuditAction;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    pub id: i64,
    pub at: OffsetDateTime,
    pub action: AuditAction,
    pub actor_email: Option<String>,
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
