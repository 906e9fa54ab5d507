//! Each role's landing page.

pub mod load;

pub use load::{dashboard, LoadDashboard};
