//! Informed consent comes before any profile data (security.md, "Privacy"). The notice's text
//! lives in the locale files under `consent.notice`; its version is recorded with each consent,
//! so a changed notice means asking again.

/// The version of the privacy notice the locale files hold. Change it whenever the notice's
/// meaning changes: people who agreed to an older one are asked again.
pub const NOTICE_VERSION: &str = "2026-12";
