//! Pieces shared by several pages.

pub mod activity;
pub mod form;
pub mod layout;
pub mod problem;
