//! Notifications: the in-app list, the admins' outbox, what waits for someone a caseworker
//! helps, and the words of every message.

pub mod inbox;
pub mod message;
pub mod outbox;
pub mod waiting;
