//! The privacy area's reads and sweeps: everything held about one person, erasure, the audit
//! trail as admins search it, and retention.

pub mod erasure;
pub mod held;
pub mod held_plans;
pub mod retention;
pub mod trail;
