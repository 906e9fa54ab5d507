//! Password-reset links. Only a SHA-256 of each token is kept here; the token itself sits in
//! the outbox row of its message until that message has gone (then it is cleared). A token
//! works once, before it expires, for the account it was issued to; using one spends every
//! other link of that account too.

use crate::db::{now, Tx};
use crate::error::AppError;
use crate::on_conn;
use rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};

/// What is kept of a token: its SHA-256, so reading the database does not give working links.
pub(crate) fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A new one-time token: 256 random bits, in hex (for a link).
pub(crate) fn new_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// A new reset token for `user`, valid for `minutes`: the token itself (for the link; only
/// its hash is kept).
pub async fn issue(tx: &mut Tx, user: i64, minutes: i64) -> Result<String, AppError> {
    let token = new_token();
    let at = now();
    on_conn!(tx, |conn| {
        sqlx::query(
            "insert into account_tokens (token_hash, user_id, purpose, created_at, expires_at) \
             values ($1, $2, 'reset', $3, $4)",
        )
        .bind(hash(&token))
        .bind(user)
        .bind(at)
        .bind(at + time::Duration::minutes(minutes))
        .execute(conn)
        .await
        .map(drop)
    })?;
    Ok(token)
}

/// How many links of `user` still work (asking again is answered, but past `LIVE_LINKS` no
/// new mail is sent: nobody can fill a stranger's mailbox with links).
pub async fn live(tx: &mut Tx, user: i64) -> Result<i64, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "select count(*) from account_tokens \
             where user_id = $1 and purpose = 'reset' and used_at is null and expires_at > $2",
        )
        .bind(user)
        .bind(now())
        .fetch_one(conn)
        .await
    })?)
}

/// Links of one account that may work at once.
pub const LIVE_LINKS: i64 = 3;

/// The account a token would reset, if it is unused and unexpired (it is not spent).
pub async fn holder(tx: &mut Tx, token: &str) -> Result<Option<i64>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "select user_id from account_tokens \
             where token_hash = $1 and purpose = 'reset' and used_at is null and expires_at > $2",
        )
        .bind(hash(token))
        .bind(now())
        .fetch_optional(conn)
        .await
    })?)
}

/// Spends a token: its account, if it was unused and unexpired, and then every other open link
/// of that account is spent with it. `None` for a wrong, used or expired token.
pub async fn spend(tx: &mut Tx, token: &str) -> Result<Option<i64>, AppError> {
    let at = now();
    let user: Option<i64> = on_conn!(tx, |conn| {
        sqlx::query_scalar(
            "update account_tokens set used_at = $1 \
             where token_hash = $2 and purpose = 'reset' and used_at is null and expires_at > $1 \
             returning user_id",
        )
        .bind(at)
        .bind(hash(token))
        .fetch_optional(conn)
        .await
    })?;
    if let Some(user) = user {
        on_conn!(tx, |conn| {
            sqlx::query(
                "update account_tokens set used_at = $1 where user_id = $2 and used_at is null",
            )
            .bind(at)
            .bind(user)
            .execute(conn)
            .await
            .map(drop)
        })?;
    }
    Ok(user)
}

/// Removes links that can no longer be used, a day after they stopped working.
pub async fn forget_old(tx: &mut Tx) -> Result<u64, AppError> {
    let before = now() - time::Duration::days(1);
    Ok(on_conn!(tx, |conn| {
        sqlx::query("delete from account_tokens where expires_at < $1")
            .bind(before)
            .execute(conn)
            .await
            .map(|r| r.rows_affected())
    })?)
}
