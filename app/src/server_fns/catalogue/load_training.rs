use crate::error::AppError;
use crate::wire::catalogue::TrainingAdmin;
use leptos::prelude::*;

/// One training for the edit form, with the version a save must name.
#[server(endpoint = "catalogue/load_training")]
pub async fn load_training(id: i64) -> Result<TrainingAdmin, AppError> {
    use crate::db::catalogue::catalogue_admin;
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, require, respond};

    respond(
        async {
            require(&[Role::Admin]).await?;
            let mut tx = context()?.db.read().await?;
            let (version, training) = catalogue_admin::training(&mut tx, id)
                .await?
                .ok_or(AppError::NotFound)?;
            tx.commit().await?;
            Ok(TrainingAdmin {
                id,
                version,
                training,
            })
        }
        .await,
    )
}
