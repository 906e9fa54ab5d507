//! Pieces shared by several pages.

pub mod activity;
pub mod form;
pub mod layout;
#[cfg(feature = "ssr")]
pub mod plain_page;
