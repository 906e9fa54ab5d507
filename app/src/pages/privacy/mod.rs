//! Privacy pages: the audit trail for admins.

pub mod labels;
pub mod trail;
