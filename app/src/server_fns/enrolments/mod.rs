//! Seats in ANAPEC trainings: the applicant asks or gives up, an admin confirms, declines or
//! records completion. Each change goes through `domain::enrolments::enrolment` and is a guarded write.

pub mod decide;
pub mod desk;
pub mod mine;
pub mod request;
pub mod withdraw;

pub use decide::{decide_enrolment, DecideEnrolment};
pub use desk::{enrolment_desk, EnrolmentDesk};
pub use mine::{my_enrolments, MyEnrolments};
pub use request::{request_seat, RequestSeat};
pub use withdraw::{withdraw_seat, WithdrawSeat};
