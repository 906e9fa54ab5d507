//! What the privacy notice promises: who did what to whose data is on record and can be read
//! back (the audit trail, for admins), nothing is kept longer than its period (retention), and
//! a person can be erased (with four eyes).

pub mod erasure;
pub mod problem;
pub mod retention;
pub mod trail;
