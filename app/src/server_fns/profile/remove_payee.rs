use crate::error::AppError;
use leptos::prelude::*;

/// Removes one of the subject's live payment details (kept, retired: payments point at them).
#[server(endpoint = "profile/remove_payee")]
pub async fn remove_payee(id: i64, applicant: Option<i64>) -> Result<(), AppError> {
    use crate::db::{money::payees, shared::audit};
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::profile::{subject::Subject, subject::EDITORS};
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let me = require(EDITORS).await?;
            let mut tx = context()?.db.begin().await?;
            let subject = Subject::resolve(&mut tx, &me, applicant).await?;
            if !payees::retire(&mut tx, subject.id, id).await? {
                return Err(AppError::NotFound);
            }
            audit::record(
                &mut tx,
                subject
                    .entry(AuditAction::PayeeRemoved)
                    .details(serde_json::json!({ "payee": id })),
            )
            .await?;
            tx.commit().await?;
            redirect(&subject.page("saved=payees#payees"));
            Ok(())
        }
        .await,
    )
}
