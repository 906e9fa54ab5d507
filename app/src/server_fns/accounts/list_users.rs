use crate::error::AppError;
use crate::wire::accounts::UserSummary;
use leptos::prelude::*;

/// Every account, newest first.
#[server(endpoint = "accounts/list_users")]
pub async fn list_users() -> Result<Vec<UserSummary>, AppError> {
    use crate::db::accounts::users;
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, require, respond};

    respond(
        async {
            require(&[Role::Admin]).await?;
            let mut tx = context()?.db.read().await?;
            let rows = users::list(&mut tx).await?;
            tx.commit().await?;
            rows.iter().map(|row| row.summary()).collect()
        }
        .await,
    )
}
