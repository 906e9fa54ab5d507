//! Payment details registered on beneficiaries' profiles, and the supplier list
//! (`domain::money::payee`). Details are never changed in place: a new number retires the
//! old one, so every payment keeps pointing at what it was paid to.

use crate::db::mentoring::NAME;
use crate::db::shared::constraint::{on_constraint, PAYEES_ONE_LIVE, SUPPLIERS_LIVE_NAME};
use crate::db::{now, Tx};
use crate::domain::money::payee::{PayeeDetails, PayeeKind, Registration, CONFIRM_WITHIN_DAYS};
use crate::error::AppError;
use crate::on_conn;
use crate::wire::money::{PayeeToConfirm, PayeeView, SupplierView};
use time::{Duration, OffsetDateTime};

#[derive(sqlx::FromRow)]
struct PayeeRow {
    id: i64,
    user_id: i64,
    method: String,
    detail: String,
    holder: String,
    registered_by: i64,
    registered_role: String,
    registered_at: OffsetDateTime,
    confirmed_by: Option<i64>,
    confirmed_at: Option<OffsetDateTime>,
    retired_at: Option<OffsetDateTime>,
}

const PAYEE_COLUMNS: &str = "y.id, y.user_id, y.method, y.detail, y.holder, y.registered_by, \
     r.role as registered_role, y.registered_at, y.confirmed_by, y.confirmed_at, y.retired_at";

/// A live payee as the pages and the release read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payee {
    pub id: i64,
    pub user_id: i64,
    pub view: PayeeView,
    pub registration: Registration,
}

impl PayeeRow {
    fn into_payee(self) -> Result<Payee, AppError> {
        let kind = PayeeKind::from_code(&self.method).ok_or(AppError::Internal)?;
        let registration = Registration {
            registered_at: self.registered_at,
            registered_by: self.registered_by,
            confirmed: self.confirmed_by.is_some(),
        };
        Ok(Payee {
            id: self.id,
            user_id: self.user_id,
            view: PayeeView {
                id: self.id,
                kind,
                detail: self.detail,
                holder: self.holder,
                registered_at: self.registered_at,
                registered_by: self
                    .registered_role
                    .parse()
                    .map_err(|_| AppError::Internal)?,
                confirmed_at: self.confirmed_at,
                payable: registration.payable(now()),
                payable_from: self.registered_at + Duration::days(CONFIRM_WITHIN_DAYS),
                retired_at: self.retired_at,
            },
            registration,
        })
    }
}

async fn payees_where(tx: &mut Tx, condition: &str, id: i64) -> Result<Vec<Payee>, AppError> {
    let sql = format!(
        "select {PAYEE_COLUMNS} from payees y join users r on r.id = y.registered_by \
         where {condition} order by y.method, y.id"
    );
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, PayeeRow>(&sql)
            .bind(id)
            .fetch_all(conn)
            .await
    })?;
    rows.into_iter().map(PayeeRow::into_payee).collect()
}

/// A person's live payment details, one per kind at most.
pub async fn live(tx: &mut Tx, user: i64) -> Result<Vec<Payee>, AppError> {
    payees_where(tx, "y.retired_at is null and y.user_id = $1", user).await
}

/// Every payment detail a person registered, replaced and removed ones included (their held
/// data).
pub async fn held(tx: &mut Tx, user: i64) -> Result<Vec<PayeeView>, AppError> {
    let all = payees_where(tx, "y.user_id = $1", user).await?;
    Ok(all.into_iter().map(|p| p.view).collect())
}

/// The live payment details of the beneficiaries of a call's plans.
pub async fn live_for_call(tx: &mut Tx, call: i64) -> Result<Vec<Payee>, AppError> {
    payees_where(
        tx,
        "y.retired_at is null and y.user_id in (select user_id from plans where call_id = $1)",
        call,
    )
    .await
}

/// Who owns a plan.
pub async fn owner_of_plan(tx: &mut Tx, plan: i64) -> Result<Option<i64>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>("select user_id from plans where id = $1")
            .bind(plan)
            .fetch_optional(conn)
            .await
    })?)
}

