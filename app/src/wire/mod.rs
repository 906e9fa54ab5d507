//! What server functions send to the page. Rows from `db` convert into these; they compile for
//! the browser too.
//! One file per area, named like the area everywhere else.

pub mod accounts;
pub mod catalogue;
pub mod committee;
pub mod enrolments;
pub mod matching;
pub mod mentoring;
pub mod money;
pub mod monitoring;
pub mod notifications;
pub mod plans;
pub mod privacy;
pub mod profile;
pub mod reporting;
pub mod shared;
