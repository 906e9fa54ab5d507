//! What members do on a plan: declare a conflict (or none), score it once a round; and what was
//! decided, round by round.

use crate::db::mentoring::NAME;
use crate::db::shared::constraint::{on_constraint, CONFLICT_DECLARATIONS_PKEY, SCORE_SHEETS_ONCE};
use crate::db::{now, Tx};
use crate::domain::committee::decision::Outcome;
use crate::domain::committee::{Score, ScoreSheet};
use crate::domain::shared::money::Money;
use crate::error::AppError;
use crate::on_conn;
use crate::wire::committee::{DecisionLine, SheetLine};
use time::OffsetDateTime;

/// Score sheets in for the plan's round `round`.
pub async fn scores_in(tx: &mut Tx, plan_id: i64, round: i32) -> Result<u8, AppError> {
    let count = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "select count(*) from score_sheets where plan_id = $1 and round = $2",
        )
        .bind(plan_id)
        .bind(round)
        .fetch_one(conn)
        .await
    })?;
    Ok(u8::try_from(count).unwrap_or(u8::MAX))
}

/// What the member declared on the plan: `Some(true)` a conflict, `None` nothing yet.
pub async fn declaration(tx: &mut Tx, plan_id: i64, member: i64) -> Result<Option<bool>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, bool>(
            "select conflicted from conflict_declarations where plan_id = $1 and member_id = $2",
        )
        .bind(plan_id)
        .bind(member)
        .fetch_optional(conn)
        .await
    })?)
}

/// Records a declaration, once per member and plan (a second one is a conflict).
pub async fn declare(
    tx: &mut Tx,
    plan_id: i64,
    member: i64,
    conflicted: bool,
    note: &str,
) -> Result<(), AppError> {
    let at = now();
    let inserted = on_conn!(tx, |conn| {
        sqlx::query(
            "insert into conflict_declarations (plan_id, member_id, conflicted, note, declared_at) \
             values ($1, $2, $3, $4, $5)",
        )
        .bind(plan_id)
        .bind(member)
        .bind(conflicted)
        .bind(note)
        .bind(at)
        .execute(conn)
        .await
        .map(drop)
    });
    on_constraint(inserted, &[CONFLICT_DECLARATIONS_PKEY], || {
        AppError::Conflict
    })
}

/// Whether `user_id` ever coached the plan: its mentor now, a mentor it was assigned to, one
/// who logged a session on it or took a mentor's step on it. Roles change, so a committee
/// member may have been any of these.
pub async fn coached(tx: &mut Tx, plan_id: i64, user_id: i64) -> Result<bool, AppError> {
    let n = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "select (select count(*) from plans where id = $1 and mentor_id = $2) \
             + (select count(*) from plan_events where plan_id = $1 and (mentor_id = $2 \
                or (actor_id = $2 and action in ('request_changes', 'mark_ready')))) \
             + (select count(*) from mentoring_sessions where plan_id = $1 and mentor_id = $2)",
        )
        .bind(plan_id)
        .bind(user_id)
        .fetch_one(conn)
        .await
    })?;
    Ok(n > 0)
}

/// Whether the member already scored the plan in `round`.
pub async fn has_scored(
    tx: &mut Tx,
    plan_id: i64,
    member: i64,
    round: i32,
) -> Result<bool, AppError> {
    let n = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "select count(*) from score_sheets where plan_id = $1 and member_id = $2 and round = $3",
        )
        .bind(plan_id)
        .bind(member)
        .bind(round)
        .fetch_one(conn)
        .await
    })?;
    Ok(n > 0)
}

/// Records a sheet, once per member, plan and round (a second one is a conflict).
pub async fn insert_sheet(
    tx: &mut Tx,
    plan_id: i64,
    member: i64,
    round: i32,
    sheet: &ScoreSheet,
    weighted: u16,
) -> Result<i64, AppError> {
    let scores = serde_json::to_string(&sheet.scores).map_err(|_| AppError::Internal)?;
    let at = now();
    let inserted = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into score_sheets (plan_id, member_id, round, scores, weighted, comment, \
             submitted_at) values ($1, $2, $3, $4, $5, $6, $7) returning id",
        )
        .bind(plan_id)
        .bind(member)
        .bind(round)
        .bind(&scores)
        .bind(i32::from(weighted))
        .bind(&sheet.comment)
        .bind(at)
        .fetch_one(conn)
        .await
    });
    on_constraint(inserted, &[SCORE_SHEETS_ONCE], || AppError::Conflict)
}

#[derive(sqlx::FromRow)]
struct SheetRow {
    member_id: i64,
    member: String,
    scores: String,
    weighted: i32,
    comment: String,
    submitted_at: OffsetDateTime,
}

/// The round's sheets, oldest first, with whose each is.
pub async fn sheets(
    tx: &mut Tx,
    plan_id: i64,
    round: i32,
) -> Result<Vec<(i64, SheetLine)>, AppError> {
    let sql = format!(
        "select s.member_id, {NAME} as member, s.scores, s.weighted, s.comment, s.submitted_at \
         from score_sheets s join users u on u.id = s.member_id \
         left join profiles pr on pr.user_id = u.id \
         where s.plan_id = $1 and s.round = $2 order by s.id"
    );
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, SheetRow>(&sql)
            .bind(plan_id)
            .bind(round)
            .fetch_all(conn)
            .await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let line = SheetLine {
                member: r.member,
                scores: serde_json::from_str::<Vec<Score>>(&r.scores).unwrap_or_default(),
                weighted: i64::from(r.weighted),
                comment: r.comment,
                submitted_at: r.submitted_at,
            };
            (r.member_id, line)
        })
        .collect())
}

/// Every decision recorded on the plan, the latest first.
pub async fn decisions(tx: &mut Tx, plan_id: i64) -> Result<Vec<DecisionLine>, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, (i32, String, Option<i64>, String, OffsetDateTime)>(
            "select round, outcome, amount_centimes, justification, decided_at from decisions \
             where plan_id = $1 order by round desc, id desc",
        )
        .bind(plan_id)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|(round, outcome, amount, justification, decided_at)| {
            Some(DecisionLine {
                round,
                outcome: Outcome::from_code(&outcome)?,
                amount: amount.map(Money::from_centimes),
                justification,
                decided_at,
            })
        })
        .collect())
}

/// The call's members recused from the plan: a declared conflict, or they coached it.
pub async fn recused(tx: &mut Tx, call_id: i64, plan_id: i64) -> Result<Vec<String>, AppError> {
    let members = super::members(tx, call_id).await?;
    let mut names = Vec::new();
    for member in members {
        let conflicted = declaration(tx, plan_id, member.user_id).await? == Some(true);
        if conflicted || coached(tx, plan_id, member.user_id).await? {
            names.push(member.name);
        }
    }
    Ok(names)
}
