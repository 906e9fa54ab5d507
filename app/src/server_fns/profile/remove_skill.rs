use crate::error::AppError;
use leptos::prelude::*;

/// Removes one of the applicant's own skills.
#[server(endpoint = "profile/remove_skill")]
pub async fn remove_skill(skill: String) -> Result<(), AppError> {
    use crate::db::{audit, holdings};
    use crate::domain::audit::AuditAction;
    use crate::domain::role::Role;
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let user = require(&[Role::Applicant]).await?;
            let mut tx = context()?.db.begin().await?;
            if !holdings::remove_skill(&mut tx, user.id, &skill).await? {
                return Err(AppError::NotFound);
            }
            audit::record(
                &mut tx,
                audit::Entry::new(Some(user.id), AuditAction::ProfileUpdated)
                    .subject("user", user.id)
                    .details(serde_json::json!({ "step": "skills", "removed": skill })),
            )
            .await?;
            tx.commit().await?;
            redirect("/profile?saved=skills#skills");
            Ok(())
        }
        .await,
    )
}
