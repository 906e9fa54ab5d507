//! What the privacy notice promises: who did what to whose data is on record and can be read
//! back (the audit trail, for admins), and nothing is kept longer than its period (retention).

pub mod problem;
pub mod retention;
pub mod trail;
