//! Pages of no one area: the home page and "not found".

pub mod home;
pub mod labels;
pub mod not_found;
