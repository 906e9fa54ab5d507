//! Review sessions of a call's committee and their agenda: which plans each sitting reviews,
//! in which round.

use crate::db::mentoring::NAME;
use crate::db::shared::constraint::{on_constraint, REVIEW_AGENDA_PKEY, REVIEW_AGENDA_PLAN_ROUND};
use crate::db::{now, Tx};
use crate::domain::shared::money::Money;
use crate::error::AppError;
use crate::on_conn;
use crate::wire::committee::ReadyPlan;
use time::Date;

/// Schedules a sitting of the call's committee, or finds the one already scheduled for that
/// day and place, so a repeated click schedules nothing more. Its id, and whether it is new.
pub async fn create_session(
    tx: &mut Tx,
    call_id: i64,
    held_on: Date,
    place: &str,
    by: i64,
) -> Result<(i64, bool), AppError> {
    let at = now();
    let inserted = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into review_sessions (call_id, held_on, place, created_by, created_at) \
             values ($1, $2, $3, $4, $5) \
             on conflict (call_id, held_on, place) do nothing returning id",
        )
        .bind(call_id)
        .bind(held_on)
        .bind(place)
        .bind(by)
        .bind(at)
        .fetch_optional(conn)
        .await
    })?;
    if let Some(id) = inserted {
        return Ok((id, true));
    }
    let existing = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "select id from review_sessions where call_id = $1 and held_on = $2 and place = $3",
        )
        .bind(call_id)
        .bind(held_on)
        .bind(place)
        .fetch_one(conn)
        .await
    })?;
    Ok((existing, false))
}

/// The call a session belongs to.
pub async fn session_call(tx: &mut Tx, session_id: i64) -> Result<Option<i64>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>("select call_id from review_sessions where id = $1")
            .bind(session_id)
            .fetch_optional(conn)
            .await
    })?)
}

/// A call's sessions, the next first: (id, date, place).
pub async fn sessions(tx: &mut Tx, call_id: i64) -> Result<Vec<(i64, Date, String)>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_as::<_, (i64, Date, String)>(
            "select id, held_on, place from review_sessions where call_id = $1 \
             order by held_on, id",
        )
        .bind(call_id)
        .fetch_all(conn)
        .await
    })?)
}

/// One agenda entry: the plan, its status now, the round it is reviewed in.
#[derive(sqlx::FromRow)]
pub struct AgendaRow {
    pub plan_id: i64,
    pub applicant: String,
    pub status: String,
    pub round: i32,
    pub sheets: i64,
}

/// The plans on a session's agenda, with the sheets in for their round.
pub async fn agenda(tx: &mut Tx, session_id: i64) -> Result<Vec<AgendaRow>, AppError> {
    let sql = format!(
        "select a.plan_id, {NAME} as applicant, p.status, a.round, \
         (select count(*) from score_sheets s where s.plan_id = a.plan_id and s.round = a.round) \
         as sheets from review_agenda a join plans p on p.id = a.plan_id \
         join users u on u.id = p.user_id left join profiles pr on pr.user_id = u.id \
         where a.session_id = $1 order by a.added_at, a.plan_id"
    );
    Ok(on_conn!(tx, |conn| {
        sqlx::query_as::<_, AgendaRow>(&sql)
            .bind(session_id)
            .fetch_all(conn)
            .await
    })?)
}

/// Puts a plan on a session's agenda for its current round; a plan already on an agenda in this
/// round is a conflict.
pub async fn put_on_agenda(
    tx: &mut Tx,
    session_id: i64,
    plan_id: i64,
    by: i64,
) -> Result<i32, AppError> {
    let round = review_round(tx, plan_id).await?;
    let at = now();
    let inserted = on_conn!(tx, |conn| {
        sqlx::query(
            "insert into review_agenda (session_id, plan_id, round, added_by, added_at) \
             values ($1, $2, $3, $4, $5)",
        )
        .bind(session_id)
        .bind(plan_id)
        .bind(round)
        .bind(by)
        .bind(at)
        .execute(conn)
        .await
        .map(drop)
    });
    on_constraint(
        inserted,
        &[REVIEW_AGENDA_PKEY, REVIEW_AGENDA_PLAN_ROUND],
        || AppError::Conflict,
    )?;
    Ok(round)
}

/// The round the plan is reviewed in now.
pub async fn review_round(tx: &mut Tx, plan_id: i64) -> Result<i32, AppError> {
    on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i32>("select review_round from plans where id = $1")
            .bind(plan_id)
            .fetch_optional(conn)
            .await
    })?
    .ok_or(AppError::NotFound)
}

/// Whether the plan was ever put on an agenda of its call.
pub async fn on_an_agenda(tx: &mut Tx, plan_id: i64) -> Result<bool, AppError> {
    let n = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>("select count(*) from review_agenda where plan_id = $1")
            .bind(plan_id)
            .fetch_one(conn)
            .await
    })?;
    Ok(n > 0)
}

/// The call's plans signed off for the committee and not yet on an agenda.
pub async fn ready_plans(tx: &mut Tx, call_id: i64) -> Result<Vec<ReadyPlan>, AppError> {
    let sql = format!(
        "select p.id, {NAME} as applicant, p.grant_requested_centimes from plans p \
         join users u on u.id = p.user_id left join profiles pr on pr.user_id = u.id \
         where p.call_id = $1 and p.status = 'ready_for_committee' order by p.status_changed_at, p.id"
    );
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, (i64, String, i64)>(&sql)
            .bind(call_id)
            .fetch_all(conn)
            .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(plan_id, applicant, requested)| ReadyPlan {
            plan_id,
            applicant,
            requested: Money::from_centimes(requested),
        })
        .collect())
}
