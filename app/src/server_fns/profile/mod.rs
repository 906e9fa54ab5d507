//! The applicant's own profile: consent first, then the wizard's steps.

pub mod give_consent;
pub mod load;
pub mod save_identity;
pub mod save_situation;

pub use give_consent::{give_consent, GiveConsent};
pub use load::{profile_page, LoadProfile};
pub use save_identity::{save_identity, SaveIdentity};
pub use save_situation::{save_situation, SaveSituation};
