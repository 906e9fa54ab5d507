//! Profiles and consent records, documents and skills, work history, and the accounts caseworkers
//! register for people without an email.

pub mod assisted;
pub mod holdings;
pub mod profiles;
pub mod work;
