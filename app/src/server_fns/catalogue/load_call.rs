use crate::error::AppError;
use crate::wire::catalogue::CallEdit;
use leptos::prelude::*;

/// One grant call for the edit form, with its terms and the version a save must name.
#[server(endpoint = "catalogue/load_call")]
pub async fn load_call(id: i64) -> Result<CallEdit, AppError> {
    use crate::db::catalogue::calls_admin;
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, require, respond};

    respond(
        async {
            require(&[Role::Admin]).await?;
            let mut tx = context()?.db.read().await?;
            let (version, call, terms) = calls_admin::call(&mut tx, id)
                .await?
                .ok_or(AppError::NotFound)?;
            tx.commit().await?;
            Ok(CallEdit {
                id,
                version,
                call,
                terms,
            })
        }
        .await,
    )
}
