//! Sign-ups waiting for the link mailed to their address. The account is created only when the
//! link is followed (`finish`); until then the chosen password's hash waits here, beside a
//! SHA-256 of the link's token. A sign-up with an address that already has an account is
//! recorded too, without a password and already spent, so that the mails one address receives
//! are counted the same way whoever owns it.

use super::tokens::{hash, new_token};
use crate::db::{now, Tx};
use crate::error::AppError;
use crate::on_conn;

/// Records a sign-up for `email`, valid `minutes`, and returns the link's token. Without a
/// password hash (the address has an account) the row is spent at once: it only counts.
pub async fn record(
    tx: &mut Tx,
    email: &str,
    password_hash: Option<&str>,
    minutes: i64,
) -> Result<String, AppError> {
    let token = new_token();
    let at = now();
    let used = password_hash.is_none().then_some(at);
    on_conn!(tx, |conn| {
        sqlx::query(
            "insert into sign_ups \
             (token_hash, email, password_hash, created_at, expires_at, used_at) \
             values ($1, $2, $3, $4, $5, $6)",
        )
        .bind(hash(&token))
        .bind(email)
        .bind(password_hash)
        .bind(at)
        .bind(at + time::Duration::minutes(minutes))
        .bind(used)
        .execute(conn)
        .await
        .map(drop)
    })?;
    Ok(token)
}

/// How many sign-ups `email` had in the last `minutes` (this one excluded when counted before
/// recording it).
pub async fn recent(tx: &mut Tx, email: &str, minutes: i64) -> Result<i64, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "select count(*) from sign_ups where email = $1 and created_at > $2",
        )
        .bind(email)
        .bind(now() - time::Duration::minutes(minutes))
        .fetch_one(conn)
        .await
    })?)
}

/// Mails one address may receive from sign-ups within a link's lifetime (a link, or "someone
/// tried to sign up with your address"): nobody can fill a stranger's mailbox.
pub const MAILS_PER_ADDRESS: i64 = 3;

/// The address a token's sign-up is for, if the token is unused and unexpired (nothing is
/// spent).
pub async fn address_of(tx: &mut Tx, token: &str) -> Result<Option<String>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar(
            "select email from sign_ups \
             where token_hash = $1 and used_at is null and expires_at > $2 \
             and password_hash is not null",
        )
        .bind(hash(token))
        .bind(now())
        .fetch_optional(conn)
        .await
    })?)
}

/// The password hashes of `email`'s working sign-ups, newest first, one more than
/// `MAILS_PER_ADDRESS` at most: whoever reads the address's mail may finish with the password
/// of any of them (their own sign-up may have sent no mail, when strangers' sign-ups used up
/// the address's mails).
pub async fn live_hashes(tx: &mut Tx, email: &str) -> Result<Vec<String>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar(
            "select password_hash from sign_ups \
             where email = $1 and used_at is null and expires_at > $2 \
             and password_hash is not null order by created_at desc limit $3",
        )
        .bind(email)
        .bind(now())
        .bind(MAILS_PER_ADDRESS + 1)
        .fetch_all(conn)
        .await
    })?)
}

/// Wrong passwords a link's page accepts before the link stops working.
pub const FAILURES_ALLOWED: i64 = 5;

/// Counts a wrong password typed on a token's page; past `FAILURES_ALLOWED` the link is spent.
pub async fn failed(tx: &mut Tx, token: &str) -> Result<(), AppError> {
    on_conn!(tx, |conn| {
        sqlx::query(
            "update sign_ups set failures = failures + 1, \
             used_at = case when failures + 1 >= $1 then $2 else used_at end \
             where token_hash = $3 and used_at is null",
        )
        .bind(FAILURES_ALLOWED)
        .bind(now())
        .bind(hash(token))
        .execute(conn)
        .await
        .map(drop)
    })?;
    Ok(())
}

/// Spends the sign-up a token belongs to, if it is unused and unexpired, and every other
/// sign-up of its address with it: the address. `None` for a wrong, used or expired token.
pub async fn spend(tx: &mut Tx, token: &str) -> Result<Option<String>, AppError> {
    let at = now();
    let email: Option<String> = on_conn!(tx, |conn| {
        sqlx::query_scalar(
            "update sign_ups set used_at = $1 \
             where token_hash = $2 and used_at is null and expires_at > $1 \
             and password_hash is not null \
             returning email",
        )
        .bind(at)
        .bind(hash(token))
        .fetch_optional(conn)
        .await
    })?;
    if let Some(email) = &email {
        on_conn!(tx, |conn| {
            sqlx::query("update sign_ups set used_at = $1 where email = $2 and used_at is null")
                .bind(at)
                .bind(email)
                .execute(conn)
                .await
                .map(drop)
        })?;
    }
    Ok(email)
}

/// Removes sign-ups a day after they stopped working (the waiting password hashes with them).
pub async fn forget_old(tx: &mut Tx) -> Result<u64, AppError> {
    let before = now() - time::Duration::days(1);
    Ok(on_conn!(tx, |conn| {
        sqlx::query("delete from sign_ups where expires_at < $1")
            .bind(before)
            .execute(conn)
            .await
            .map(|r| r.rows_affected())
    })?)
}
