//! The language switch, which every page shows.

pub mod set_locale;

pub use set_locale::{set_locale, SetLocale};
