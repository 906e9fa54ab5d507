//! Monitoring visits: the plan a mentor reports on, and a plan's visits. The visit itself is
//! posted as a multipart form with its files (`files::monitoring`), not through a server
//! function.

pub mod sustainability;
#[cfg(feature = "ssr")]
pub mod visit;
pub mod visit_form;
pub mod visits;

pub use sustainability::{sustainability, LoadSustainability};
pub use visit_form::{visit_form, VisitFormPlan};
pub use visits::{plan_visits, PlanVisits};
