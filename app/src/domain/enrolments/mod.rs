//! Seats in ANAPEC trainings.

pub mod enrolment;
pub mod problem;
