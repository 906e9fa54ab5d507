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
    use super::command::{call_page, run, Command};
    use crate::domain::accounts::role::Role;
    use crate::domain::money::tranche::{note, TrancheAction};
    use crate::domain::shared::problem::Field;
    use crate::server_fns::{require, respond};

    respond(
        async {
            let user = require(&[Role::Admin]).await?;
            let reason = note(&reason, true)
                .map_err(|problem| AppError::field(Field::Reason, problem))?
                .unwrap_or_default();
            let command = Command {
                user: &user,
                endpoint: "money/cancel",
                action: TrancheAction::Cancel,
                tranche: &tranche,
                key: &key,
                body: &["cancel", &reason],
                back: back.as_deref(),
                fallback: call_page,
            };
            run(command, async |tx, moved| cancel(tx, moved, &reason).await).await
        }
        .await,
    )
}

/// The live payment, if any, cancelled with its ledger reversal; the amount given back to the
/// envelope; the audit row.
#[cfg(feature = "ssr")]
async fn cancel(
    tx: &mut crate::db::Tx,
    moved: &super::command::Moved<'_>,
    reason: &str,
) -> Result<Option<i64>, AppError> {
    use crate::db::money::tranches::settle_payment;
    use crate::db::{money, shared::audit};
    use crate::domain::shared::audit::AuditAction;
    let head = moved.head;
    let payment = head.live_payment.map(|(payment, _)| payment);
    if let Some(payment) = payment {
        if !settle_payment(tx, payment, "cancelled", moved.actor, None, Some(reason)).await? {
            return Err(AppError::Conflict);
        }
        money::ledger(tx, &moved.ledger_entry("release_reversed", Some(payment))).await?;
    }
    money::ledger(tx, &moved.ledger_entry("decommitted", None)).await?;
    money::uncommit(tx, head.call_id, head.amount).await?;
    let entry = audit::Entry::new(Some(moved.actor), AuditAction::TrancheCancelled)
        .subject("tranche", head.id)
        .details(serde_json::json!({
            "plan": head.plan_id,
            "from": head.status.code(),
            "payment": payment,
            "amount_centimes": head.amount.centimes(),
        }));
    audit::record(tx, entry).await?;
    Ok(payment)
}
