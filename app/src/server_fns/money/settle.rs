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
    use crate::domain::accounts::role::Role;
    use crate::domain::money::tranche::{note as checked_note, TrancheAction};
    use crate::domain::shared::problem::Field;

    use crate::domain::committee::problem::CommitteeProblem;
    use crate::server_fns::{require, respond};

    respond(
        async {
            let user = require(&[Role::Finance]).await?;
            let action = match outcome.trim() {
                "paid" => TrancheAction::ConfirmPaid,
                "failed" => TrancheAction::RecordFailure,
                _ => {
                    return Err(AppError::field(
                        Field::Outcome,
                        CommitteeProblem::OutcomeUnknown,
                    ))
                }
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
                settle(tx, moved, paid, note.as_deref()).await
            })
            .await
        }
        .await,
    )
}

/// The live payment settled (by someone who did not release it), its ledger entry and its
/// audit row.
#[cfg(feature = "ssr")]
async fn settle(
    tx: &mut crate::db::Tx,
    moved: &super::command::Moved<'_>,
    paid: bool,
    note: Option<&str>,
) -> Result<Option<i64>, AppError> {
    use crate::db::money::tranches::settle_payment;
    use crate::db::{money, shared::audit};
    use crate::domain::money::tranche::checker_is_not_maker;
    use crate::domain::shared::audit::AuditAction;
    let head = moved.head;
    let (payment, maker) = head.live_payment.ok_or(AppError::Conflict)?;
    let makers = crate::db::accounts::users::made_by(tx, moved.actor).await?;
    checker_is_not_maker(maker, moved.actor, &makers).map_err(AppError::form)?;
    let (status, reference, failure, kind, action) = if paid {
        let action = AuditAction::PaymentConfirmed;
        ("paid", note, None, "paid", action)
    } else {
        let action = AuditAction::PaymentFailed;
        ("failed", None, note, "release_reversed", action)
    };
    if !settle_payment(tx, payment, status, moved.actor, reference, failure).await? {
        return Err(AppError::Conflict);
    }
    money::ledger(tx, &moved.ledger_entry(kind, Some(payment))).await?;
    let entry = audit::Entry::new(Some(moved.actor), action)
        .subject("tranche", head.id)
        .details(serde_json::json!({
            "plan": head.plan_id,
            "payment": payment,
            "amount_centimes": head.amount.centimes(),
        }));
    audit::record(tx, entry).await?;
    Ok(Some(payment))
}
