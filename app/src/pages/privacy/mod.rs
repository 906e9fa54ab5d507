//! Privacy pages: everything held about a person (for them, or a caseworker helping them),
//! erasure with four eyes and the audit trail (admins).

pub mod erasures;
pub mod held;
pub mod held_payees;
pub mod held_plans;
pub mod held_profile;
pub mod labels;
pub mod trail;
