//! Notifications: each event is handed to every channel in the transaction that records it, so
//! a message exists exactly when its event does (`notify`). The in-app list is in `inbox`, the
//! messages waiting to be sent in `outbox`.

pub mod channel;
pub mod inbox;
pub mod offer_alerts;
pub mod outbox;

use crate::db::Tx;
use crate::domain::notifications::event::Event;
use crate::domain::shared::locale::Lang;
use crate::error::AppError;
use crate::on_conn;
use channel::{Channel, Email, InApp};

/// Who a notice is for, as the channels need them.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub id: i64,
    /// `None` for someone a caseworker registered without an address (in-app only).
    pub email: Option<String>,
    /// The language they last used on the site.
    pub language: Lang,
}

/// One event for one person, the one-time token its link carries, if any, and the language
/// to write it in when not the person's usual one (a reset link asked for from a page in
/// another language).
#[derive(Debug, Clone, Copy)]
pub struct Notice<'a> {
    pub event: &'a Event,
    pub secret: Option<&'a str>,
    pub language: Option<Lang>,
}

/// Tells `user` about `event` on every channel that reaches them, inside `tx`: nothing is sent
/// unless the event's own change commits. A disabled account is told nothing.
pub async fn notify(tx: &mut Tx, user: i64, event: &Event) -> Result<(), AppError> {
    let notice = Notice {
        event,
        secret: None,
        language: None,
    };
    deliver(tx, user, notice).await
}

/// `notify` for every one of `users` (committee members, finance officers).
pub async fn notify_all(tx: &mut Tx, users: &[i64], event: &Event) -> Result<(), AppError> {
    for user in users {
        notify(tx, *user, event).await?;
    }
    Ok(())
}

/// Hands a notice to each channel. A new channel (an SMS gateway) is one more line here and
/// one more `Channel`; no event changes.
pub async fn deliver(tx: &mut Tx, user: i64, notice: Notice<'_>) -> Result<(), AppError> {
    let Some(mut to) = recipient(tx, user).await? else {
        return Ok(());
    };
    if let Some(language) = notice.language {
        to.language = language;
    }
    InApp.queue(tx, &to, notice).await?;
    Email.queue(tx, &to, notice).await?;
    Ok(())
}

/// Emails a notice to an address that has no account yet (the link that finishes a sign-up),
/// in `language`, the one the form was filled in. Email only: there is nobody to list it for.
pub async fn mail_to(
    tx: &mut Tx,
    address: &str,
    language: Lang,
    notice: Notice<'_>,
) -> Result<(), AppError> {
    outbox::insert(tx, None, address, language, notice).await
}

/// The person, unless their account is disabled. (Someone a caseworker registered, who has
/// no password yet, is kept informed in the app for when the account is handed over.)
async fn recipient(tx: &mut Tx, user: i64) -> Result<Option<Recipient>, AppError> {
    let row: Option<(i64, Option<String>, String)> = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select id, email, language from users \
             where id = $1 and disabled_at is null",
        )
        .bind(user)
        .fetch_optional(conn)
        .await
    })?;
    Ok(row.map(|(id, email, language)| Recipient {
        id,
        email,
        language: language.parse().unwrap_or(Lang::DEFAULT),
    }))
}

/// Remembers the language someone uses, for the messages written to them later.
pub async fn set_language(tx: &mut Tx, user: i64, language: Lang) -> Result<(), AppError> {
    on_conn!(tx, |conn| {
        sqlx::query("update users set language = $1 where id = $2 and language <> $1")
            .bind(language.code())
            .bind(user)
            .execute(conn)
            .await
            .map(drop)
    })?;
    Ok(())
}
