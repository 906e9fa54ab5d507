//! Accounts, their sessions, sign-in attempts, and sign-ups waiting for their link.

pub mod login_attempts;
pub mod sessions;
pub mod sign_ups;
pub mod tokens;
pub mod users;
