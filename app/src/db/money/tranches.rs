//! Tranches and their payments: read with what a step on them needs, moved by guarded writes.

use crate::db::shared::constraint::{on_constraint, PAYMENTS_ONE_LIVE, PAYMENTS_TRANCHE_ATTEMPT};
use crate::db::{now, Tx};
use crate::domain::catalogue::grant_terms::Release;
use crate::domain::money::tranche::{PaymentMethod, TrancheStatus};
use crate::domain::shared::money::Money;
use crate::error::AppError;
use crate::on_conn;

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

/// Where a release pays: the method with the details copied as they are now, and the
/// registered payee or listed supplier they come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentTo {
    pub method: PaymentMethod,
    pub payee_id: Option<i64>,
    pub supplier_id: Option<i64>,
}

/// A new payment attempt for a released tranche.
pub async fn insert_payment(
    tx: &mut Tx,
    head: &TrancheHead,
    to: &PaymentTo,
    released_by: i64,
) -> Result<i64, AppError> {
    let at = now();
    let method = &to.method;
    let (supplier, invoice, payee) = method.columns();
    let inserted = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into payments (tranche_id, attempt, method, supplier, invoice_ref, payee_ref, \
             status, released_by, released_at, payee_id, supplier_id) \
             values ($1, $2, $3, $4, $5, $6, 'released', $7, $8, $9, $10) returning id",
        )
        .bind(head.id)
        .bind(head.attempts + 1)
        .bind(method.code())
        .bind(supplier)
        .bind(invoice)
        .bind(payee)
        .bind(released_by)
        .bind(at)
        .bind(to.payee_id)
        .bind(to.supplier_id)
        .fetch_one(conn)
        .await
    });
    // Two releases of one tranche at once: the second meets one of these and is a conflict.
    on_constraint(
        inserted,
        &[PAYMENTS_TRANCHE_ATTEMPT, PAYMENTS_ONE_LIVE],
        || AppError::Conflict,
    )
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

/// Who released each payment awaiting finance, by tranche.
pub async fn awaiting_makers(tx: &mut Tx) -> Result<Vec<(i64, i64)>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_as("select tranche_id, released_by from payments where status = 'released'")
            .fetch_all(conn)
            .await
    })?)
}
