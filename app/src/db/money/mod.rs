//! Money that moves (security.md, "Money"): the committee's decision and the commitment it
//! makes against the call's envelope, tranche releases, confirmations, failures and
//! cancellations, each with its append-only ledger entry, and the idempotency keys that make a
//! replayed request return its first result.
//!
//! The guards hold on both databases whatever the interleaving: the envelope by one guarded
//! `update … where committed + amount <= envelope` (PostgreSQL re-checks the condition after
//! waiting on the row lock; SQLite writers are serialised by `BEGIN IMMEDIATE`) backed by a
//! check constraint; a tranche by guarded status updates backed by partial unique indexes on
//! payments and on the ledger's `paid` entries.

pub mod keys;
pub mod money_check;
pub mod money_views;
pub mod payees;
pub mod tranches;

use crate::db::shared::constraint::{
    on_constraint, DECISIONS_APPROVED_ONCE, DECISIONS_PLAN_ROUND, LEDGER_COMMITTED_ONCE,
    LEDGER_PAID_ONCE,
};
use crate::db::{now, Tx};
use crate::domain::catalogue::grant_terms::{CallTerms, TrancheTemplate};
use crate::domain::committee::decision::Decision;
use crate::domain::money::problem::MoneyProblem;
use crate::domain::money::tranche::Scheduled;
use crate::domain::problem::Problem;
use crate::domain::shared::money::Money;
use crate::error::AppError;
use crate::on_conn;

/// What a decision is held to, read in the deciding transaction (who chairs and how many
/// sheets are in are the committee's to say: `db::committee`).
#[derive(Debug, Clone)]
pub struct DecisionTerms {
    pub call_id: i64,
    pub round: i32,
    pub requested: Money,
    pub max_grant: Money,
    pub quorum: u8,
    pub template: TrancheTemplate,
}

#[derive(sqlx::FromRow)]
struct TermsRow {
    call_id: i64,
    round: i32,
    requested: i64,
    max_grant_centimes: i64,
    quorum: i32,
    tranches: String,
}

pub async fn decision_terms(tx: &mut Tx, plan_id: i64) -> Result<Option<DecisionTerms>, AppError> {
    let row = on_conn!(tx, |conn| {
        sqlx::query_as::<_, TermsRow>(
            "select p.call_id, p.review_round as round, p.grant_requested_centimes as requested, \
             c.max_grant_centimes, c.quorum, c.tranches \
             from plans p join grant_calls c on c.id = p.call_id where p.id = $1",
        )
        .bind(plan_id)
        .fetch_optional(conn)
        .await
    })?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(DecisionTerms {
        call_id: row.call_id,
        round: row.round,
        requested: Money::from_centimes(row.requested),
        max_grant: Money::from_centimes(row.max_grant_centimes),
        quorum: CallTerms::effective_quorum(
            u8::try_from(row.quorum).map_err(|_| AppError::Internal)?,
        ),
        template: serde_json::from_str(&row.tranches).map_err(|_| AppError::Internal)?,
    }))
}

/// Raises the call's committed total by `amount` if its envelope covers it; otherwise the
/// amount still available.
pub async fn commit_against_envelope(
    tx: &mut Tx,
    call_id: i64,
    amount: Money,
) -> Result<Result<(), Problem>, AppError> {
    let done = on_conn!(tx, |conn| {
        sqlx::query(
            "update grant_calls set committed_centimes = committed_centimes + $1 \
             where id = $2 and committed_centimes + $1 <= envelope_centimes",
        )
        .bind(amount.centimes())
        .bind(call_id)
        .execute(conn)
        .await
        .map(|r| r.rows_affected())
    })?;
    if done == 1 {
        return Ok(Ok(()));
    }
    let available: i64 = on_conn!(tx, |conn| {
        sqlx::query_scalar(
            "select envelope_centimes - committed_centimes from grant_calls where id = $1",
        )
        .bind(call_id)
        .fetch_one(conn)
        .await
    })?;
    Ok(Err(MoneyProblem::EnvelopeExceeded {
        available_centimes: available,
    }
    .into()))
}