/// Who owns each plan of a call.
pub async fn plan_owners(
    tx: &mut Tx,
    call: i64,
) -> Result<std::collections::HashMap<i64, i64>, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, (i64, i64)>("select id, user_id from plans where call_id = $1")
            .bind(call)
            .fetch_all(conn)
            .await
    })?;
    Ok(rows.into_iter().collect())
}

/// Registers `details` for `user`, retiring the live ones of the same kind. Saving the same
/// number and holder again changes nothing (and does not restart the confirmation clock).
/// Answers the live payee's id.
pub async fn register(
    tx: &mut Tx,
    user: i64,
    details: &PayeeDetails,
    by: i64,
) -> Result<(i64, bool), AppError> {
    let current = live(tx, user).await?;
    if let Some(same) = current.iter().find(|p| {
        p.view.kind == details.kind
            && p.view.detail == details.detail
            && p.view.holder == details.holder
    }) {
        return Ok((same.id, false));
    }
    let at = now();
    on_conn!(tx, |conn| {
        sqlx::query(
            "update payees set retired_at = $3 \
             where user_id = $1 and method = $2 and retired_at is null",
        )
        .bind(user)
        .bind(details.kind.code())
        .bind(at)
        .execute(conn)
        .await
        .map(|_| ())
    })?;
    let inserted = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into payees (user_id, method, detail, holder, registered_by, registered_at) \
             values ($1, $2, $3, $4, $5, $6) returning id",
        )
        .bind(user)
        .bind(details.kind.code())
        .bind(&details.detail)
        .bind(&details.holder)
        .bind(by)
        .bind(at)
        .fetch_one(conn)
        .await
    });
    // Two saves at once: the second meets the one-live index and is a conflict.
    let id = on_constraint(inserted, &[PAYEES_ONE_LIVE], || AppError::Conflict)?;
    Ok((id, true))
}

/// Retires one of `user`'s live payees; `false` when there is no such live payee.
pub async fn retire(tx: &mut Tx, user: i64, id: i64) -> Result<bool, AppError> {
    let sql = "update payees set retired_at = $3 \
               where id = $1 and user_id = $2 and retired_at is null";
    changed(tx, sql, id, user).await
}

/// Runs a guarded `update` of one row (`$1` its id, `$2` a person, `$3` now); whether it
/// changed it.
async fn changed(tx: &mut Tx, sql: &str, id: i64, person: i64) -> Result<bool, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query(sql)
            .bind(id)
            .bind(person)
            .bind(now())
            .execute(conn)
            .await
            .map(|done| done.rows_affected())
    })?;
    Ok(rows == 1)
}

/// A live payee by id (to confirm it).
pub async fn find(tx: &mut Tx, id: i64) -> Result<Option<Payee>, AppError> {
    let found = payees_where(tx, "y.retired_at is null and y.id = $1", id).await?;
    Ok(found.into_iter().next())
}

/// Confirms a live, unconfirmed payee; `false` when it was confirmed or retired meanwhile.
pub async fn confirm(tx: &mut Tx, id: i64, by: i64) -> Result<bool, AppError> {
    let sql = "update payees set confirmed_by = $2, confirmed_at = $3 where id = $1 \
               and confirmed_by is null and retired_at is null and registered_by <> $2";
    changed(tx, sql, id, by).await
}

#[derive(sqlx::FromRow)]
struct ToConfirmRow {
    #[sqlx(flatten)]
    payee: PayeeRow,
    person: String,
}

/// Live details registered less than [`CONFIRM_WITHIN_DAYS`] ago and not confirmed, of people
/// with an approved plan (those a release may soon pay), oldest first; at most 100.
pub async fn to_confirm(tx: &mut Tx) -> Result<Vec<PayeeToConfirm>, AppError> {
    let since = now() - Duration::days(CONFIRM_WITHIN_DAYS);
    let sql = format!(
        "select {PAYEE_COLUMNS}, {NAME} as person from payees y \
         join users r on r.id = y.registered_by join users u on u.id = y.user_id \
         left join profiles pr on pr.user_id = u.id \
         where y.retired_at is null and y.confirmed_by is null and y.registered_at > $1 \
         and exists (select 1 from plans p where p.user_id = y.user_id and p.status = 'approved') \
         order by y.registered_at, y.id limit 100"
    );
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, ToConfirmRow>(&sql)
            .bind(since)
            .fetch_all(conn)
            .await
    })?;
    rows.into_iter()
        .map(|row| {
            let person = row.person;
            let payee = row.payee.into_payee()?;
            Ok(PayeeToConfirm {
                person,
                beneficiary: payee.user_id,
                registered_by_id: payee.registration.registered_by,
                payee: payee.view,
            })
        })
        .collect()
}

