//! The language switch, which every page shows, and what the file endpoints of every area share.

#[cfg(feature = "ssr")]
pub mod download;
pub mod moved;
pub mod set_locale;

pub use set_locale::{set_locale, SetLocale};
