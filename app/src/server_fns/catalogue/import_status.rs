use crate::error::AppError;
use crate::wire::catalogue::ImportView;
use leptos::prelude::*;

/// Where a CSV import stands, for its status page.
#[server(name = ImportStatusOf, endpoint = "catalogue/import_status")]
pub async fn import_status(id: i64) -> Result<ImportView, AppError> {
    use crate::db::catalogue::catalogue_imports;
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, require, respond};

    respond(
        async {
            require(&[Role::Admin]).await?;
            let mut tx = context()?.db.read().await?;
            let import = catalogue_imports::find(&mut tx, id)
                .await?
                .ok_or(AppError::NotFound)?;
            tx.commit().await?;
            Ok(import)
        }
        .await,
    )
}
