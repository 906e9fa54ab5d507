//! Signing up, in and out, changing one's password, and the admin's list of accounts.

pub mod login;
pub mod password;
pub mod signup;
pub mod users;
