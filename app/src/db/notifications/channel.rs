//! The ways a notice reaches a person. Each channel decides whether it can reach them and
//! keeps what it needs, in the event's transaction; sending (for those that send) happens
//! later, from the outbox, in the server's worker (`server/src/outbox.rs`).
//!
//! Adding an SMS gateway: a phone number on the person, a `Channel` that writes an outbox row
//! with `channel = 'sms'` (the table's check lists the channels), one line in
//! `notifications::deliver`, and a sender for that channel in the worker. Events stay as they
//! are.

use super::{inbox, outbox, Notice, Recipient};
use crate::db::Tx;
use crate::error::AppError;

/// A way to reach people.
// Not a trait object: the channels are known when the program is built, and each `queue`
// runs inside the caller's transaction.
#[allow(async_fn_in_trait)]
pub trait Channel {
    /// Keeps the notice for `to`, if this channel reaches them; nothing otherwise.
    async fn queue(&self, tx: &mut Tx, to: &Recipient, notice: Notice<'_>) -> Result<(), AppError>;
}

/// The list in the app, for everyone signed in. Never holds a one-time link.
pub struct InApp;

impl Channel for InApp {
    async fn queue(&self, tx: &mut Tx, to: &Recipient, notice: Notice<'_>) -> Result<(), AppError> {
        if notice.event.carries_secret() {
            return Ok(());
        }
        inbox::insert(tx, to.id, notice.event).await
    }
}

/// Email, for people with an address, through the outbox.
pub struct Email;

impl Channel for Email {
    async fn queue(&self, tx: &mut Tx, to: &Recipient, notice: Notice<'_>) -> Result<(), AppError> {
        let Some(address) = to.email.as_deref() else {
            return Ok(());
        };
        outbox::insert(tx, Some(to.id), address, to.language, notice).await
    }
}
