//! The programme's reporting settings: its name on reports, the small-cell threshold, and a
//! target per indicator.

use super::count;
use crate::db::{now, Tx};
use crate::domain::reporting::Indicator;
use crate::error::AppError;
use crate::on_conn;
use crate::wire::reporting::ReportSettings;

/// The programme's name, the smallest count reports show, the targets, and the version a
/// settings form is filled from.
pub async fn settings(tx: &mut Tx) -> Result<ReportSettings, AppError> {
    let (name, small_cell, version): (String, i64, i64) = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select name, cast(small_cell as bigint), cast(version as bigint) \
             from programme_settings where id = 1",
        )
        .fetch_one(conn)
        .await
    })?;
    let targets: Vec<(String, i64)> = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select indicator, cast(target as bigint) from report_targets order by indicator",
        )
        .fetch_all(conn)
        .await
    })?;
    Ok(ReportSettings {
        name,
        small_cell: count(small_cell),
        version,
        targets: targets
            .into_iter()
            .filter_map(|(code, target)| Some((Indicator::from_code(&code)?, count(target))))
            .collect(),
    })
}

/// Saves the settings if nobody saved since `version` (else `Conflict`); targets not listed
/// are removed.
pub async fn save_settings(
    tx: &mut Tx,
    name: &str,
    small_cell: u64,
    targets: &[(Indicator, u64)],
    version: i64,
    by: i64,
) -> Result<(), AppError> {
    let small_cell = i64::try_from(small_cell).unwrap_or(i64::MAX);
    let updated = on_conn!(tx, |conn| {
        sqlx::query(
            "update programme_settings set name = $1, small_cell = $2, version = version + 1, \
             updated_by = $3, updated_at = $4 where id = 1 and version = $5",
        )
        .bind(name)
        .bind(small_cell)
        .bind(by)
        .bind(now())
        .bind(version)
        .execute(conn)
        .await
        .map(|done| done.rows_affected())
    })?;
    if updated != 1 {
        return Err(AppError::Conflict);
    }
    on_conn!(tx, |conn| {
        sqlx::query("delete from report_targets")
            .execute(conn)
            .await
            .map(|done| done.rows_affected())
    })?;
    for (indicator, target) in targets {
        let target = i64::try_from(*target).unwrap_or(i64::MAX);
        on_conn!(tx, |conn| {
            sqlx::query("insert into report_targets (indicator, target) values ($1, $2)")
                .bind(indicator.code())
                .bind(target)
                .execute(conn)
                .await
                .map(|done| done.rows_affected())
        })?;
    }
    Ok(())
}
