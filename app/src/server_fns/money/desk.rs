use crate::error::AppError;
use crate::wire::money::FinanceDesk;
use leptos::prelude::*;

/// The finance officer's desk: payments awaiting confirmation, oldest first, every call's
/// balances, and payment details registered recently that wait for a second staff member's
/// confirmation. Reading the payments' details is recorded.
#[server(name = FinanceDeskLoad, endpoint = "money/desk")]
pub async fn finance_desk() -> Result<FinanceDesk, AppError> {
    use crate::db::money::money_views::{balances, tranches, Which};
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, require, respond};

    respond(
        async {
            let user = require(&[Role::Finance]).await?;
            let ctx = context()?;
            let mut tx = ctx.db.read().await?;
            let mut awaiting = tranches(&mut tx, Which::Awaiting, super::new_key).await?;
            refuse_what_is_not_theirs(&mut tx, user.id, &mut awaiting).await?;
            let calls = balances(&mut tx, 0).await?;
            let to_confirm = crate::db::money::payees::to_confirm(&mut tx).await?;
            tx.commit().await?;
            super::record_payment_read(&ctx.db, user.id, None, &awaiting).await?;
            Ok(FinanceDesk {
                awaiting,
                calls,
                to_confirm,
                me: user.id,
            })
        }
        .await,
    )
}

/// Marks the payments `checker` may not settle, with the reason the desk shows instead of the
/// forms (the same rule `settle` applies).
#[cfg(feature = "ssr")]
async fn refuse_what_is_not_theirs(
    tx: &mut crate::db::Tx,
    checker: i64,
    lines: &mut [crate::wire::money::TrancheLine],
) -> Result<(), AppError> {
    use crate::db::{accounts::users, money::tranches};
    use crate::domain::money::tranche::checker_is_not_maker;
    let makers = users::made_by(tx, checker).await?;
    let released_by: std::collections::HashMap<i64, i64> =
        tranches::awaiting_makers(tx).await?.into_iter().collect();
    for line in lines {
        if let Some(&maker) = released_by.get(&line.id) {
            line.settle_refused = checker_is_not_maker(maker, checker, &makers).err();
        }
    }
    Ok(())
}
