//! Notifications and the outbox as pages see them.

use crate::domain::notifications::event::Event;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// One in-app notification. `event` is `None` for one this version cannot read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationLine {
    pub id: i64,
    pub event: Option<Event>,
    pub link: String,
    pub at: OffsetDateTime,
    pub unread: bool,
}

impl NotificationLine {
    /// A line as read from the inbox (the server only).
    #[cfg(feature = "ssr")]
    pub fn from_row(row: crate::db::notifications::inbox::Row) -> NotificationLine {
        NotificationLine {
            id: row.id,
            event: Event::from_json(&row.event),
            link: row.link,
            at: row.created_at,
            unread: row.read_at.is_none(),
        }
    }
}

/// What waits unread for someone a caseworker helps: the newest lines, and how many there are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Waiting {
    pub lines: Vec<NotificationLine>,
    pub total: i64,
}

/// A page of someone's notifications, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Inbox {
    pub lines: Vec<NotificationLine>,
    /// The `before` of the next (older) page, when there is one.
    pub older: Option<i64>,
    pub unread: i64,
}

/// One message of the outbox, for admins (never a reset link's token).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxLine {
    pub id: i64,
    pub address: String,
    pub language: String,
    /// `None` for one this version cannot read.
    pub event: Option<Event>,
    pub state: String,
    pub attempts: i64,
    pub created_at: OffsetDateTime,
    pub next_attempt_at: OffsetDateTime,
    pub done_at: Option<OffsetDateTime>,
    pub last_error: Option<String>,
}

/// A page of the outbox, newest first, with the totals by state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct OutboxView {
    pub lines: Vec<OutboxLine>,
    pub older: Option<i64>,
    pub pending: i64,
    pub sent: i64,
    pub failed: i64,
}
