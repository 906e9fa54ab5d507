//! Business plans: their start, who may see one, and guarded changes of state. The text and
//! figures are in `plan_content`.

pub mod plan_content;
pub mod plan_edits;
pub mod step;

pub use step::Step;

use crate::auth::SessionUser;
use crate::db::shared::constraint::PLANS_USER_CALL;
use crate::db::{now, Tx};
use crate::domain::plans::plan::{viewer, PlanStatus, Viewer};
use crate::domain::plans::plan_text::CallTerms;
use crate::domain::shared::money::Money;
use crate::error::AppError;
use crate::on_conn;
use crate::wire::plans::PlanLine;
use time::{Date, OffsetDateTime};

/// A new draft; `None` when the person already has a plan for this call.
pub async fn start(tx: &mut Tx, user_id: i64, call_id: i64) -> Result<Option<i64>, AppError> {
    let at = now();
    let inserted = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into plans (user_id, call_id, status, created_at, updated_at) \
             values ($1, $2, 'draft', $3, $3) returning id",
        )
        .bind(user_id)
        .bind(call_id)
        .bind(at)
        .fetch_one(conn)
        .await
    });
    match inserted {
        Ok(id) => Ok(Some(id)),
        Err(error) if PLANS_USER_CALL.fired(&error) => Ok(None),
        Err(error) => Err(error.into()),
    }
}

/// The person's plan for each call they started one for: `(call id, plan id)`.
pub async fn calls_of(tx: &mut Tx, user_id: i64) -> Result<Vec<(i64, i64)>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_as("select call_id, id from plans where user_id = $1")
            .bind(user_id)
            .fetch_all(conn)
            .await
    })?)
}

#[derive(sqlx::FromRow)]
struct PlanRow {
    id: i64,
    call_id: i64,
    reference: String,
    title: String,
    status: String,
    max_grant_centimes: i64,
    own_contribution_percent: i32,
    closes_on: Date,
    created_at: OffsetDateTime,
    updated_at: OffsetDateTime,
}

/// A person's own plans, newest first.
pub async fn of_user(tx: &mut Tx, user_id: i64) -> Result<Vec<PlanLine>, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, PlanRow>(
            "select p.id, p.call_id, c.reference, c.title, p.status, c.max_grant_centimes, \
             c.own_contribution_percent, c.closes_on, p.created_at, p.updated_at \
             from plans p join grant_calls c on c.id = p.call_id \
             where p.user_id = $1 order by p.id desc",
        )
        .bind(user_id)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(PlanLine {
                id: row.id,
                call_id: row.call_id,
                reference: row.reference,
                title: row.title,
                status: PlanStatus::from_code(&row.status)?,
                max_grant: Money::from_centimes(row.max_grant_centimes),
                own_contribution_percent: u8::try_from(row.own_contribution_percent).ok()?,
                closes_on: row.closes_on,
                created_at: row.created_at,
                updated_at: row.updated_at,
            })
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct HeadRow {
    id: i64,
    user_id: i64,
    call_id: i64,
    mentor_id: Option<i64>,
    status: String,
    version: i32,
    reference: String,
    title: String,
    max_grant_centimes: i64,
    own_contribution_percent: i32,
    status_changed_at: Option<OffsetDateTime>,
    updated_at: OffsetDateTime,
}

/// What every plan page and function needs first: whose plan it is, who mentors it, where it
/// stands, and the call's terms it is held to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanHead {
    pub id: i64,
    pub user_id: i64,
    pub call_id: i64,
    pub mentor_id: Option<i64>,
    pub status: PlanStatus,
    /// Guards the figures against a stale save.
    pub version: i32,
    pub reference: String,
    pub title: String,
    pub terms: CallTerms,
    pub status_changed_at: OffsetDateTime,
}

/// One plan's head, whoever asks (callers decide with [`visible`]).
pub async fn head(tx: &mut Tx, id: i64) -> Result<Option<PlanHead>, AppError> {
    let row = on_conn!(tx, |conn| {
        sqlx::query_as::<_, HeadRow>(
            "select p.id, p.user_id, p.call_id, p.mentor_id, p.status, p.version, c.reference, \
             c.title, c.max_grant_centimes, c.own_contribution_percent, p.status_changed_at, \
             p.updated_at \
             from plans p join grant_calls c on c.id = p.call_id where p.id = $1",
        )
        .bind(id)
        .fetch_optional(conn)
        .await
    })?;
    let Some(row) = row else { return Ok(None) };
    let status = PlanStatus::from_code(&row.status).ok_or(AppError::Internal)?;
    let own = u8::try_from(row.own_contribution_percent).map_err(|_| AppError::Internal)?;
    Ok(Some(PlanHead {
        id: row.id,
        user_id: row.user_id,
        call_id: row.call_id,
        mentor_id: row.mentor_id,
        status,
        version: row.version,
        reference: row.reference,
        title: row.title,
        terms: CallTerms {
            max_grant: Money::from_centimes(row.max_grant_centimes),
            own_contribution_percent: own,
        },
        status_changed_at: row.status_changed_at.unwrap_or(row.updated_at),
    }))
}

/// The plan and how `user` stands towards it, or `None` when they may not see it (a foreign or
/// unknown id alike, so callers answer 404 and reveal nothing).
pub async fn visible(
    tx: &mut Tx,
    id: i64,
    user: &SessionUser,
) -> Result<Option<(PlanHead, Viewer)>, AppError> {
    Ok(head(tx, id).await?.and_then(|head| {
        viewer(head.user_id, head.mentor_id, user.id, user.role).map(|v| (head, v))
    }))
}

/// Moves a plan from `from` to `to`, only if it is still in `from`; false when someone moved
/// it first (the caller answers a conflict).
async fn transition(
    tx: &mut Tx,
    id: i64,
    from: PlanStatus,
    to: PlanStatus,
) -> Result<bool, AppError> {
    let at = now();
    let done = on_conn!(tx, |conn| {
        sqlx::query(
            "update plans set status = $1, status_changed_at = $2, updated_at = $2 \
             where id = $3 and status = $4",
        )
        .bind(to.code())
        .bind(at)
        .bind(id)
        .bind(from.code())
        .execute(conn)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(done == 1)
}
