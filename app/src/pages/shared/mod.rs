//! Pages of no one area: the home page, dashboards, not found.

pub mod dashboards;
pub mod home;
pub mod not_found;
