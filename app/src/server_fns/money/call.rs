use crate::error::AppError;
use crate::wire::money::CallMoney;
use leptos::prelude::*;

/// One call's money for admins and finance: balances from the ledger and every tranche with
/// its payments; each line carries a fresh key for its forms. Reading the payments' details is
/// recorded.
#[server(name = LoadCallMoney, endpoint = "money/call")]
pub async fn load_call_money(call: String) -> Result<CallMoney, AppError> {
    use crate::db::money::money_views::{balances, tranches, Which};
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
            let tranches = tranches(&mut tx, Which::Call(id), super::new_key).await?;
            tx.commit().await?;
            super::record_payment_read(&ctx.db, user.id, Some(("grant_call", id)), &tranches)
                .await?;
            Ok(CallMoney { balances, tranches })
        }
        .await,
    )
}
