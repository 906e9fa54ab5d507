//! Telling people what happened to them (issue 14): the events, when a failed message is tried
//! again, and the reset link's lifetime. The words are in `pages::notifications::message`; the
//! channels that carry them in `db::notifications::channel`.

pub mod delivery;
pub mod event;
