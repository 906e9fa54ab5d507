//! What every signed-in person uses: their dashboard and the language switch.

pub mod dashboard;
pub mod set_locale;

pub use dashboard::{dashboard, LoadDashboard};
pub use set_locale::{set_locale, SetLocale};
