//! Messages waiting to be sent, sent, or given up on. Rows are written in the event's
//! transaction (`insert`); each server's worker takes due rows under a lease (`claim`), sends
//! them, and records how it went (`sent`, `failed`). A row is only ever settled by the worker
//! holding its lease, so two servers never both record (or both send within a lease) the same
//! message.

use super::Notice;
use crate::db::{now, Tx};
use crate::domain::notifications::delivery::{gives_up, retry_after};
use crate::domain::notifications::event::{FINISH_SIGN_UP_PATH, RESET_PATH};
use crate::domain::shared::locale::Lang;
use crate::error::AppError;
use crate::on_conn;
use rand_core::{OsRng, RngCore};
use time::OffsetDateTime;

/// Queues a message to `address`, for the account `user` (none for someone signing up).
pub async fn insert(
    tx: &mut Tx,
    user: Option<i64>,
    address: &str,
    language: Lang,
    notice: Notice<'_>,
) -> Result<(), AppError> {
    let at = now();
    on_conn!(tx, |conn| {
        sqlx::query(
            "insert into outbox (user_id, channel, address, language, event, link, secret, \
             message_id, created_at, next_attempt_at) \
             values ($1, 'email', $2, $3, $4, $5, $6, $7, $8, $8)",
        )
        .bind(user)
        .bind(address)
        .bind(language.code())
        .bind(notice.event.to_json())
        .bind(notice.event.path())
        .bind(notice.secret)
        .bind(message_id())
        .bind(at)
        .execute(conn)
        .await
        .map(drop)
    })?;
    Ok(())
}

/// The unique part of a Message-ID, fixed when the message is queued (the worker adds the
/// sender's domain), so a message sent twice is recognisably the same message.
fn message_id() -> String {
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

macro_rules! claim_due {
    () => {
        "update outbox set leased_until = $1, leased_by = $2, attempts = attempts + 1 \
         where id in (select id from outbox where state = 'pending' and next_attempt_at <= $3 \
         and (leased_until is null or leased_until <= $3) order by id limit $4"
    };
}

macro_rules! returning_due {
    () => {
        "returning id, address, language, event, link, secret, message_id, attempts, created_at"
    };
}

/// A message a worker has taken, with everything needed to write and send it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Due {
    pub id: i64,
    pub address: String,
    pub language: String,
    pub event: String,
    pub link: String,
    pub secret: Option<String>,
    pub message_id: String,
    /// Tries so far, this one included (counted when it is taken, so a try that never
    /// finished still counts).
    pub attempts: i64,
    pub created_at: OffsetDateTime,
}

/// Takes up to `limit` due messages for `worker` until `now + lease`, counting a try for each: pending, due, and not
/// held by another worker (one that died holding them lets go when its lease runs out). On
/// PostgreSQL rows another server is taking at the same moment are skipped, not waited for;
/// SQLite has one writer at a time.
pub async fn claim(
    tx: &mut Tx,
    worker: &str,
    lease: std::time::Duration,
    limit: i64,
) -> Result<Vec<Due>, AppError> {
    let at = now();
    // Only PostgreSQL needs (and has) row locks to skip; SQLite has one writer at a time.
    let sql = match tx {
        Tx::Postgres(_) => concat!(claim_due!(), " for update skip locked) ", returning_due!()),
        Tx::Sqlite(..) => concat!(claim_due!(), ") ", returning_due!()),
    };
    let mut rows: Vec<Due> = on_conn!(tx, |conn| {
        sqlx::query_as(sql)
            .bind(at + lease)
            .bind(worker)
            .bind(at)
            .bind(limit)
            .fetch_all(conn)
            .await
    })?;
    rows.sort_by_key(|row| row.id);
    Ok(rows)
}

/// Records that `worker` sent message `id`: it is done, and its one-time token forgotten.
/// `false` when the worker no longer held it (its lease ran out and another took it).
pub async fn sent(tx: &mut Tx, id: i64, worker: &str) -> Result<bool, AppError> {
    let sql = "update outbox set state = 'sent', done_at = $1, secret = null, \
               leased_until = null, last_error = $2 \
               where id = $3 and leased_by = $4 and state = 'pending'";
    settle(tx, sql, now(), None, id, worker).await
}

/// Records a failed try (the `tries`-th): tried again after the back-off, or given up on
/// (`failed`, shown to admins, token forgotten) once `max_attempts` tries have failed (0: at
/// once).
pub async fn failed(
    tx: &mut Tx,
    id: i64,
    worker: &str,
    error: &str,
    tries: i64,
    max_attempts: u32,
) -> Result<bool, AppError> {
    let failures = u32::try_from(tries.max(1)).unwrap_or(u32::MAX);
    let error: String = error.chars().take(500).collect();
    if gives_up(failures, max_attempts) {
        let sql = "update outbox set state = 'failed', done_at = $1, secret = null, \
                   leased_until = null, last_error = $2 \
                   where id = $3 and leased_by = $4 and state = 'pending'";
        settle(tx, sql, now(), Some(&error), id, worker).await
    } else {
        let sql = "update outbox set next_attempt_at = $1, leased_until = null, last_error = $2 \
                   where id = $3 and leased_by = $4 and state = 'pending'";
        let next = now() + retry_after(failures);
        settle(tx, sql, next, Some(&error), id, worker).await
    }
}

