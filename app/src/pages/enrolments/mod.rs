//! Seats in trainings: the applicant's requests and the admin's desk.

pub mod desk;
pub mod labels;
pub mod mine;
