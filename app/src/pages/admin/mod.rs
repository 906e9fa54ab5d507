//! Pages for programme admins.

pub mod users;
