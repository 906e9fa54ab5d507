use crate::error::AppError;
use crate::wire::money::CallMoney;
use leptos::prelude::*;

/// One call's money for admins and finance: balances from the ledger and every tranche with
/// its payments; each line carries a fresh key for its forms. Reading the payments' details is
/// recorded.
#[server(name = LoadCallMoney, endpoint = "money/call")]
pub async fn load_call_money(call: String) -> Result<CallMoney, AppError> {
    use crate::db::money::money_views::{balances, tranches, Which};
    use crate::db::money::payees;
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, parse_id, require, respond};

    respond(
        async {
            let user = require(&[Role::Admin, Role::Finance]).await?;
            let id = parse_id(&call)?;
            let ctx = context()?;
            let mut tx = ctx.db.read().await?;
            let balances = balances(&mut tx, id)
                .await?
                .into_iter()
                .next()
                .ok_or(AppError::NotFound)?;
            let mut tranches = tranches(&mut tx, Which::Call(id), super::new_key).await?;
            // The release form's choices: each beneficiary's registered details, and the
            // approved suppliers (admins release; finance only reads).
            let suppliers = if user.role == Role::Admin {
                attach_payees(&mut tx, id, &mut tranches).await?;
                payees::suppliers(&mut tx)
                    .await?
                    .into_iter()
                    .filter(|s| s.approved)
                    .collect()
            } else {
                Vec::new()
            };
            tx.commit().await?;
            super::record_payment_read(&ctx.db, user.id, Some(("grant_call", id)), &tranches)
                .await?;
            Ok(CallMoney {
                balances,
                tranches,
                suppliers,
            })
        }
        .await,
    )
}

/// Gives each releasable line its beneficiary's live payment details.
#[cfg(feature = "ssr")]
async fn attach_payees(
    tx: &mut crate::db::Tx,
    call: i64,
    lines: &mut [crate::wire::money::TrancheLine],
) -> Result<(), AppError> {
    use crate::domain::money::tranche::TrancheStatus;
    let payees = crate::db::money::payees::live_for_call(tx, call).await?;
    let owners = crate::db::money::payees::plan_owners(tx, call).await?;
    for line in lines {
        if !matches!(
            line.status,
            TrancheStatus::Scheduled | TrancheStatus::Failed
        ) {
            continue;
        }
        let Some(owner) = owners.get(&line.plan) else {
            continue;
        };
        line.payees = payees
            .iter()
            .filter(|p| p.user_id == *owner)
            .map(|p| p.view.clone())
            .collect();
    }
    Ok(())
}
