//! Pieces shared by several pages.

pub mod activity;
pub mod city_filter;
pub mod form;
pub mod layout;
#[cfg(feature = "ssr")]
pub mod plain_page;
