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

pub mod money_check;
pub mod money_views;

use crate::db::{now, Tx};
use crate::domain::catalogue::grant_terms::{Release, TrancheTemplate};
use crate::domain::committee::decision::Decision;
use crate::domain::money::tranche::{PaymentMethod, Scheduled, TrancheStatus};
use crate::domain::shared::money::Money;
use crate::domain::shared::problem::Problem;
use crate::error::AppError;
use crate::on_conn;
use serde::{de::DeserializeOwned, Serialize};

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
        quorum: u8::try_from(row.quorum).map_err(|_| AppError::Internal)?,
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
    Ok(Err(Problem::EnvelopeExceeded {
        available_centimes: available,
    }))
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
    match inserted {
        Ok(id) => Ok(id),
        Err(error) if crate::db::is_unique_violation(&error) => Err(AppError::Conflict),
        Err(error) => Err(error.into()),
    }
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
    match written {
        Ok(()) => Ok(()),
        // The last guard: a second `paid` (or `committed`) line for the same tranche (plan).
        Err(error) if crate::db::is_unique_violation(&error) => Err(AppError::Conflict),
        Err(error) => Err(error.into()),
    }
}

// ----- Idempotency -----

/// What a money request's key found.
pub enum Claim<T> {
    /// The key is new: this request does the work and stores its result with [`finish`].
    Fresh,
    /// The same request was done before: its result.
    Replay(T),
}

/// Claims `key` for this request (`endpoint` + `request_hash`) by `actor_id`. On PostgreSQL a
/// concurrent request with the same key waits here until the first commits, then sees its
/// result; a key already used for another request, endpoint or person is refused.
pub async fn claim<T: DeserializeOwned>(
    tx: &mut Tx,
    key: &str,
    actor_id: i64,
    endpoint: &str,
    request_hash: &str,
) -> Result<Result<Claim<T>, Problem>, AppError> {
    let at = now();
    let inserted = on_conn!(tx, |conn| {
        sqlx::query(
            "insert into idempotency_keys (key, actor_id, endpoint, request_hash, created_at) \
             values ($1, $2, $3, $4, $5) on conflict (key) do nothing",
        )
        .bind(key)
        .bind(actor_id)
        .bind(endpoint)
        .bind(request_hash)
        .bind(at)
        .execute(conn)
        .await
        .map(|r| r.rows_affected())
    })?;
    if inserted == 1 {
        return Ok(Ok(Claim::Fresh));
    }
    let row: Option<(i64, String, String, Option<String>)> = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select actor_id, endpoint, request_hash, response from idempotency_keys \
             where key = $1",
        )
        .bind(key)
        .fetch_optional(conn)
        .await
    })?;
    match row {
        Some((actor, end, hash, Some(response)))
            if actor == actor_id && end == endpoint && hash == request_hash =>
        {
            let first = serde_json::from_str(&response).map_err(|_| AppError::Internal)?;
            Ok(Ok(Claim::Replay(first)))
        }
        // A first request still without a result cannot be seen once it committed.
        Some((actor, end, hash, None))
            if actor == actor_id && end == endpoint && hash == request_hash =>
        {
            Err(AppError::Conflict)
        }
        _ => Ok(Err(Problem::IdempotencyKeyReused)),
    }
}

/// Stores the result a replay of `key` will return, in the request's transaction.
pub async fn finish<T: Serialize>(tx: &mut Tx, key: &str, result: &T) -> Result<(), AppError> {
    let response = serde_json::to_string(result).map_err(|_| AppError::Internal)?;
    on_conn!(tx, |conn| {
        sqlx::query("update idempotency_keys set response = $1 where key = $2")
            .bind(response)
            .bind(key)
            .execute(conn)
            .await
            .map(drop)
    })?;
    Ok(())
}

// ----- Tranches and payments -----

/// A tranche and what deciding on it needs.
#[derive(Debug, Clone)]
pub struct TrancheHead {
    pub id: i64,
    pub plan_id: i64,
    pub call_id: i64,
    pub number: i32,
    pub amount: Money,
    pub release: Release,
    pub status: TrancheStatus,
    pub version: i32,
    /// Tranches before this one not yet paid or cancelled.
    pub earlier_open: i64,
    /// The live payment (released, awaiting finance), if any: its id and who released it.
    pub live_payment: Option<(i64, i64)>,
    pub attempts: i32,
}

