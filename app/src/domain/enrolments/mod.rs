//! Seats in ANAPEC trainings.

pub mod enrolment;
