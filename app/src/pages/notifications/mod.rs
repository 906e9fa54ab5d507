//! Notifications: the in-app list, the admins' outbox, and the words of every message.

pub mod inbox;
pub mod message;
pub mod outbox;
