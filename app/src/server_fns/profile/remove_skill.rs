use crate::error::AppError;
use leptos::prelude::*;

/// Removes one of the applicant's own skills.
#[server(endpoint = "profile/remove_skill")]
pub async fn remove_skill(skill: String, applicant: Option<i64>) -> Result<(), AppError> {
    use crate::db::{profile::holdings, shared::audit};
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::profile::{subject::Subject, subject::EDITORS};
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let me = require(EDITORS).await?;
            let mut tx = context()?.db.begin().await?;
            let subject = Subject::resolve(&mut tx, &me, applicant).await?;
            if !holdings::remove_skill(&mut tx, subject.id, &skill).await? {
                return Err(AppError::NotFound);
            }
            audit::record(
                &mut tx,
                subject
                    .entry(AuditAction::ProfileUpdated)
                    .details(serde_json::json!({ "step": "skills", "removed": skill })),
            )
            .await?;
            tx.commit().await?;
            redirect(&subject.page("saved=skills#skills"));
            Ok(())
        }
        .await,
    )
}
