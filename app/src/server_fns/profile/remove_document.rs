use crate::error::AppError;
use leptos::prelude::*;

/// Removes one of the applicant's own papers. Another person's id answers 404, like an id that
/// does not exist.
#[server(endpoint = "profile/remove_document")]
pub async fn remove_document(id: i64, applicant: Option<i64>) -> Result<(), AppError> {
    use crate::db::{profile::holdings, shared::audit};
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::profile::{subject::Subject, subject::EDITORS};
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let me = require(EDITORS).await?;
            let mut tx = context()?.db.begin().await?;
            let subject = Subject::resolve(&mut tx, &me, applicant).await?;
            if !holdings::remove_document(&mut tx, subject.id, id).await? {
                return Err(AppError::NotFound);
            }
            audit::record(
                &mut tx,
                subject
                    .entry(AuditAction::ProfileUpdated)
                    .details(serde_json::json!({ "step": "documents", "removed": id })),
            )
            .await?;
            tx.commit().await?;
            redirect(&subject.page("saved=documents#documents"));
            Ok(())
        }
        .await,
    )
}
