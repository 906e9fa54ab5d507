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

/// A stored time as a `<time datetime>` attribute reads it (RFC 3339, UTC).
pub fn iso(at: OffsetDateTime) -> String {
    use time::format_description::well_known::Rfc3339;
    at.to_offset(time::UtcOffset::UTC)
        .format(&Rfc3339)
        .unwrap_or_default()
}
