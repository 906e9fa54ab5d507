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

pub async fn recent_failures(
    tx: &mut Tx,
    account_key: &str,
    address: &str,
) -> Result<RecentFailures, AppError> {
    let since = now() - time::Duration::minutes(WINDOW_MINUTES);
    let (account_and_address, address_count, account): (i64, i64, i64) = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select \
               coalesce(sum(case when account_key = $1 and address = $2 then 1 else 0 end), 0), \
               coalesce(sum(case when address = $2 then 1 else 0 end), 0), \
               coalesce(sum(case when account_key = $1 then 1 else 0 end), 0) \
             from login_attempts \
             where succeeded = $3 and at >= $4 and (account_key = $1 or address = $2)",
        )
        .bind(account_key)
        .bind(address)
        .bind(false)
        .bind(since)
        .fetch_one(conn)
        .await
    })?;
    Ok(RecentFailures {
        account_and_address,
        address: address_count,
        account,
    })
}

pub async fn record(
    tx: &mut Tx,
    account_key: &str,
    address: &str,
    succeeded: bool,
) -> Result<(), AppError> {
    on_conn!(tx, |conn| {
        sqlx::query(
            "insert into login_attempts (at, account_key, address, succeeded) values ($1, $2, $3, $4)",
        )
        .bind(now())
        .bind(account_key)
        .bind(address)
        .bind(succeeded)
        .execute(conn)
        .await
        .map(drop)
    })?;
    Ok(())
}
