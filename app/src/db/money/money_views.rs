//! Reading money: balances summed from the ledger, tranche schedules with their payments, the
//! finance desk, a plan's decisions, and the ledger itself for its CSV export.

use crate::db::Tx;
use crate::domain::catalogue::grant_terms::Release;
use crate::domain::committee::decision::Outcome;
use crate::domain::money::gate::{opening_visit, GateVisit};
use crate::domain::money::tranche::TrancheStatus;
use crate::domain::shared::money::Money;
use crate::error::AppError;
use crate::on_conn;
use crate::wire::money::{Balances, DecisionLine, PaymentLine, TrancheLine};
use std::collections::HashMap;
use time::{Date, OffsetDateTime};

#[derive(sqlx::FromRow)]
struct BalanceRow {
    id: i64,
    reference: String,
    title: String,
    envelope_centimes: i64,
    committed: i64,
    released: i64,
    paid: i64,
}

/// Sums per call over the ledger; `where_call` keeps one call (or all with `None`).
const BALANCES: &str = "select c.id, c.reference, c.title, c.envelope_centimes, \
     cast(coalesce(sum(case when l.kind = 'committed' then l.amount_centimes \
       when l.kind = 'decommitted' then -l.amount_centimes else 0 end), 0) as bigint) as committed, \
     cast(coalesce(sum(case when l.kind = 'released' then l.amount_centimes \
       when l.kind = 'release_reversed' then -l.amount_centimes else 0 end), 0) as bigint) as released, \
     cast(coalesce(sum(case when l.kind = 'paid' then l.amount_centimes else 0 end), 0) as bigint) as paid \
     from grant_calls c left join ledger_entries l on l.call_id = c.id \
     where ($1 = 0 or c.id = $1) \
     group by c.id, c.reference, c.title, c.envelope_centimes, c.closes_on \
     order by c.closes_on desc, c.id desc";

