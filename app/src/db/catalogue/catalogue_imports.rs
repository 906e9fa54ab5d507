//! CSV imports of trainings: one row per upload, moved along as the file is checked and
//! written, read by the status page.

use crate::db::{now, Tx};
use crate::domain::catalogue::training_csv::ImportProblem;
use crate::error::AppError;
use crate::on_conn;
use crate::wire::catalogue::{ImportStatus, ImportView};

pub async fn create(tx: &mut Tx, actor_id: i64, file_name: &str) -> Result<i64, AppError> {
    let at = now();
    let row = on_conn!(tx, |conn| {
        sqlx::query_as::<_, (i64,)>(
            "insert into catalogue_imports (actor_id, file_name, status, created_at, updated_at) \
             values ($1, $2, 'validating', $3, $3) returning id",
        )
        .bind(actor_id)
        .bind(file_name)
        .bind(at)
        .fetch_one(conn)
        .await
    })?;
    Ok(row.0)
}

/// Moves the progress counters (and the status) of import `id`.
pub async fn progress(
    tx: &mut Tx,
    id: i64,
    status: ImportStatus,
    total: usize,
    processed: usize,
) -> Result<(), AppError> {
    on_conn!(tx, |conn| {
        sqlx::query(
            "update catalogue_imports set status = $1, total_rows = $2, processed_rows = $3, \
             updated_at = $4 where id = $5",
        )
        .bind(status.code())
        .bind(i64::try_from(total).unwrap_or(i64::MAX))
        .bind(i64::try_from(processed).unwrap_or(i64::MAX))
        .bind(now())
        .bind(id)
        .execute(conn)
        .await
        .map(drop)
    })?;
    Ok(())
}

/// The end of import `id`: its status, counts and report.
pub async fn finish(
    tx: &mut Tx,
    id: i64,
    status: ImportStatus,
    counts: (usize, usize),
    report: &[ImportProblem],
) -> Result<(), AppError> {
    let report = serde_json::to_string(report).map_err(|error| {
        tracing::error!(%error, "an import report that does not serialise");
        AppError::Internal
    })?;
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    on_conn!(tx, |conn| {
        sqlx::query(
            "update catalogue_imports set status = $1, inserted = $2, updated = $3, \
             report = $4, updated_at = $5 where id = $6",
        )
        .bind(status.code())
        .bind(count(counts.0))
        .bind(count(counts.1))
        .bind(&report)
        .bind(now())
        .bind(id)
        .execute(conn)
        .await
        .map(drop)
    })?;
    Ok(())
}

/// An import still "running" that has not moved for this long died with its server (the task
/// lives in the process): it is shown as failed, so its page stops reloading. Nothing of it was
/// written, since the write is one transaction.
pub const STALE_AFTER_MINUTES: i64 = 10;

#[derive(Debug, sqlx::FromRow)]
struct ImportRow {
    id: i64,
    file_name: String,
    status: String,
    total_rows: i64,
    processed_rows: i64,
    inserted: i64,
    updated: i64,
    report: String,
    updated_at: time::OffsetDateTime,
}

pub async fn find(tx: &mut Tx, id: i64) -> Result<Option<ImportView>, AppError> {
    let row = on_conn!(tx, |conn| {
        sqlx::query_as::<_, ImportRow>(
            "select id, file_name, status, total_rows, processed_rows, inserted, updated, report, \
             updated_at from catalogue_imports where id = $1",
        )
        .bind(id)
        .fetch_optional(conn)
        .await
    })?;
    let Some(row) = row else { return Ok(None) };
    let status = ImportStatus::from_code(&row.status).ok_or_else(|| {
        tracing::error!(id = row.id, "an import with an unknown status");
        AppError::Internal
    })?;
    let stale = now() - row.updated_at > time::Duration::minutes(STALE_AFTER_MINUTES);
    let status = if status.is_running() && stale {
        ImportStatus::Failed
    } else {
        status
    };
    Ok(Some(ImportView {
        id: row.id,
        file_name: row.file_name,
        status,
        total_rows: row.total_rows,
        processed_rows: row.processed_rows,
        inserted: row.inserted,
        updated: row.updated,
        report: serde_json::from_str(&row.report).unwrap_or_default(),
    }))
}
