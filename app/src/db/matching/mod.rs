//! Many applicants at once, for staff shortlists.

pub mod index;
pub mod people;
