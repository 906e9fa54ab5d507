//! The reader's language.

pub mod set_locale;

pub use set_locale::{set_locale, SetLocale};
