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
    use super::command::{finance_desk, run, Command};
    use crate::db::money;
    use crate::db::shared::audit;
    use crate::domain::accounts::role::Role;
    use crate::domain::money::tranche::{
        checker_is_not_maker, note as checked_note, TrancheAction,
    };
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::{Field, Problem};
    use crate::server_fns::{require, respond};

    respond(
        async {
            let user = require(&[Role::Finance]).await?;
            let action = match outcome.trim() {
                "paid" => TrancheAction::ConfirmPaid,
                "failed" => TrancheAction::RecordFailure,
                _ => return Err(AppError::field(Field::Outcome, Problem::OutcomeUnknown)),
            };
            let paid = action == TrancheAction::ConfirmPaid;
            // A failure needs its reason; a confirmation may carry the transfer's reference.
            let note = checked_note(note.as_deref().unwrap_or_default(), !paid)
                .map_err(|problem| AppError::field(Field::Note, problem))?;
            let body = [action.code(), note.as_deref().unwrap_or_default()];
            let command = Command {
                user: &user,
                endpoint: "money/settle",
                action,
                tranche: &tranche,
                key: &key,
                body: &body,
                back: back.as_deref(),
                fallback: finance_desk,
            };
            run(command, async |tx, moved| {
                let head = moved.head;
                let (payment, maker) = head.live_payment.ok_or(AppError::Conflict)?;
                checker_is_not_maker(maker, moved.actor).map_err(AppError::form)?;
                let (status, reference, failure) = if paid {
                    ("paid", note.as_deref(), None)
                } else {
                    ("failed", None, note.as_deref())
                };
                if !money::tranches::settle_payment(
                    tx,
                    payment,
                    status,
                    moved.actor,
                    reference,
                    failure,
                )
                .await?
                {
                    return Err(AppError::Conflict);
                }
                let kind = if paid { "paid" } else { "release_reversed" };
                money::ledger(tx, &moved.ledger_entry(kind, Some(payment))).await?;
                let audit_action = if paid {
                    AuditAction::PaymentConfirmed
                } else {
                    AuditAction::PaymentFailed
                };
                audit::record(
                    tx,
                    audit::Entry::new(Some(moved.actor), audit_action)
                        .subject("tranche", head.id)
                        .details(serde_json::json!({
                            "plan": head.plan_id,
                            "payment": payment,
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
