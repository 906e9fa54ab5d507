//! Mentoring: the mentor's session log and caseload. Assignment is on the admin side
//! (`admin::assign_mentor`).

pub mod assign_mentor;
pub mod caseload;
pub mod desk;
pub mod log_session;
pub mod mentor_profile;

pub use assign_mentor::{assign_mentor, AssignMentor};
pub use caseload::{my_caseload, MyCaseload};
pub use desk::{mentoring_desk, MentoringDeskFn};
pub use log_session::{log_session, LogSession};
pub use mentor_profile::{save_mentor_profile, SaveMentorProfile};
