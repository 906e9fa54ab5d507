//! Saving a plan's text and figures with guarded writes, keeping every save that lost a race
//! (so no one's text is ever thrown away), and reading back frozen versions.

use crate::db::{now, Tx};
use crate::domain::plans::plan::PlanStatus;
use crate::domain::plans::plan_text::{PlanContent, Section};
use crate::error::AppError;
use crate::on_conn;
use crate::wire::plans::{KeptConflict, VersionLine};
use time::OffsetDateTime;

/// Marks the plan changed, only while it is still in `status`: a save racing a submission
/// either lands before it or is refused, never after it.
pub async fn touch(tx: &mut Tx, plan_id: i64, status: PlanStatus) -> Result<bool, AppError> {
    let at = now();
    let done = on_conn!(tx, |conn| {
        sqlx::query("update plans set updated_at = $1 where id = $2 and status = $3")
            .bind(at)
            .bind(plan_id)
            .bind(status.code())
            .execute(conn)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(done == 1)
}

/// Saves a section over `revision` (0: never saved). Returns the new revision, or `None` when
/// someone saved first (a stale revision, or a first save racing another first save).
pub async fn save_section(
    tx: &mut Tx,
    plan_id: i64,
    section: Section,
    body: &str,
    revision: i32,
    user_id: i64,
) -> Result<Option<i32>, AppError> {
    let at = now();
    let done = if revision == 0 {
        // `on conflict do nothing` rather than catching the unique violation: PostgreSQL
        // aborts a transaction on an error, and the losing text must still be kept in it.
        on_conn!(tx, |conn| {
            sqlx::query(
                "insert into plan_sections (plan_id, section, body, revision, updated_at, \
                 updated_by) values ($1, $2, $3, 1, $4, $5) \
                 on conflict (plan_id, section) do nothing",
            )
            .bind(plan_id)
            .bind(section.code())
            .bind(body)
            .bind(at)
            .bind(user_id)
            .execute(conn)
            .await
            .map(|r| r.rows_affected())
        })?
    } else {
        on_conn!(tx, |conn| {
            sqlx::query(
                "update plan_sections set body = $1, revision = revision + 1, updated_at = $2, \
                 updated_by = $3 where plan_id = $4 and section = $5 and revision = $6",
            )
            .bind(body)
            .bind(at)
            .bind(user_id)
            .bind(plan_id)
            .bind(section.code())
            .bind(revision)
            .execute(conn)
            .await
            .map(|r| r.rows_affected())
        })?
    };
    Ok((done == 1).then_some(revision + 1))
}

/// A section's saved text and revision, if it was ever saved.
pub async fn section(
    tx: &mut Tx,
    plan_id: i64,
    section: Section,
) -> Result<Option<(String, i32)>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_as(
            "select body, revision from plan_sections where plan_id = $1 and section = $2",
        )
        .bind(plan_id)
        .bind(section.code())
        .fetch_optional(conn)
        .await
    })?)
}

/// Saves the figures over `version`; false when someone saved them first.
pub async fn save_figures(
    tx: &mut Tx,
    plan_id: i64,
    figures: &str,
    grant_requested_centimes: i64,
    version: i32,
) -> Result<bool, AppError> {
    let at = now();
    let done = on_conn!(tx, |conn| {
        sqlx::query(
            "update plans set figures = $1, grant_requested_centimes = $2, version = version + 1, \
             updated_at = $3 where id = $4 and version = $5",
        )
        .bind(figures)
        .bind(grant_requested_centimes)
        .bind(at)
        .bind(plan_id)
        .bind(version)
        .execute(conn)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(done == 1)
}

/// Keeps a losing save, in the caller's transaction (committed even though the save failed).
pub async fn keep_conflict(
    tx: &mut Tx,
    plan_id: i64,
    part: &str,
    user_id: i64,
    body: &str,
    base_revision: i32,
) -> Result<(), AppError> {
    let at = now();
    on_conn!(tx, |conn| {
        sqlx::query(
            "insert into plan_conflicts (plan_id, part, user_id, body, base_revision, created_at) \
             values ($1, $2, $3, $4, $5, $6)",
        )
        .bind(plan_id)
        .bind(part)
        .bind(user_id)
        .bind(body)
        .bind(base_revision)
        .bind(at)
        .execute(conn)
        .await
        .map(|_| ())
    })?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct ConflictRow {
    id: i64,
    part: String,
    body: String,
    base_revision: i32,
    created_at: OffsetDateTime,
}

/// The author's kept texts not yet dismissed, oldest first.
pub async fn open_conflicts(
    tx: &mut Tx,
    plan_id: i64,
    user_id: i64,
) -> Result<Vec<KeptConflict>, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, ConflictRow>(
            "select id, part, body, base_revision, created_at from plan_conflicts \
             where plan_id = $1 and user_id = $2 and resolved_at is null order by id",
        )
        .bind(plan_id)
        .bind(user_id)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| KeptConflict {
            id: r.id,
            part: r.part,
            body: r.body,
            base_revision: r.base_revision,
            created_at: r.created_at,
        })
        .collect())
}

/// The author marks a kept text as dealt with; false when it is not theirs or already done.
pub async fn dismiss_conflict(
    tx: &mut Tx,
    id: i64,
    plan_id: i64,
    user_id: i64,
) -> Result<bool, AppError> {
    let at = now();
    let done = on_conn!(tx, |conn| {
        sqlx::query(
            "update plan_conflicts set resolved_at = $1 \
             where id = $2 and plan_id = $3 and user_id = $4 and resolved_at is null",
        )
        .bind(at)
        .bind(id)
        .bind(plan_id)
        .bind(user_id)
        .execute(conn)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(done == 1)
}

/// The plan's versions, oldest first.
pub async fn versions(tx: &mut Tx, plan_id: i64) -> Result<Vec<VersionLine>, AppError> {
    let rows: Vec<(i32, OffsetDateTime)> = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select number, submitted_at from plan_versions where plan_id = $1 order by number",
        )
        .bind(plan_id)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(number, submitted_at)| VersionLine {
            number,
            submitted_at,
        })
        .collect())
}

/// One frozen version's content, if it exists.
pub async fn version(
    tx: &mut Tx,
    plan_id: i64,
    number: i32,
) -> Result<Option<PlanContent>, AppError> {
    let row: Option<(String, String)> = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select sections, figures from plan_versions where plan_id = $1 and number = $2",
        )
        .bind(plan_id)
        .bind(number)
        .fetch_optional(conn)
        .await
    })?;
    let Some((sections, figures)) = row else {
        return Ok(None);
    };
    let unreadable = |error: serde_json::Error| {
        tracing::error!(plan_id, number, %error, "unreadable plan version");
        AppError::Internal
    };
    Ok(Some(PlanContent {
        sections: serde_json::from_str(&sections).map_err(unreadable)?,
        figures: serde_json::from_str(&figures).map_err(unreadable)?,
    }))
}
