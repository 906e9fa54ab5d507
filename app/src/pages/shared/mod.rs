//! Pages of no one area: the home page and "not found".

pub mod home;
pub mod not_found;
