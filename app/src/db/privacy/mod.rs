//! The privacy area's reads and sweeps: the audit trail as admins search it, and retention.

pub mod retention;
pub mod trail;
