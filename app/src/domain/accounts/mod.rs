//! Accounts: sign-up, sign-in, passwords, roles and who may open what.

pub mod access;
pub mod account;
pub mod email;
pub mod password;
pub mod problem;
pub mod role;
pub mod throttle;
