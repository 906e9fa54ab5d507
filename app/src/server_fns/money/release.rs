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
    use crate::db::money;
    use crate::db::shared::audit;
    use crate::domain::accounts::role::Role;
    use crate::domain::money::tranche::{PaymentMethod, TrancheAction};
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::{Field, Problem};
    use crate::server_fns::{require, respond};

    respond(
        async {
            let user = require(&[Role::Admin]).await?;
            let text = |v: &Option<String>| v.clone().unwrap_or_default();
            let (supplier, invoice, phone, account) = (
                text(&supplier),
                text(&invoice),
                text(&phone),
                text(&account),
            );
            let method = PaymentMethod::parse(&method, &supplier, &invoice, &phone, &account)
                .map_err(|problem| {
                    let field = match problem {
                        Problem::SupplierMissing => Field::Supplier,
                        Problem::InvoiceMissing => Field::Invoice,
                        Problem::PayeePhoneMissing | Problem::PhoneInvalid => Field::Phone,
                        Problem::AccountMissing | Problem::AccountInvalid => Field::Account,
                        _ => Field::Method,
                    };
                    AppError::field(field, problem)
                })?;
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
            run(command, async |tx, moved| {
                let head = moved.head;
                let payment =
                    money::tranches::insert_payment(tx, head, &method, moved.actor).await?;
                money::ledger(tx, &moved.ledger_entry("released", Some(payment))).await?;
                audit::record(
                    tx,
                    audit::Entry::new(Some(moved.actor), AuditAction::TrancheReleased)
                        .subject("tranche", head.id)
                        .details(serde_json::json!({
                            "plan": head.plan_id,
                            "payment": payment,
                            "method": method.code(),
                            "amount_centimes": head.amount.centimes(),
                        })),
                )
                .await?;
                Ok(Some(payment))
            })
            .await
        }
        .await,
    )
}
