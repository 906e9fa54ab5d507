//! The applicant's profile: consent, identity, situation, documents, skills, work history, and assisted registration by caseworkers.

pub mod assisted;
pub mod holdings;
pub mod profiles;
pub mod work;
