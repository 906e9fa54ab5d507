//! Idempotency keys of money requests: a key is claimed with its request's hash in the
//! request's own transaction, and its first answer kept with it, so a replay answers the same.

use crate::db::{now, Tx};
use crate::domain::money::key::IdempotencyKey;
use crate::domain::money::problem::MoneyProblem;
use crate::domain::problem::Problem;
use crate::error::AppError;
use crate::on_conn;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// What a money request's key found.
pub enum Claim<T> {
    /// The key is new: this request does the work and stores its result with [`finish`].
    Fresh,
    /// The same request was done before: its result.
    Replay(T),
}

/// Claims `key` for this request (`endpoint` + `request_hash`) by `actor_id`. On PostgreSQL a
/// concurrent request with the same key waits here until the first commits, then sees its
/// result; a key already used for another request, endpoint or person is refused.
pub async fn claim<T: DeserializeOwned>(
    tx: &mut Tx,
    key: &IdempotencyKey,
    actor_id: i64,
    endpoint: &str,
    request_hash: &str,
) -> Result<Result<Claim<T>, Problem>, AppError> {
    let at = now();
    let inserted = on_conn!(tx, |conn| {
        sqlx::query(
            "insert into idempotency_keys (key, actor_id, endpoint, request_hash, created_at) \
             values ($1, $2, $3, $4, $5) on conflict (key) do nothing",
        )
        .bind(key.as_str())
        .bind(actor_id)
        .bind(endpoint)
        .bind(request_hash)
        .bind(at)
        .execute(conn)
        .await
        .map(|r| r.rows_affected())
    })?;
    if inserted == 1 {
        return Ok(Ok(Claim::Fresh));
    }
    let row: Option<(i64, String, String, Option<String>)> = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select actor_id, endpoint, request_hash, response from idempotency_keys \
             where key = $1",
        )
        .bind(key.as_str())
        .fetch_optional(conn)
        .await
    })?;
    match row {
        Some((actor, end, hash, Some(response)))
            if actor == actor_id && end == endpoint && hash == request_hash =>
        {
            let first = serde_json::from_str(&response).map_err(|_| AppError::Internal)?;
            Ok(Ok(Claim::Replay(first)))
        }
        // A first request still without a result cannot be seen once it committed.
        Some((actor, end, hash, None))
            if actor == actor_id && end == endpoint && hash == request_hash =>
        {
            Err(AppError::Conflict)
        }
        _ => Ok(Err(MoneyProblem::IdempotencyKeyReused.into())),
    }
}

/// Stores the result a replay of `key` will return, in the request's transaction.
pub async fn finish<T: Serialize>(
    tx: &mut Tx,
    key: &IdempotencyKey,
    result: &T,
) -> Result<(), AppError> {
    let response = serde_json::to_string(result).map_err(|_| AppError::Internal)?;
    on_conn!(tx, |conn| {
        sqlx::query("update idempotency_keys set response = $1 where key = $2")
            .bind(response)
            .bind(key.as_str())
            .execute(conn)
            .await
            .map(drop)
    })?;
    Ok(())
}
