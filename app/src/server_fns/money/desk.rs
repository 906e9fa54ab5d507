use crate::error::AppError;
use crate::wire::money::FinanceDesk;
use leptos::prelude::*;

/// The finance officer's desk: payments awaiting confirmation, oldest first, and every call's
/// balances. Reading the payments' details is recorded.
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
            let awaiting = tranches(&mut tx, Which::Awaiting, super::new_key).await?;
            let calls = balances(&mut tx, 0).await?;
            tx.commit().await?;
            super::record_payment_read(&ctx.db, user.id, None, &awaiting).await?;
            Ok(FinanceDesk { awaiting, calls })
        }
        .await,
    )
}
