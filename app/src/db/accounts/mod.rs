//! Accounts: sign-up, sign-in, passwords, roles and who may open what.

pub mod login_attempts;
pub mod sessions;
pub mod users;
