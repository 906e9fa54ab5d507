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
