//! What the privacy notice promises: who did what to whose data is on record and can be read
//! back (the audit trail, for admins).

pub mod problem;
pub mod trail;
