//! Notifications: each person's in-app list, and the outbox for admins.

pub mod mark_read;
pub mod mine;
pub mod outbox;
pub mod retry;

pub use mark_read::{mark_read, MarkRead};
pub use mine::{my_notifications, MyNotifications};
pub use outbox::{outbox, LoadOutbox};
pub use retry::{retry_message, RetryMessage};

/// Lines per page of a list.
pub const PAGE: i64 = 30;
