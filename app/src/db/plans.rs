//! Business plans. Only their start lives here for now; the editor and the transitions come
//! with the plan issue.

use super::{is_unique_violation, now, Tx};
use crate::domain::money::Money;
use crate::domain::plan::PlanStatus;
use crate::error::AppError;
use crate::on_conn;
use crate::wire::PlanLine;
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
        Err(error) if is_unique_violation(&error) => Ok(None),
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
