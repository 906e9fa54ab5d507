//! Pages for programme admins.

pub mod enrolments;
pub mod users;
