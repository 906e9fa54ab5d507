use crate::error::AppError;
use leptos::prelude::*;

/// Removes one job of the subject's work history. Another person's job answers 404, like an id
/// that does not exist, and nothing is deleted.
#[server(endpoint = "profile/remove_work")]
pub async fn remove_work(id: i64, applicant: Option<i64>) -> Result<(), AppError> {
    use crate::db::{profile::work, shared::audit};
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::profile::{subject::Subject, subject::EDITORS};
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let me = require(EDITORS).await?;
            let mut tx = context()?.db.begin().await?;
            let subject = Subject::resolve(&mut tx, &me, applicant).await?;
            if !work::remove_job(&mut tx, subject.id, id).await? {
                return Err(AppError::NotFound);
            }
            audit::record(
                &mut tx,
                subject
                    .entry(AuditAction::ProfileUpdated)
                    .details(serde_json::json!({ "step": "work", "removed": id })),
            )
            .await?;
            tx.commit().await?;
            redirect(&subject.page("saved=work#work"));
            Ok(())
        }
        .await,
    )
}
