//! The data layer: one code path for SQLite (the embedded default) and PostgreSQL (several app
//! instances sharing one database). Queries are written once with `$1…$N` placeholders; the
//! `on_conn!` macro compiles each one for both drivers.

pub mod accounts;
pub mod catalogue;
pub mod committee;
pub mod enrolments;
pub mod matching;
pub mod mentoring;
pub mod money;
pub mod monitoring;
pub mod notifications;
pub mod plans;
pub mod privacy;
pub mod profile;
pub mod reporting;
pub mod shared;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Postgres, Sqlite, Transaction};
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;
use time::OffsetDateTime;

/// Which database engine a pool talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// A connection pool to one of the two supported databases. A SQLite pool comes with its
/// [`Writers`] queue.
#[derive(Debug, Clone)]
pub enum Db {
    Sqlite(SqlitePool, Writers),
    Postgres(PgPool),
}

/// An open transaction on either database. Dropping it without `commit` rolls back. A SQLite
/// write transaction holds its writer's turn until then.
pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>, Option<WriterTurn>),
    Postgres(Transaction<'static, Postgres>),
}

/// SQLite lets one transaction write at a time. Left to itself, a writer that finds the lock
/// taken sleeps in SQLite's busy handler (in steps of up to 100 ms) and tries again, so under
/// load writers wait far longer than the writes take. This queue hands the write lock on in
/// arrival order, from one writer of this process to the next, with no sleeping. Writers of
/// other processes (a second `passerelle` on the same file, the session store) still meet the
/// busy handler, as before.
#[derive(Debug, Clone, Default)]
pub struct Writers(Arc<tokio::sync::Mutex<()>>);

/// One writer's turn, held for the life of its transaction.
pub struct WriterTurn {
    _held: tokio::sync::OwnedMutexGuard<()>,
}

impl Writers {
    /// Waits for this process's earlier writers. A turn that does not come within SQLite's
    /// own busy timeout ends as SQLite would: the database is busy, try again.
    async fn turn(&self) -> Result<WriterTurn, sqlx::Error> {
        tokio::time::timeout(BUSY_TIMEOUT, self.0.clone().lock_owned())
            .await
            .map(|held| WriterTurn { _held: held })
            .map_err(|_| sqlx::Error::PoolTimedOut)
    }
}

/// Runs `$body` with `$conn` bound to the transaction's connection, compiled once per driver.
/// The body must evaluate to the same type for both (map driver-specific results inside).
#[macro_export]
macro_rules! on_conn {
    ($tx:expr, |$conn:ident| $body:expr) => {
        match $tx {
            $crate::db::Tx::Sqlite(tx, _) => {
                let $conn = &mut **tx;
                $body
            }
            $crate::db::Tx::Postgres(tx) => {
                let $conn = &mut **tx;
                $body
            }
        }
    };
}

/// How long a request waits for a connection before answering "unavailable".
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

/// How long a SQLite writer waits for the write lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

impl Db {
    /// Opens a pool from a `sqlite://…` or `postgres://…` URL. A SQLite file and its folder are
    /// created if missing.
    pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let options = PgConnectOptions::from_str(url)?;
            let pool = PgPoolOptions::new()
                .max_connections(10)
                .acquire_timeout(ACQUIRE_TIMEOUT)
                .connect_with(options)
                .await?;
            Ok(Db::Postgres(pool))
        } else if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Full)
                .busy_timeout(BUSY_TIMEOUT)
                .foreign_keys(true);
            if let Some(parent) = Path::new(options.get_filename()).parent() {
                if !parent.as_os_str().is_empty() {
                    std::fs::create_dir_all(parent)?;
                }
            }
            let pool = SqlitePoolOptions::new()
                .max_connections(8)
                .acquire_timeout(ACQUIRE_TIMEOUT)
                .connect_with(options)
                .await?;
            Ok(Db::Sqlite(pool, Writers::default()))
        } else {
            Err(sqlx::Error::Configuration(
                "DATABASE_URL must start with sqlite:// or postgres://".into(),
            ))
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(..) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Applies pending migrations. On PostgreSQL the migrator holds an advisory lock, so
    /// instances starting together take turns; on SQLite the file lock does the same.
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        match self {
            Db::Sqlite(pool, _) => sqlx::migrate!("../migrations/sqlite").run(pool).await,
            Db::Postgres(pool) => sqlx::migrate!("../migrations/postgres").run(pool).await,
        }
    }

    /// A transaction for writes. On SQLite it takes the write lock up front (`BEGIN
    /// IMMEDIATE`) so a read-then-write never fails half-way on a lock upgrade, after its turn
    /// among this process's writers (taken before a connection, so queued writers leave the
    /// pool's connections to readers).
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        Ok(match self {
            Db::Sqlite(pool, writers) => {
                let turn = writers.turn().await?;
                Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?, Some(turn))
            }
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// A transaction for reads: a consistent view, no write lock.
    pub async fn read(&self) -> Result<Tx, sqlx::Error> {
        Ok(match self {
            Db::Sqlite(pool, _) => Tx::Sqlite(pool.begin().await?, None),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Checks the database answers, for `/healthz`.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        match self {
            Db::Sqlite(pool, _) => sqlx::query("select 1").execute(pool).await.map(drop),
            Db::Postgres(pool) => sqlx::query("select 1").execute(pool).await.map(drop),
        }
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite(pool, _) => pool.close().await,
            Db::Postgres(pool) => pool.close().await,
        }
    }
}

impl Tx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            // The turn passes on once the commit is done.
            Tx::Sqlite(tx, _turn) => tx.commit().await,
            Tx::Postgres(tx) => tx.commit().await,
        }
    }
}

/// `count` numbered placeholders from `$from` on, for an `in (…)` list: `$3, $4, $5`.
pub fn placeholders(from: usize, count: usize) -> String {
    let marks: Vec<String> = (from..from + count).map(|n| format!("${n}")).collect();
    marks.join(", ")
}

/// The current time as stored: UTC, whole seconds (so SQLite's text timestamps sort correctly).
pub fn now() -> OffsetDateTime {
    let now = OffsetDateTime::now_utc();
    now.replace_nanosecond(0).unwrap_or(now)
}
