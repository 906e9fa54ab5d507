//! Caseworkers' own functions: the people they can help, assisted registration, hand-over.
//! Editing someone's profile goes through the profile functions (see `profile::subject`).

pub mod applicants;
pub mod hand_over;
pub mod register;

pub use applicants::{applicants, Applicants};
pub use hand_over::{hand_over, HandOver};
pub use register::{register_applicant, RegisterApplicant};
