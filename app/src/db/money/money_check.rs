//! The ledger's invariants, checked against the whole database: what the concurrency tests,
//! the crash test (`scripts/crash-test.sh`) and `passerelle check-ledger` rely on. Each query
//! returns the rows that break one invariant; none should ever return anything.

use crate::db::Tx;
use crate::error::AppError;
use crate::on_conn;

/// One invariant: its name and the query listing the ids that break it.
const INVARIANTS: [(&str, &str); 8] = [
    (
        "a call's committed total is its ledger's commitments less cancellations",
        "select c.id from grant_calls c left join ledger_entries l on l.call_id = c.id \
         group by c.id, c.committed_centimes \
         having c.committed_centimes <> coalesce(sum(case when l.kind = 'committed' \
           then l.amount_centimes when l.kind = 'decommitted' then -l.amount_centimes \
           else 0 end), 0)",
    ),
    (
        "a call never commits more than its envelope",
        "select id from grant_calls where committed_centimes > envelope_centimes \
         or committed_centimes < 0",
    ),
    (
        "an approval's tranches sum exactly to the approved amount, committed once",
        "select d.plan_id from decisions d \
         where d.outcome = 'approved' and (d.amount_centimes <> \
           (select coalesce(sum(t.amount_centimes), 0) from tranches t where t.plan_id = d.plan_id) \
           or d.amount_centimes <> (select coalesce(sum(l.amount_centimes), 0) from ledger_entries l \
             where l.plan_id = d.plan_id and l.kind = 'committed'))",
    ),
    (
        "a paid tranche has exactly one paid payment and one paid ledger entry, of its amount",
        "select t.id from tranches t where (t.status = 'paid') <> \
           ((select count(*) from payments y where y.tranche_id = t.id and y.status = 'paid') = 1 \
            and (select count(*) from ledger_entries l where l.tranche_id = t.id \
              and l.kind = 'paid' and l.amount_centimes = t.amount_centimes) = 1) \
         or (select count(*) from ledger_entries l where l.tranche_id = t.id and l.kind = 'paid') > 1",
    ),
    (
        "money released and not settled is exactly the tranche awaiting finance",
        "select t.id from tranches t where \
           (select coalesce(sum(case when l.kind = 'released' then l.amount_centimes \
             when l.kind in ('release_reversed', 'paid') then -l.amount_centimes else 0 end), 0) \
            from ledger_entries l where l.tranche_id = t.id) \
           <> case when t.status = 'released' then t.amount_centimes else 0 end",
    ),
    (
        "a tranche has one payment awaiting finance exactly when it is released",
        "select t.id from tranches t where (t.status = 'released') <> \
           ((select count(*) from payments y where y.tranche_id = t.id \
             and y.status = 'released') = 1)",
    ),
    (
        "a cancelled tranche gave its amount back to the envelope, once",
        "select t.id from tranches t where (t.status = 'cancelled') <> \
           ((select count(*) from ledger_entries l where l.tranche_id = t.id \
             and l.kind = 'decommitted') = 1)",
    ),
    (
        "whoever confirmed or failed a payment did not release it",
        "select id from payments where status in ('paid', 'failed') \
         and (settled_by is null or settled_by = released_by)",
    ),
];

/// Every broken invariant with the ids that break it; empty when the books are right.
pub async fn broken(tx: &mut Tx) -> Result<Vec<(&'static str, Vec<i64>)>, AppError> {
    let mut broken = Vec::new();
    for (name, sql) in INVARIANTS {
        let ids: Vec<i64> = on_conn!(tx, |conn| sqlx::query_scalar(sql).fetch_all(conn).await)?;
        if !ids.is_empty() {
            broken.push((name, ids));
        }
    }
    Ok(broken)
}