/// Every call's balances (`call` 0), or one call's.
pub async fn balances(tx: &mut Tx, call: i64) -> Result<Vec<Balances>, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, BalanceRow>(BALANCES)
            .bind(call)
            .fetch_all(conn)
            .await
    })?;
    Ok(rows
        .into_iter()
        .map(|row| Balances {
            call: row.id,
            reference: row.reference,
            title: row.title,
            envelope: Money::from_centimes(row.envelope_centimes),
            committed: Money::from_centimes(row.committed),
            released: Money::from_centimes(row.released),
            paid: Money::from_centimes(row.paid),
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct TrancheRow {
    id: i64,
    plan_id: i64,
    reference: String,
    beneficiary: Option<String>,
    number: i32,
    percent: i32,
    release_rule: String,
    amount_centimes: i64,
    status: String,
    earlier_open: i64,
}

#[derive(sqlx::FromRow)]
struct PaymentRow {
    id: i64,
    tranche_id: i64,
    attempt: i32,
    method: String,
    supplier: Option<String>,
    invoice_ref: Option<String>,
    payee_ref: Option<String>,
    payee_registered_at: Option<OffsetDateTime>,
    payee_confirmed_at: Option<OffsetDateTime>,
    status: String,
    released_by: Option<String>,
    released_at: OffsetDateTime,
    settled_by: Option<String>,
    settled_at: Option<OffsetDateTime>,
    settlement_ref: Option<String>,
    failure_reason: Option<String>,
}

/// Which tranches a list shows.
#[derive(Debug, Clone, Copy)]
pub enum Which {
    Call(i64),
    Plan(i64),
    /// Released, awaiting finance, across calls.
    Awaiting,
}

/// Tranches with their payments. `key` makes each line's form key.
pub async fn tranches(
    tx: &mut Tx,
    which: Which,
    mut key: impl FnMut() -> String,
) -> Result<Vec<TrancheLine>, AppError> {
    let (filter, order, id) = match which {
        Which::Call(id) => ("t.call_id = $1", "t.plan_id, t.number", id),
        Which::Plan(id) => ("t.plan_id = $1", "t.number", id),
        // Oldest release first: the longest wait is at the top of the desk.
        Which::Awaiting => ("t.status = 'released' and $1 = 0", "t.updated_at, t.id", 0),
    };
    let sql = format!(
        "select t.id, t.plan_id, c.reference, coalesce(pr.full_name, u.email) as beneficiary, \
         t.number, t.percent, \
         t.release_rule, t.amount_centimes, t.status, \
         (select count(*) from tranches e where e.plan_id = t.plan_id and e.number < t.number \
          and e.status not in ('paid', 'cancelled')) as earlier_open \
         from tranches t join grant_calls c on c.id = t.call_id \
         join plans p on p.id = t.plan_id join users u on u.id = p.user_id \
         left join profiles pr on pr.user_id = p.user_id \
         where {filter} order by {order}"
    );
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, TrancheRow>(&sql)
            .bind(id)
            .fetch_all(conn)
            .await
    })?;
    let payments = payments_of(tx, which, id).await?;
    let mut by_tranche: HashMap<i64, Vec<PaymentLine>> = HashMap::new();
    for row in payments {
        by_tranche
            .entry(row.tranche_id)
            .or_default()
            .push(PaymentLine {
                id: row.id,
                attempt: row.attempt,
                method: row.method,
                supplier: row.supplier,
                invoice: row.invoice_ref,
                payee: row.payee_ref,
                payee_registered_at: row.payee_registered_at,
                payee_confirmed_at: row.payee_confirmed_at,
                status: row.status,
                released_by: row.released_by.unwrap_or_default(),
                released_at: row.released_at,
                settled_by: row.settled_by,
                settled_at: row.settled_at,
                settlement_ref: row.settlement_ref,
                failure_reason: row.failure_reason,
            });
    }
    let visits = gate_visits_of(tx, which, id).await?;
    let mut lines = rows
        .into_iter()
        .map(|row| {
            let release = Release::from_code(&row.release_rule).ok_or(AppError::Internal)?;
            Ok(TrancheLine {
                id: row.id,
                plan: row.plan_id,
                call_reference: row.reference,
                beneficiary: row.beneficiary.unwrap_or_default(),
                number: row.number,
                percent: row.percent,
                release,
                amount: Money::from_centimes(row.amount_centimes),
                status: TrancheStatus::from_code(&row.status).ok_or(AppError::Internal)?,
                payments: by_tranche.remove(&row.id).unwrap_or_default(),
                waits_for_visit: false,
                opening_visit: None,
                waits_for_earlier: row.earlier_open > 0,
                settle_refused: None,
                payees: Vec::new(),
                key: key(),
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    open_gates(&mut lines, &visits);
    Ok(lines)
}

/// The filter on tranches `t` for one list.
fn filter_of(which: Which) -> &'static str {
    match which {
        Which::Call(_) => "t.call_id = $1",
        Which::Plan(_) => "t.plan_id = $1",
        Which::Awaiting => "t.status = 'released' and $1 = 0",
    }
}

#[derive(sqlx::FromRow)]
struct GateVisitRow {
    plan_id: i64,
    id: i64,
    visited_on: Date,
    created_at: OffsetDateTime,
    files: i64,
}

/// The satisfactory visits of the listed tranches' plans, with their evidence counts, by plan.
async fn gate_visits_of(
    tx: &mut Tx,
    which: Which,
    id: i64,
) -> Result<HashMap<i64, Vec<GateVisit>>, AppError> {
    let sql = format!(
        "select v.plan_id, v.id, v.visited_on, v.created_at, \
         (select count(*) from visit_evidence e where e.visit_id = v.id) as files \
         from monitoring_visits v where v.satisfactory = $2 \
         and v.plan_id in (select t.plan_id from tranches t where {})",
        filter_of(which)
    );
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, GateVisitRow>(&sql)
            .bind(id)
            .bind(true)
            .fetch_all(conn)
            .await
    })?;
    let mut by_plan: HashMap<i64, Vec<GateVisit>> = HashMap::new();
    for row in rows {
        by_plan.entry(row.plan_id).or_default().push(GateVisit {
            id: row.id,
            visited_on: row.visited_on,
            recorded_at: row.created_at,
            evidence_files: row.files,
        });
    }
    Ok(by_plan)
}

/// Names, for each tranche tied to monitoring, the visit that opens it
/// (`domain::money::gate`): after the latest earlier tranche of its grant was paid.
fn open_gates(lines: &mut [TrancheLine], visits: &HashMap<i64, Vec<GateVisit>>) {
    let mut paid: HashMap<i64, Vec<(i32, OffsetDateTime)>> = HashMap::new();
    for line in lines.iter() {
        let paid_at = line.payments.iter().filter(|p| p.status == "paid");
        if let Some(at) = paid_at.filter_map(|p| p.settled_at).max() {
            paid.entry(line.plan).or_default().push((line.number, at));
        }
    }
    for line in lines.iter_mut() {
        if line.release != Release::AfterMonitoringVisit {
            continue;
        }
        let earlier = paid.get(&line.plan).into_iter().flatten();
        let paid_before = earlier
            .filter(|(number, _)| *number < line.number)
            .map(|(_, at)| *at)
            .max();
        let plan_visits = visits.get(&line.plan).map_or(&[][..], Vec::as_slice);
        line.opening_visit = opening_visit(plan_visits, paid_before);
        line.waits_for_visit = line.opening_visit.is_none();
    }
}

async fn payments_of(tx: &mut Tx, which: Which, id: i64) -> Result<Vec<PaymentRow>, AppError> {
    let filter = filter_of(which);
    let sql = format!(
        "select y.id, y.tranche_id, y.attempt, y.method, y.supplier, y.invoice_ref, y.payee_ref, \
         g.registered_at as payee_registered_at, g.confirmed_at as payee_confirmed_at, \
         y.status, coalesce(r.display_name, r.email) as released_by, y.released_at, \
         coalesce(s.display_name, s.email) as settled_by, y.settled_at, \
         y.settlement_ref, y.failure_reason \
         from payments y join tranches t on t.id = y.tranche_id \
         left join payees g on g.id = y.payee_id \
         left join users r on r.id = y.released_by left join users s on s.id = y.settled_by \
         where {filter} order by y.tranche_id, y.attempt"
    );
    Ok(on_conn!(tx, |conn| {
        sqlx::query_as::<_, PaymentRow>(&sql)
            .bind(id)
            .fetch_all(conn)
            .await
    })?)
}

#[derive(sqlx::FromRow)]
struct DecisionRow {
    round: i32,
    outcome: String,
    amount_centimes: Option<i64>,
    justification: String,
    decided_at: OffsetDateTime,
}

/// A plan's decisions, newest first.
pub async fn decisions(tx: &mut Tx, plan_id: i64) -> Result<Vec<DecisionLine>, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, DecisionRow>(
            "select round, outcome, amount_centimes, justification, decided_at from decisions \
             where plan_id = $1 order by round desc",
        )
        .bind(plan_id)
        .fetch_all(conn)
        .await
    })?;
    rows.into_iter()
        .map(|row| {
            Ok(DecisionLine {
                round: row.round,
                outcome: Outcome::from_code(&row.outcome).ok_or(AppError::Internal)?,
                amount: row.amount_centimes.map(Money::from_centimes),
                justification: row.justification,
                decided_at: row.decided_at,
            })
        })
        .collect()
}

