//! The admin catalogue: trainings, grant calls and the CSV import.

pub mod call_edit;
pub mod calls;
pub mod import;
pub mod labels;
pub mod training_edit;
pub mod trainings;
