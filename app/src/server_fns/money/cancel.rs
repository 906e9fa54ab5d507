use crate::error::AppError;
use crate::wire::money::MoneyReceipt;
use leptos::prelude::*;

/// An admin cancels a tranche that will not be paid (the business closed, the grant was
/// withdrawn), with the reason. A payment awaiting finance is cancelled with it, and the
/// tranche's amount goes back to the call's envelope. `key` makes a replay return the first
/// receipt.
#[server(name = CancelTranche, endpoint = "money/cancel")]
pub async fn cancel_tranche(
    tranche: String,
    key: String,
    reason: String,
    back: Option<String>,
) -> Result<MoneyReceipt, AppError> {
    use crate::db::money::{self, LedgerEntry};
    use crate::db::shared::audit;
    use crate::domain::accounts::role::Role;
    use crate::domain::money::tranche::{note, TrancheAction};
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let user = require(&[Role::Admin]).await?;
            let id = parse_id(&tranche)?;
            let key = super::checked_key(&key)?;
            let reason = note(&reason, true)
                .map_err(|problem| AppError::field(Field::Reason, problem))?
                .unwrap_or_default();
            let hash = super::request_hash(&[&id.to_string(), "cancel", &reason]);
            let mut tx = context()?.db.begin().await?;
            let head = money::tranche(&mut tx, id)
                .await?
                .ok_or(AppError::NotFound)?;
            let call_page = format!("/admin/money/call?id={}", head.call_id);
            let back = super::back_to(back.as_deref(), &call_page);
            if let Some(first) =
                super::replayed(&mut tx, key, user.id, "money/cancel", &hash).await?
            {
                tx.commit().await?;
                redirect(&back);
                return Ok(first);
            }
            let to = head
                .status
                .apply(TrancheAction::Cancel, user.role)
                .map_err(super::refused)?;
            if !money::move_tranche(&mut tx, &head, to).await? {
                return Err(AppError::Conflict);
            }
            let entry = |kind, payment_id| LedgerEntry {
                call_id: head.call_id,
                plan_id: head.plan_id,
                tranche_id: Some(head.id),
                payment_id,
                kind,
                amount: head.amount,
                actor_id: user.id,
                key: Some(key),
            };
            if let Some((payment, _)) = head.live_payment {
                if !money::settle_payment(
                    &mut tx,
                    payment,
                    "cancelled",
                    user.id,
                    None,
                    Some(&reason),
                )
                .await?
                {
                    return Err(AppError::Conflict);
                }
                money::ledger(&mut tx, &entry("release_reversed", Some(payment))).await?;
            }
            money::ledger(&mut tx, &entry("decommitted", None)).await?;
            money::uncommit(&mut tx, head.call_id, head.amount).await?;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(user.id), AuditAction::TrancheCancelled)
                    .subject("tranche", head.id)
                    .details(serde_json::json!({
                        "plan": head.plan_id,
                        "from": head.status.code(),
                        "payment": head.live_payment.map(|(p, _)| p),
                        "amount_centimes": head.amount.centimes(),
                    })),
            )
            .await?;
            let receipt = MoneyReceipt {
                tranche: head.id,
                payment: head.live_payment.map(|(p, _)| p),
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