/// Stores the decision itself (append-only). A second decision in the same round breaks the
/// unique key: someone decided first.
pub async fn insert_decision(
    tx: &mut Tx,
    plan_id: i64,
    terms: &DecisionTerms,
    decision: &Decision,
    decided_by: i64,
) -> Result<i64, AppError> {
    let at = now();
    let inserted = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into decisions (plan_id, call_id, round, outcome, amount_centimes, \
             justification, decided_by, decided_at) values ($1, $2, $3, $4, $5, $6, $7, $8) \
             returning id",
        )
        .bind(plan_id)
        .bind(terms.call_id)
        .bind(terms.round)
        .bind(decision.outcome.code())
        .bind(decision.amount.map(Money::centimes))
        .bind(&decision.justification)
        .bind(decided_by)
        .bind(at)
        .fetch_one(conn)
        .await
    });
    // Two decisions on one plan at once: the second meets one of these and is a conflict.
    on_constraint(
        inserted,
        &[DECISIONS_PLAN_ROUND, DECISIONS_APPROVED_ONCE],
        || AppError::Conflict,
    )
}

/// A returned plan comes back to the committee in the next round.
pub async fn next_round(tx: &mut Tx, plan_id: i64) -> Result<(), AppError> {
    on_conn!(tx, |conn| {
        sqlx::query("update plans set review_round = review_round + 1 where id = $1")
            .bind(plan_id)
            .execute(conn)
            .await
            .map(drop)
    })?;
    Ok(())
}

/// The approved grant's tranches and its `committed` ledger entry.
pub async fn schedule_tranches(
    tx: &mut Tx,
    plan_id: i64,
    call_id: i64,
    lines: &[Scheduled],
    actor_id: i64,
) -> Result<(), AppError> {
    let at = now();
    let mut total = 0i64;
    for line in lines {
        total += line.amount.centimes();
        on_conn!(tx, |conn| {
            sqlx::query(
                "insert into tranches (plan_id, call_id, number, percent, release_rule, \
                 amount_centimes, status, updated_at) values ($1, $2, $3, $4, $5, $6, 'scheduled', $7)",
            )
            .bind(plan_id)
            .bind(call_id)
            .bind(i32::from(line.number))
            .bind(i32::from(line.percent))
            .bind(line.release.code())
            .bind(line.amount.centimes())
            .bind(at)
            .execute(conn)
            .await
            .map(drop)
        })?;
    }
    let entry = LedgerEntry {
        call_id,
        plan_id,
        tranche_id: None,
        payment_id: None,
        kind: "committed",
        amount: Money::from_centimes(total),
        actor_id,
        key: None,
    };
    ledger(tx, &entry).await
}

/// One new ledger line.
pub struct LedgerEntry<'a> {
    pub call_id: i64,
    pub plan_id: i64,
    pub tranche_id: Option<i64>,
    pub payment_id: Option<i64>,
    pub kind: &'static str,
    pub amount: Money,
    pub actor_id: i64,
    pub key: Option<&'a str>,
}

pub async fn ledger(tx: &mut Tx, entry: &LedgerEntry<'_>) -> Result<(), AppError> {
    let at = now();
    let written = on_conn!(tx, |conn| {
        sqlx::query(
            "insert into ledger_entries (at, call_id, plan_id, tranche_id, payment_id, kind, \
             amount_centimes, actor_id, idempotency_key) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(at)
        .bind(entry.call_id)
        .bind(entry.plan_id)
        .bind(entry.tranche_id)
        .bind(entry.payment_id)
        .bind(entry.kind)
        .bind(entry.amount.centimes())
        .bind(entry.actor_id)
        .bind(entry.key)
        .execute(conn)
        .await
        .map(drop)
    });
    // The last guard: a second `paid` (or `committed`) line for the same tranche (plan).
    on_constraint(written, &[LEDGER_PAID_ONCE, LEDGER_COMMITTED_ONCE], || {
        AppError::Conflict
    })
}

/// Gives a cancelled tranche's amount back to the call's envelope.
pub async fn uncommit(tx: &mut Tx, call_id: i64, amount: Money) -> Result<(), AppError> {
    on_conn!(tx, |conn| {
        sqlx::query(
            "update grant_calls set committed_centimes = committed_centimes - $1 where id = $2",
        )
        .bind(amount.centimes())
        .bind(call_id)
        .execute(conn)
        .await
        .map(drop)
    })?;
    Ok(())
}
