//! The privacy area's reads: the audit trail as admins search it.

pub mod trail;