#[derive(sqlx::FromRow)]
struct SupplierRow {
    id: i64,
    name: String,
    city: String,
    rib: String,
    proposed_by: i64,
    proposer: String,
    approved_by: Option<i64>,
    approver: Option<String>,
}

/// The live suppliers, approved first, by name.
pub async fn suppliers(tx: &mut Tx) -> Result<Vec<SupplierView>, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, SupplierRow>(
            "select s.id, s.name, s.city, s.rib, s.proposed_by, \
             coalesce(p.display_name, p.email, '') as proposer, s.approved_by, \
             coalesce(a.display_name, a.email) as approver \
             from suppliers s join users p on p.id = s.proposed_by \
             left join users a on a.id = s.approved_by \
             where s.retired_at is null \
             order by s.approved_by is null, lower(s.name)",
        )
        .fetch_all(conn)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|row| SupplierView {
            id: row.id,
            name: row.name,
            city: row.city,
            rib: row.rib,
            proposed_by: row.proposed_by,
            proposer: row.proposer,
            approved: row.approved_by.is_some(),
            approver: row.approver,
        })
        .collect())
}

/// Puts a supplier on the list, waiting for another admin's approval.
pub async fn propose_supplier(
    tx: &mut Tx,
    name: &str,
    city: &str,
    rib: &str,
    by: i64,
) -> Result<i64, AppError> {
    let inserted = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into suppliers (name, city, rib, proposed_by, proposed_at) \
             values ($1, $2, $3, $4, $5) returning id",
        )
        .bind(name)
        .bind(city)
        .bind(rib)
        .bind(by)
        .bind(now())
        .fetch_one(conn)
        .await
    });
    on_constraint(inserted, &[SUPPLIERS_LIVE_NAME], || {
        AppError::field(
            crate::domain::shared::problem::Field::SupplierName,
            crate::domain::money::problem::MoneyProblem::SupplierListed,
        )
    })
}

/// A live supplier's proposer and whether it is approved.
pub async fn supplier_state(tx: &mut Tx, id: i64) -> Result<Option<(i64, bool)>, AppError> {
    let row = on_conn!(tx, |conn| {
        sqlx::query_as::<_, (i64, Option<i64>)>(
            "select proposed_by, approved_by from suppliers where id = $1 and retired_at is null",
        )
        .bind(id)
        .fetch_optional(conn)
        .await
    })?;
    Ok(row.map(|(proposer, approver)| (proposer, approver.is_some())))
}

/// Approves a live supplier another admin proposed; `false` when it was approved or retired
/// meanwhile.
pub async fn approve_supplier(tx: &mut Tx, id: i64, by: i64) -> Result<bool, AppError> {
    let sql = "update suppliers set approved_by = $2, approved_at = $3 where id = $1 \
               and approved_by is null and retired_at is null and proposed_by <> $2";
    changed(tx, sql, id, by).await
}

/// Takes a supplier off the list (payments made to it keep pointing at it).
pub async fn retire_supplier(tx: &mut Tx, id: i64) -> Result<bool, AppError> {
    let done = on_conn!(tx, |conn| {
        sqlx::query("update suppliers set retired_at = $2 where id = $1 and retired_at is null")
            .bind(id)
            .bind(now())
            .execute(conn)
            .await
            .map(|done| done.rows_affected())
    })?;
    Ok(done == 1)
}

/// An approved, live supplier's name, for a release in kind.
pub async fn approved_supplier(tx: &mut Tx, id: i64) -> Result<Option<String>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, String>(
            "select name from suppliers \
             where id = $1 and approved_by is not null and retired_at is null",
        )
        .bind(id)
        .fetch_optional(conn)
        .await
    })?)
}
