use crate::error::AppError;
use crate::wire::money::FinanceDesk;
use leptos::prelude::*;

/// The finance officer's desk: payments awaiting confirmation, oldest first, and every call's
/// balances.
#[server(name = FinanceDeskLoad, endpoint = "money/desk")]
pub async fn finance_desk() -> Result<FinanceDesk, AppError> {
    use crate::db::money::money_views::{balances, tranches, Which};
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, require, respond};

    respond(
        async {
            require(&[Role::Finance]).await?;
            let mut tx = context()?.db.read().await?;
            let awaiting = tranches(&mut tx, Which::Awaiting, super::new_key).await?;
            let calls = balances(&mut tx, 0).await?;
            Ok(FinanceDesk { awaiting, calls })
        }
        .await,
    )
}
