//! Many applicants at once, for staff shortlists.

pub mod people;
