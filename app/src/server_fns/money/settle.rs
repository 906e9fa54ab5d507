use crate::error::AppError;
use crate::wire::money::MoneyReceipt;
use leptos::prelude::*;

/// A finance officer (the checker) confirms a released tranche paid, with the transfer's
/// reference, or records that the payment failed, with the reason. Never the person who
/// released it. `key` makes a replay return the first receipt.
#[server(name = SettlePayment, endpoint = "money/settle")]
pub async fn settle_payment(
    tranche: String,
    key: String,
    outcome: String,
    note: Option<String>,
    back: Option<String>,
) -> Result<MoneyReceipt, AppError> {
    use crate::db::money::{self, LedgerEntry};
    use crate::db::shared::audit;
    use crate::domain::accounts::role::Role;
    use crate::domain::money::tranche::{
        checker_is_not_maker, note as checked_note, TrancheAction,
    };
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::{Field, Problem};
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let user = require(&[Role::Finance]).await?;
            let id = parse_id(&tranche)?;
            let key = super::checked_key(&key)?;
            let action = match outcome.trim() {
                "paid" => TrancheAction::ConfirmPaid,
                "failed" => TrancheAction::RecordFailure,
                _ => return Err(AppError::field(Field::Outcome, Problem::OutcomeUnknown)),
            };
            // A failure needs its reason; a confirmation may carry the transfer's reference.
            let note = checked_note(
                note.as_deref().unwrap_or_default(),
                action == TrancheAction::RecordFailure,
            )
            .map_err(|problem| AppError::field(Field::Note, problem))?;
            let hash = super::request_hash(&[
                &id.to_string(),
                action.code(),
                note.as_deref().unwrap_or_default(),
            ]);
            let mut tx = context()?.db.begin().await?;
            let head = money::tranche(&mut tx, id)
                .await?
                .ok_or(AppError::NotFound)?;
            let back = super::back_to(back.as_deref(), "/finance");
            if let Some(first) =
                super::replayed(&mut tx, key, user.id, "money/settle", &hash).await?
            {
                tx.commit().await?;
                redirect(&back);
                return Ok(first);
            }
            let to = head
                .status
                .apply(action, user.role)
                .map_err(super::refused)?;
            let (payment, maker) = head.live_payment.ok_or(AppError::Conflict)?;
            checker_is_not_maker(maker, user.id).map_err(super::refused)?;
            if !money::move_tranche(&mut tx, &head, to).await? {
                return Err(AppError::Conflict);
            }
            let paid = action == TrancheAction::ConfirmPaid;
            let (status, reference, failure) = if paid {
                ("paid", note.as_deref(), None)
            } else {
                ("failed", None, note.as_deref())
            };
            if !money::settle_payment(&mut tx, payment, status, user.id, reference, failure).await?
            {
                return Err(AppError::Conflict);
            }
            money::ledger(
                &mut tx,
                &LedgerEntry {
                    call_id: head.call_id,
                    plan_id: head.plan_id,
                    tranche_id: Some(head.id),
                    payment_id: Some(payment),
                    kind: if paid { "paid" } else { "release_reversed" },
                    amount: head.amount,
                    actor_id: user.id,
                    key: Some(key),
                },
            )
            .await?;
            let audit_action = if paid {
                AuditAction::PaymentConfirmed
            } else {
                AuditAction::PaymentFailed
            };
            audit::record(
                &mut tx,
                audit::Entry::new(Some(user.id), audit_action)
                    .subject("tranche", head.id)
                    .details(serde_json::json!({
                        "plan": head.plan_id,
                        "payment": payment,
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
