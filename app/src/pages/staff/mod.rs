//! Pages for caseworkers and admins across applicants.

pub mod matches;
