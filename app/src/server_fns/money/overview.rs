use crate::error::AppError;
use crate::wire::money::Balances;
use leptos::prelude::*;

/// Every call's envelope against what is committed, released and paid, from the ledger.
#[server(name = MoneyOverview, endpoint = "money/overview")]
pub async fn money_overview() -> Result<Vec<Balances>, AppError> {
    use crate::db::money::money_views::balances;
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, require, respond};

    respond(
        async {
            require(&[Role::Admin, Role::Finance]).await?;
            let mut tx = context()?.db.read().await?;
            balances(&mut tx, 0).await
        }
        .await,
    )
}
