//! Mentoring pages: a plan's activity (its timeline, comment threads and session log, also the
//! applicant's "timeline" view) and the mentor's caseload. The components are shared with the
//! plan editor's page.

pub mod activity;
pub mod caseload;
pub mod components;
pub mod desk;
pub mod labels;

pub use activity::PlanActivityPage;
pub use caseload::CaseloadPage;
pub use components::{PlanComments, PlanTimeline, PlanTransitions, SessionLog};
