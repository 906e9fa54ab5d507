use crate::error::AppError;
use crate::wire::money::MoneyReceipt;
use leptos::prelude::*;

/// An admin (the maker) sends a tranche for payment, naming the method and its details. The
/// tranche must be due: earlier tranches paid or cancelled, and a satisfactory monitoring
/// visit first when the template says so. `key` makes a replay return the first receipt.
#[server(name = ReleaseTranche, endpoint = "money/release")]
#[allow(clippy::too_many_arguments)]
pub async fn release_tranche(
    tranche: String,
    key: String,
    method: String,
    supplier: Option<String>,
    invoice: Option<String>,
    phone: Option<String>,
    account: Option<String>,
    back: Option<String>,
) -> Result<MoneyReceipt, AppError> {
    use super::command::{call_page, run, Command};
    use crate::domain::accounts::role::Role;
    use crate::domain::money::tranche::TrancheAction;
    use crate::server_fns::{require, respond};

    respond(
        async {
            let user = require(&[Role::Admin]).await?;
            let text = |v: Option<String>| v.unwrap_or_default();
            let method = payment_method(
                &method,
                &text(supplier),
                &text(invoice),
                &text(phone),
                &text(account),
            )?;
            let (s, i, p) = method.columns();
            let body = [
                method.code(),
                s.unwrap_or_default(),
                i.unwrap_or_default(),
                p.unwrap_or_default(),
            ];
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
            run(command, async |tx, moved| pay(tx, moved, &method).await).await
        }
        .await,
    )
}

/// The method and its details as typed, each problem on its own field.
#[cfg(feature = "ssr")]
fn payment_method(
    method: &str,
    supplier: &str,
    invoice: &str,
    phone: &str,
    account: &str,
) -> Result<crate::domain::money::tranche::PaymentMethod, AppError> {
    use crate::domain::money::problem::MoneyProblem;
    use crate::domain::money::tranche::PaymentMethod;
    use crate::domain::problem::Problem;
    use crate::domain::shared::problem::{Field, SharedProblem};
    PaymentMethod::parse(method, supplier, invoice, phone, account).map_err(|problem| {
        let field = match problem {
            Problem::Money(MoneyProblem::SupplierMissing) => Field::Supplier,
            Problem::Money(MoneyProblem::InvoiceMissing) => Field::Invoice,
            Problem::Money(MoneyProblem::PayeePhoneMissing)
            | Problem::Shared(SharedProblem::PhoneInvalid) => Field::Phone,
            Problem::Money(MoneyProblem::AccountMissing | MoneyProblem::AccountInvalid) => {
                Field::Account
            }
            _ => Field::Method,
        };
        AppError::field(field, problem)
    })
}

/// A new payment attempt, its ledger entry and its audit row.
#[cfg(feature = "ssr")]
async fn pay(
    tx: &mut crate::db::Tx,
    moved: &super::command::Moved<'_>,
    method: &crate::domain::money::tranche::PaymentMethod,
) -> Result<Option<i64>, AppError> {
    use crate::db::money::tranches::insert_payment;
    use crate::db::{money, shared::audit};
    use crate::domain::shared::audit::AuditAction;
    let head = moved.head;
    let payment = insert_payment(tx, head, method, moved.actor).await?;
    money::ledger(tx, &moved.ledger_entry("released", Some(payment))).await?;
    let entry = audit::Entry::new(Some(moved.actor), AuditAction::TrancheReleased)
        .subject("tranche", head.id)
        .details(serde_json::json!({
            "plan": head.plan_id,
            "payment": payment,
            "method": method.code(),
            "amount_centimes": head.amount.centimes(),
        }));
    audit::record(tx, entry).await?;
    Ok(Some(payment))
}