/// One ledger line as the CSV export writes it.
#[derive(Debug, sqlx::FromRow)]
pub struct LedgerRow {
    pub id: i64,
    pub at: OffsetDateTime,
    pub reference: String,
    pub plan_id: i64,
    pub tranche_number: Option<i32>,
    pub payment_id: Option<i64>,
    pub kind: String,
    pub amount_centimes: i64,
    pub actor: Option<String>,
    pub method: Option<String>,
    /// The reference the finance officer gave the payment (a transfer or receipt number).
    pub payment_ref: Option<String>,
}

/// The ledger, oldest first; one call's (`call` > 0) or all.
pub async fn ledger(tx: &mut Tx, call: i64) -> Result<Vec<LedgerRow>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_as::<_, LedgerRow>(
            "select l.id, l.at, c.reference, l.plan_id, t.number as tranche_number, l.payment_id, \
             l.kind, l.amount_centimes, \
             coalesce(u.display_name || ' <' || u.email || '>', u.email) as actor, y.method, \
             y.settlement_ref as payment_ref \
             from ledger_entries l join grant_calls c on c.id = l.call_id \
             left join tranches t on t.id = l.tranche_id \
             left join payments y on y.id = l.payment_id \
             left join users u on u.id = l.actor_id \
             where ($1 = 0 or l.call_id = $1) order by l.id",
        )
        .bind(call)
        .fetch_all(conn)
        .await
    })?)
}
