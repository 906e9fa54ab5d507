//! Sign-in attempts: throttling reads the last window of them; they are kept for the sign-in
//! history until retention removes them (`domain::privacy::retention`, 90 days by default).

use crate::db::{now, Tx};
use crate::domain::accounts::throttle::{RecentFailures, WINDOW_MINUTES};
use crate::error::AppError;
use crate::on_conn;
use sha2::{Digest, Sha256};

/// The account an attempt targets, as a hash of the submitted address (trimmed, lower-cased),
/// so attempts on unknown addresses are counted the same way without storing the address.
pub fn account_key(submitted_email: &str) -> String {
    hex::encode(Sha256::digest(
        submitted_email.trim().to_lowercase().as_bytes(),
    ))
}

/// Writes an attempt before its password is checked, as a failure until `settle` says
/// otherwise (committed at once, so parallel guesses count each other). Its id.
pub async fn reserve(tx: &mut Tx, account_key: &str, address: &str) -> Result<i64, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar(
            "insert into login_attempts (at, account_key, address, succeeded) \
             values ($1, $2, $3, $4) returning id",
        )
        .bind(now())
        .bind(account_key)
        .bind(address)
        .bind(false)
        .fetch_one(conn)
        .await
    })?)
}

/// Failures within the window for this account and network, other attempts in flight included
/// (they count as failures until settled), leaving out the attempt `except` itself; and whether
/// this network has ever signed in to this account (kept as long as attempts are).
pub async fn recent_failures(
    tx: &mut Tx,
    account_key: &str,
    address: &str,
    except: i64,
) -> Result<RecentFailures, AppError> {
    let since = now() - time::Duration::minutes(WINDOW_MINUTES);
    let counts: (i64, i64, i64, i64) = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select \
               coalesce(sum(case when succeeded = $4 and at >= $5 \
                 and account_key = $1 and address = $2 then 1 else 0 end), 0), \
               coalesce(sum(case when succeeded = $4 and at >= $5 \
                 and address = $2 then 1 else 0 end), 0), \
               coalesce(sum(case when succeeded = $4 and at >= $5 \
                 and account_key = $1 then 1 else 0 end), 0), \
               coalesce(sum(case when succeeded <> $4 \
                 and account_key = $1 and address = $2 then 1 else 0 end), 0) \
             from login_attempts \
             where (account_key = $1 or address = $2) and id <> $3",
        )
        .bind(account_key)
        .bind(address)
        .bind(except)
        .bind(false)
        .bind(since)
        .fetch_one(conn)
        .await
    })?;
    let (account_and_address, address_count, account, successes) = counts;
    Ok(RecentFailures {
        account_and_address,
        address: address_count,
        account,
        known_address: successes > 0,
    })
}

/// Records how a reserved attempt ended: signed in, or not.
pub async fn settle(tx: &mut Tx, id: i64, succeeded: bool) -> Result<(), AppError> {
    on_conn!(tx, |conn| {
        sqlx::query("update login_attempts set succeeded = $1 where id = $2")
            .bind(succeeded)
            .bind(id)
            .execute(conn)
            .await
            .map(drop)
    })?;
    Ok(())
}

/// Drops a reserved attempt that was refused before its password was checked: a refused guess
/// does not stretch the wait (which would let an attacker keep a shared address blocked).
pub async fn forget(tx: &mut Tx, id: i64) -> Result<(), AppError> {
    delete_one(tx, "delete from login_attempts where id = $1", id).await
}

async fn delete_one(tx: &mut Tx, sql: &'static str, id: i64) -> Result<(), AppError> {
    on_conn!(tx, |conn| {
        sqlx::query(sql).bind(id).execute(conn).await.map(drop)
    })?;
    Ok(())
}

/// Writes a sign-up from `address` (committed before anything is hashed, like a sign-in
/// attempt) and answers how many the network made in the last hour, this one included, with
/// its id. Rows older than a day go at the same time.
pub async fn sign_up(tx: &mut Tx, address: &str) -> Result<(i64, i64), AppError> {
    let at = now();
    let day_ago = at - time::Duration::days(1);
    on_conn!(tx, |conn| {
        sqlx::query("delete from sign_up_attempts where at < $1")
            .bind(day_ago)
            .execute(conn)
            .await
            .map(drop)
    })?;
    let id: i64 = on_conn!(tx, |conn| {
        sqlx::query_scalar(
            "insert into sign_up_attempts (at, address) values ($1, $2) returning id",
        )
        .bind(at)
        .bind(address)
        .fetch_one(conn)
        .await
    })?;
    let hour_ago = at - time::Duration::hours(1);
    let count: i64 = on_conn!(tx, |conn| {
        sqlx::query_scalar("select count(*) from sign_up_attempts where address = $1 and at >= $2")
            .bind(address)
            .bind(hour_ago)
            .fetch_one(conn)
            .await
    })?;
    Ok((id, count))
}

/// Drops a refused sign-up, so refusals do not stretch the wait.
pub async fn forget_sign_up(tx: &mut Tx, id: i64) -> Result<(), AppError> {
    delete_one(tx, "delete from sign_up_attempts where id = $1", id).await
}

/// Forgets the failed sign-ins (and reset requests) on an account whose owner just proved it
/// is theirs with a reset link, so the new password is not refused as one guess too many.
pub async fn clear_failures(tx: &mut Tx, account_key: &str) -> Result<(), AppError> {
    on_conn!(tx, |conn| {
        sqlx::query("delete from login_attempts where account_key = $1 and succeeded = $2")
            .bind(account_key)
            .bind(false)
            .execute(conn)
            .await
            .map(drop)
    })?;
    Ok(())
}
