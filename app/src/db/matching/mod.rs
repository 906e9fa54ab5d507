//! Matching: eligibility rules, the score, and staff shortlists.

pub mod people;
