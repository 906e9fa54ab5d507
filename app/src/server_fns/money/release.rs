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
    use crate::db::money::{self, LedgerEntry};
    use crate::db::shared::audit;
    use crate::domain::accounts::role::Role;
    use crate::domain::catalogue::grant_terms::Release;
    use crate::domain::money::tranche::{PaymentMethod, TrancheAction};
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::{Field, Problem};
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let user = require(&[Role::Admin]).await?;
            let id = parse_id(&tranche)?;
            let key = super::checked_key(&key)?;
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
            let hash = super::request_hash(&[
                &id.to_string(),
                method.code(),
                s.unwrap_or_default(),
                i.unwrap_or_default(),
                p.unwrap_or_default(),
            ]);
            let mut tx = context()?.db.begin().await?;
            let head = money::tranche(&mut tx, id)
                .await?
                .ok_or(AppError::NotFound)?;
            let call_page = format!("/admin/money/call?id={}", head.call_id);
            let back = super::back_to(back.as_deref(), &call_page);
            if let Some(first) =
                super::replayed(&mut tx, key, user.id, "money/release", &hash).await?
            {
                tx.commit().await?;
                redirect(&back);
                return Ok(first);
            }
            let to = head
                .status
                .apply(TrancheAction::Release, user.role)
                .map_err(super::refused)?;
            if head.earlier_open > 0 {
                return Err(super::refused(Problem::EarlierTrancheOpen));
            }
            if head.release == Release::AfterMonitoringVisit
                && !crate::db::monitoring::has_satisfactory_visit(&mut tx, head.plan_id).await?
            {
                return Err(super::refused(Problem::VisitRequired));
            }
            if !money::move_tranche(&mut tx, &head, to).await? {
                return Err(AppError::Conflict);
            }
            let payment = money::insert_payment(&mut tx, &head, &method, user.id).await?;
            money::ledger(
                &mut tx,
                &LedgerEntry {
                    call_id: head.call_id,
                    plan_id: head.plan_id,
                    tranche_id: Some(head.id),
                    payment_id: Some(payment),
                    kind: "released",
                    amount: head.amount,
                    actor_id: user.id,
                    key: Some(key),
                },
            )
            .await?;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(user.id), AuditAction::TrancheReleased)
                    .subject("tranche", head.id)
                    .details(serde_json::json!({
                        "plan": head.plan_id,
                        "payment": payment,
                        "method": method.code(),
                        "amount_centimes": head.amount.centimes(),
                    })),
            )
            .await?;
            let receipt = MoneyReceipt {
                tranche: head.id,
                payment: Some(payment),
                status: to,
            };
            money::finish(&mut tx, key, &receipt).await?;
            tx.commit().await?;
            redirect(&back);
            Ok(receipt)
        }
        .await,
    )
}
