//! Privacy: everything held about a person (a page and its JSON file), erasure with four eyes,
//! the audit trail for admins (a page and its CSV).

pub mod ask_erasure;
pub mod cancel_erasure;
pub mod carry_out_erasure;
pub mod erasures;
pub mod held_data;
#[cfg(feature = "ssr")]
pub mod held_json;
pub mod trail;
#[cfg(feature = "ssr")]
pub mod trail_csv;

pub use ask_erasure::*;
pub use cancel_erasure::*;
pub use carry_out_erasure::*;
pub use erasures::*;
pub use held_data::*;
pub use trail::*;