/// Runs one of the settling updates above (`$1` a moment, `$2` the error, `$3` the message,
/// `$4` the worker, which must still hold it) and, when it applied, records the attempt.
async fn settle(
    tx: &mut Tx,
    sql: &'static str,
    moment: OffsetDateTime,
    error: Option<&str>,
    id: i64,
    worker: &str,
) -> Result<bool, AppError> {
    let done = on_conn!(tx, |conn| {
        sqlx::query(sql)
            .bind(moment)
            .bind(error)
            .bind(id)
            .bind(worker)
            .execute(conn)
            .await
            .map(|r| r.rows_affected() == 1)
    })?;
    if done {
        attempt(tx, id, worker, now(), error).await?;
    }
    Ok(done)
}

/// Renews `worker`'s lease on message `id` before it is sent: `false` when the worker no
/// longer holds it (another took it after the lease ran out, or it was settled).
pub async fn hold(
    tx: &mut Tx,
    id: i64,
    worker: &str,
    lease: std::time::Duration,
) -> Result<bool, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query(
            "update outbox set leased_until = $1 \
             where id = $2 and leased_by = $3 and state = 'pending'",
        )
        .bind(now() + lease)
        .bind(id)
        .bind(worker)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
    })?)
}

async fn attempt(
    tx: &mut Tx,
    id: i64,
    worker: &str,
    at: OffsetDateTime,
    error: Option<&str>,
) -> Result<(), AppError> {
    on_conn!(tx, |conn| {
        sqlx::query(
            "insert into outbox_attempts (outbox_id, at, worker, error) values ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(at)
        .bind(worker)
        .bind(error)
        .execute(conn)
        .await
        .map(drop)
    })?;
    Ok(())
}

/// A message as the admins' Outbox page lists it (never its token).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Entry {
    pub id: i64,
    pub address: String,
    pub language: String,
    pub event: String,
    pub state: String,
    pub attempts: i64,
    pub created_at: OffsetDateTime,
    pub next_attempt_at: OffsetDateTime,
    pub done_at: Option<OffsetDateTime>,
    pub last_error: Option<String>,
}

/// One page of messages in `state` (all when `None`), newest first, older than `before`.
pub async fn page(
    tx: &mut Tx,
    state: Option<&str>,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Entry>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_as(
            "select id, address, language, event, state, attempts, created_at, \
             next_attempt_at, done_at, last_error from outbox \
             where ($1 is null or state = $1) and id < $2 order by id desc limit $3",
        )
        .bind(state)
        .bind(before.unwrap_or(i64::MAX))
        .bind(limit)
        .fetch_all(conn)
        .await
    })?)
}

/// How many messages are pending, sent and failed.
pub async fn counts(tx: &mut Tx) -> Result<(i64, i64, i64), AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_as(
            "select \
               coalesce(sum(case when state = 'pending' then 1 else 0 end), 0), \
               coalesce(sum(case when state = 'sent' then 1 else 0 end), 0), \
               coalesce(sum(case when state = 'failed' then 1 else 0 end), 0) \
             from outbox",
        )
        .fetch_one(conn)
        .await
    })?)
}

/// Puts a message given up on back in the queue, to be tried now (an admin fixed the mail
/// settings or the address). `false` if it was not failed, or carried a one-time link (its
/// token is gone; the person asks for a new link or signs up again).
pub async fn retry(tx: &mut Tx, id: i64) -> Result<bool, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query(
            "update outbox set state = 'pending', attempts = 0, next_attempt_at = $1, \
             done_at = null, leased_until = null, leased_by = null \
             where id = $2 and state = 'failed' and link not in ($3, $4)",
        )
        .bind(now())
        .bind(id)
        // The pages one-time links open (`Event::carries_secret`).
        .bind(RESET_PATH)
        .bind(FINISH_SIGN_UP_PATH)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
    })?)
}

/// Removes messages sent or given up on more than `days` ago, with their attempts: the
/// addresses and events they name are not kept longer than the delivery needs.
pub async fn forget_done(tx: &mut Tx, days: i64) -> Result<u64, AppError> {
    let before = now() - time::Duration::days(days);
    Ok(on_conn!(tx, |conn| {
        sqlx::query("delete from outbox where state <> 'pending' and done_at < $1")
            .bind(before)
            .execute(conn)
            .await
            .map(|r| r.rows_affected())
    })?)
}
