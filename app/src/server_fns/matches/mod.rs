//! Offers matched to a person, explained.

pub mod mine;

pub use mine::{my_matches, MyMatches};
