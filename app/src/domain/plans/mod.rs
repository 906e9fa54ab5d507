//! Business plans: their text and figures, budget maths, versions and their differences, and the
//! plan's life.

pub mod budget;
pub mod plan;
pub mod plan_diff;
pub mod plan_figures;
pub mod plan_text;
pub mod problem;
