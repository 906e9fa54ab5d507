//! Business plans, started from a call the applicant is eligible for. The editor, mentoring
//! and the committee build on these rows.

pub mod mine;
pub mod start;

pub use mine::{my_plans, MyPlans};
pub use start::{start_plan, StartPlan};
