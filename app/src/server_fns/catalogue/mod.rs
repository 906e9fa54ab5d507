//! The admin catalogue: trainings (list, edit, import status) and grant calls.

#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod import;
pub mod import_status;
pub mod list_calls;
pub mod list_trainings;
pub mod load_call;
pub mod load_training;
pub mod save_call;
pub mod save_training;

pub use import_status::{import_status, ImportStatusOf};
pub use list_calls::{list_calls, ListCalls};
pub use list_trainings::{list_trainings, ListTrainings};
pub use load_call::{load_call, LoadCall};
pub use load_training::{load_training, LoadTraining};
pub use save_call::{save_call, SaveCall};
pub use save_training::{save_training, SaveTraining};
