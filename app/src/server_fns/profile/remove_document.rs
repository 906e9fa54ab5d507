use crate::error::AppError;
use leptos::prelude::*;

/// Removes one of the applicant's own papers. Another person's id answers 404, like an id that
/// does not exist.
#[server(endpoint = "profile/remove_document")]
pub async fn remove_document(id: i64) -> Result<(), AppError> {
    use crate::db::{audit, holdings};
    use crate::domain::audit::AuditAction;
    use crate::domain::role::Role;
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let user = require(&[Role::Applicant]).await?;
            let mut tx = context()?.db.begin().await?;
            if !holdings::remove_document(&mut tx, user.id, id).await? {
                return Err(AppError::NotFound);
            }
            audit::record(
                &mut tx,
                audit::Entry::new(Some(user.id), AuditAction::ProfileUpdated)
                    .subject("user", user.id)
                    .details(serde_json::json!({ "step": "documents", "removed": id })),
            )
            .await?;
            tx.commit().await?;
            redirect("/profile?saved=documents#documents");
            Ok(())
        }
        .await,
    )
}
