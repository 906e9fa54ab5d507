//! A plan's text and figures as they stand, the versions frozen at each submission, and the
//! plan's timeline of events.

use crate::db::{now, Tx};
use crate::domain::plans::budget::Budget;
use crate::domain::plans::plan::PlanStatus;
use crate::domain::plans::plan_text::{PlanContent, Section};
use crate::error::AppError;
use crate::on_conn;
use time::OffsetDateTime;

/// One written section as saved, with the revision a save must name to replace it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedSection {
    pub section: Section,
    pub body: String,
    pub revision: i32,
    pub updated_at: OffsetDateTime,
}

#[derive(sqlx::FromRow)]
struct SectionRow {
    section: String,
    body: String,
    revision: i32,
    updated_at: OffsetDateTime,
}

/// The sections written so far (a section never saved has no row), in SYB order.
pub async fn sections(tx: &mut Tx, plan_id: i64) -> Result<Vec<SavedSection>, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, SectionRow>(
            "select section, body, revision, updated_at from plan_sections where plan_id = $1",
        )
        .bind(plan_id)
        .fetch_all(conn)
        .await
    })?;
    let mut saved: Vec<SavedSection> = rows
        .into_iter()
        .filter_map(|row| {
            Some(SavedSection {
                section: Section::from_code(&row.section)?,
                body: row.body,
                revision: row.revision,
                updated_at: row.updated_at,
            })
        })
        .collect();
    saved.sort_by_key(|s| s.section);
    Ok(saved)
}

/// The figures as saved; a plan never given figures has an empty budget.
pub async fn figures(tx: &mut Tx, plan_id: i64) -> Result<Budget, AppError> {
    let text: String = on_conn!(tx, |conn| {
        sqlx::query_scalar("select figures from plans where id = $1")
            .bind(plan_id)
            .fetch_one(conn)
            .await
    })?;
    serde_json::from_str(&text).map_err(|error| {
        tracing::error!(plan_id, %error, "unreadable plan figures");
        AppError::Internal
    })
}

/// The plan's text and figures as they stand now.
pub async fn current(tx: &mut Tx, plan_id: i64) -> Result<PlanContent, AppError> {
    let sections = sections(tx, plan_id)
        .await?
        .into_iter()
        .map(|s| (s.section, s.body))
        .collect();
    Ok(PlanContent {
        sections,
        figures: figures(tx, plan_id).await?,
    })
}

/// Freezes the plan as it stands into its next version (1, 2, …) and returns its number. Two
/// submissions racing for the same number cannot both commit (unique key).
pub async fn freeze(tx: &mut Tx, plan_id: i64, by: i64) -> Result<i32, AppError> {
    let content = current(tx, plan_id).await?;
    let sections = serde_json::to_string(&content.sections).map_err(|_| AppError::Internal)?;
    let figures = serde_json::to_string(&content.figures).map_err(|_| AppError::Internal)?;
    let at = now();
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i32>(
            "insert into plan_versions (plan_id, number, sections, figures, submitted_at, \
             submitted_by) \
             select $1, coalesce(max(number), 0) + 1, $2, $3, $4, $5 \
             from plan_versions where plan_id = $1 returning number",
        )
        .bind(plan_id)
        .bind(sections)
        .bind(figures)
        .bind(at)
        .bind(by)
        .fetch_one(conn)
        .await
    })?)
}

/// One entry of a plan's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvent<'a> {
    pub plan_id: i64,
    pub actor_id: i64,
    /// A `PlanAction` code, or `assign_mentor`.
    pub action: &'a str,
    pub from: Option<PlanStatus>,
    pub to: Option<PlanStatus>,
    pub reason: Option<&'a str>,
    pub version: Option<i32>,
}

/// Appends an event to the plan's timeline, in the caller's transaction.
pub async fn record_event(tx: &mut Tx, event: NewEvent<'_>) -> Result<(), AppError> {
    let at = now();
    on_conn!(tx, |conn| {
        sqlx::query(
            "insert into plan_events (plan_id, actor_id, action, from_status, to_status, reason, \
             version_number, at) values ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(event.plan_id)
        .bind(event.actor_id)
        .bind(event.action)
        .bind(event.from.map(PlanStatus::code))
        .bind(event.to.map(PlanStatus::code))
        .bind(event.reason)
        .bind(event.version)
        .bind(at)
        .execute(conn)
        .await
        .map(|_| ())
    })?;
    Ok(())
}
