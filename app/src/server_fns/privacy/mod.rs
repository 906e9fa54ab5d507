//! Privacy: the audit trail for admins (a page and its CSV).

pub mod trail;
#[cfg(feature = "ssr")]
pub mod trail_csv;

pub use trail::*;
