//! Pieces shared by several pages.

pub mod activity;
pub mod city_filter;
pub mod form;
#[cfg(feature = "ssr")]
pub mod islands;
pub mod layout;
pub mod page_data;
#[cfg(feature = "ssr")]
pub mod plain_page;
