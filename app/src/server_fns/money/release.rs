use crate::error::AppError;
use crate::wire::money::MoneyReceipt;
use leptos::prelude::*;

/// An admin (the maker) sends a tranche for payment: to the beneficiary's registered payment
/// details of the kind chosen (`method` = `mobile_money` or `bank_transfer`), or in kind to an
/// approved supplier (`supplier` = its id on the list) against an invoice. Nobody types a
/// number here (`domain::money::payee`). The tranche must be due: earlier tranches paid or
/// cancelled, and a satisfactory monitoring visit first when the template says so. `key`
/// makes a replay return the first receipt.
#[server(name = ReleaseTranche, endpoint = "money/release")]
pub async fn release_tranche(
    tranche: String,
    key: String,
    method: String,
    supplier: Option<String>,
    invoice: Option<String>,
    back: Option<String>,
) -> Result<MoneyReceipt, AppError> {
    use super::command::{call_page, run, Command};
    use crate::domain::accounts::role::Role;
    use crate::domain::money::payee::Payout;
    use crate::domain::money::tranche::TrancheAction;
    use crate::server_fns::{require, respond};

    respond(
        async {
            let user = require(&[Role::Admin]).await?;
            let (supplier, invoice) = (supplier.unwrap_or_default(), invoice.unwrap_or_default());
            let payout =
                Payout::parse(&method, &supplier, &invoice).map_err(AppError::Validation)?;
            let body = [payout.code(), supplier.trim(), invoice.trim()];
            let command = Command {
                user: &user,
                endpoint: "money/release",
                action: TrancheAction::Release,
                tranche: &tranche,
                key: &key,
                body: &body,
                back: back.as_deref(),
                fallback: call_page,
            };
            run(command, async |tx, moved| pay(tx, moved, &payout).await).await
        }
        .await,
    )
}

/// Where the money goes: the beneficiary's live details of the kind chosen (payable: old
/// enough, or confirmed by a second staff member), or the approved supplier.
#[cfg(feature = "ssr")]
async fn payment_to(
    tx: &mut crate::db::Tx,
    plan: i64,
    payout: &crate::domain::money::payee::Payout,
) -> Result<crate::db::money::tranches::PaymentTo, AppError> {
    use crate::db::money::{payees, tranches::PaymentTo};
    use crate::domain::money::payee::{PayeeKind, Payout};
    use crate::domain::money::problem::MoneyProblem;
    use crate::domain::money::tranche::PaymentMethod;
    use crate::domain::shared::problem::Field;
    match payout {
        Payout::Registered(kind) => {
            let owner = payees::owner_of_plan(tx, plan)
                .await?
                .ok_or(AppError::NotFound)?;
            let payee = payees::live(tx, owner)
                .await?
                .into_iter()
                .find(|p| p.view.kind == *kind)
                .ok_or_else(|| AppError::field(Field::Method, MoneyProblem::PayeeNotRegistered))?;
            payee
                .registration
                .check_payable(crate::db::now())
                .map_err(|problem| AppError::field(Field::Method, problem))?;
            let detail = payee.view.detail;
            let method = match kind {
                PayeeKind::MobileMoney => PaymentMethod::MobileMoney { phone: detail },
                PayeeKind::BankTransfer => PaymentMethod::BankTransfer { account: detail },
            };
            Ok(PaymentTo {
                method,
                payee_id: Some(payee.id),
                supplier_id: None,
            })
        }
        Payout::InKind { supplier, invoice } => {
            let name = payees::approved_supplier(tx, *supplier)
                .await?
                .ok_or_else(|| {
                    AppError::field(Field::Supplier, MoneyProblem::SupplierNotApproved)
                })?;
            Ok(PaymentTo {
                method: PaymentMethod::InKind {
                    supplier: name,
                    invoice: invoice.clone(),
                },
                payee_id: None,
                supplier_id: Some(*supplier),
            })
        }
    }
}

/// A new payment attempt, its ledger entry and its audit row.
#[cfg(feature = "ssr")]
async fn pay(
    tx: &mut crate::db::Tx,
    moved: &super::command::Moved<'_>,
    payout: &crate::domain::money::payee::Payout,
) -> Result<Option<i64>, AppError> {
    use crate::db::money::tranches::insert_payment;
    use crate::db::{money, shared::audit};
    use crate::domain::shared::audit::AuditAction;
    let head = moved.head;
    let to = payment_to(tx, head.plan_id, payout).await?;
    let payment = insert_payment(tx, head, &to, moved.actor).await?;
    money::ledger(tx, &moved.ledger_entry("released", Some(payment))).await?;
    let entry = audit::Entry::new(Some(moved.actor), AuditAction::TrancheReleased)
        .subject("tranche", head.id)
        .details(serde_json::json!({
            "plan": head.plan_id,
            "payment": payment,
            "method": to.method.code(),
            "payee": to.payee_id,
            "supplier": to.supplier_id,
            "amount_centimes": head.amount.centimes(),
        }));
    audit::record(tx, entry).await?;
    Ok(Some(payment))
}
