use crate::error::AppError;
use crate::wire::catalogue::CallAdmin;
use leptos::prelude::*;

/// Every grant call with its review terms, opening soonest first.
#[server(endpoint = "catalogue/list_calls")]
pub async fn list_calls() -> Result<Vec<CallAdmin>, AppError> {
    use crate::db::catalogue::catalogue_admin;
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, require, respond};

    respond(
        async {
            require(&[Role::Admin]).await?;
            let mut tx = context()?.db.read().await?;
            let calls = catalogue_admin::all_calls(&mut tx).await?;
            tx.commit().await?;
            Ok(calls
                .into_iter()
                .map(|(id, call, terms)| CallAdmin { id, call, terms })
                .collect())
        }
        .await,
    )
}
