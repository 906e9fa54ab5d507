//! Signing up, in and out, each role's home page, changing one's password, and the admin's
//! list of accounts.

pub mod dashboards;
pub mod labels;
pub mod login;
pub mod password;
pub mod reset;
pub mod signup;
pub mod users;
