//! Pages for programme admins.

pub mod call_edit;
pub mod calls;
pub mod committee;
pub mod enrolments;
pub mod import;
pub(crate) mod labels;
pub mod mentoring;
pub mod training_edit;
pub mod trainings;
pub mod users;
