//! Accounts, their sessions, and sign-in attempts.

pub mod login_attempts;
pub mod sessions;
pub mod tokens;
pub mod users;
