//! The rules of the trade. Nothing in here knows about Leptos, sqlx or axum: it compiles for the
//! browser too and is tested in place. Later areas slot in as `domain/<area>`.

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
pub mod problem;
pub mod profile;
pub mod reporting;
pub mod shared;
