//! Mentoring: the mentor's session log and caseload. Assignment is on the admin side
//! (`admin::assign_mentor`).

pub mod caseload;
pub mod log_session;

pub use caseload::{my_caseload, MyCaseload};
pub use log_session::{log_session, LogSession};
