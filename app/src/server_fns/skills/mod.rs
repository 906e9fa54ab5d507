//! The skills taxonomy, for the profile's skill picker and the public skills page.

pub mod search;

pub use search::{search_skills, SearchSkills};
