//! The rules of the trade. Nothing in here knows about Leptos, sqlx or axum: it compiles for the
//! browser too and is tested in place. Later areas slot in as `domain/<area>`.

pub mod access;
pub mod account;
pub mod assisted;
pub mod audit;
pub mod budget;
pub mod call_form;
pub mod catalogue;
pub mod consent;
pub mod eligibility;
pub mod email;
pub mod enrolment;
pub mod grant_terms;
pub mod holdings;
pub mod identity;
pub mod locale;
pub mod matching;
pub mod mentoring;
pub mod money;
pub mod password;
pub mod plan;
pub mod plan_diff;
pub mod plan_figures;
pub mod plan_text;
pub mod problem;
pub mod profile;
pub mod reference;
pub mod role;
pub mod shortlist;
pub mod situation;
pub mod spreadsheet;
pub mod throttle;
pub mod training_csv;
pub mod training_form;
pub mod work;