#[derive(sqlx::FromRow)]
struct TrancheRow {
    id: i64,
    plan_id: i64,
    call_id: i64,
    number: i32,
    amount_centimes: i64,
    release_rule: String,
    status: String,
    version: i32,
    earlier_open: i64,
    live_payment: Option<i64>,
    released_by: Option<i64>,
    attempts: i64,
}

pub async fn tranche(tx: &mut Tx, id: i64) -> Result<Option<TrancheHead>, AppError> {
    let row = on_conn!(tx, |conn| {
        sqlx::query_as::<_, TrancheRow>(
            "select t.id, t.plan_id, t.call_id, t.number, t.amount_centimes, t.release_rule, \
             t.status, t.version, \
             (select count(*) from tranches e where e.plan_id = t.plan_id and e.number < t.number \
              and e.status not in ('paid', 'cancelled')) as earlier_open, \
             p.id as live_payment, p.released_by, \
             (select count(*) from payments a where a.tranche_id = t.id) as attempts \
             from tranches t \
             left join payments p on p.tranche_id = t.id and p.status = 'released' \
             where t.id = $1",
        )
        .bind(id)
        .fetch_optional(conn)
        .await
    })?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(TrancheHead {
        id: row.id,
        plan_id: row.plan_id,
        call_id: row.call_id,
        number: row.number,
        amount: Money::from_centimes(row.amount_centimes),
        release: Release::from_code(&row.release_rule).ok_or(AppError::Internal)?,
        status: TrancheStatus::from_code(&row.status).ok_or(AppError::Internal)?,
        version: row.version,
        earlier_open: row.earlier_open,
        live_payment: row.live_payment.zip(row.released_by),
        attempts: i32::try_from(row.attempts).map_err(|_| AppError::Internal)?,
    }))
}

/// Moves a tranche on, only from the state and version it was read in.
pub async fn move_tranche(
    tx: &mut Tx,
    head: &TrancheHead,
    to: TrancheStatus,
) -> Result<bool, AppError> {
    let at = now();
    let done = on_conn!(tx, |conn| {
        sqlx::query(
            "update tranches set status = $1, version = version + 1, updated_at = $2 \
             where id = $3 and status = $4 and version = $5",
        )
        .bind(to.code())
        .bind(at)
        .bind(head.id)
        .bind(head.status.code())
        .bind(head.version)
        .execute(conn)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(done == 1)
}

/// A new payment attempt for a released tranche.
pub async fn insert_payment(
    tx: &mut Tx,
    head: &TrancheHead,
    method: &PaymentMethod,
    released_by: i64,
) -> Result<i64, AppError> {
    let at = now();
    let (supplier, invoice, payee) = method.columns();
    let inserted = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into payments (tranche_id, attempt, method, supplier, invoice_ref, payee_ref, \
             status, released_by, released_at) \
             values ($1, $2, $3, $4, $5, $6, 'released', $7, $8) returning id",
        )
        .bind(head.id)
        .bind(head.attempts + 1)
        .bind(method.code())
        .bind(supplier)
        .bind(invoice)
        .bind(payee)
        .bind(released_by)
        .bind(at)
        .fetch_one(conn)
        .await
    });
    match inserted {
        Ok(id) => Ok(id),
        Err(error) if crate::db::is_unique_violation(&error) => Err(AppError::Conflict),
        Err(error) => Err(error.into()),
    }
}

/// Closes the live payment as paid, failed or cancelled, only if it is still live.
pub async fn settle_payment(
    tx: &mut Tx,
    payment_id: i64,
    status: &'static str,
    settled_by: i64,
    reference: Option<&str>,
    failure: Option<&str>,
) -> Result<bool, AppError> {
    let at = now();
    let done = on_conn!(tx, |conn| {
        sqlx::query(
            "update payments set status = $1, settled_by = $2, settled_at = $3, \
             settlement_ref = $4, failure_reason = $5 where id = $6 and status = 'released'",
        )
        .bind(status)
        .bind(settled_by)
        .bind(at)
        .bind(reference)
        .bind(failure)
        .bind(payment_id)
        .execute(conn)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(done == 1)
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
