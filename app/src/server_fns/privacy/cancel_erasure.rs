use crate::error::AppError;
use leptos::prelude::*;

/// Any admin cancels a request still waiting (the one who asked, or the one who would have
/// carried it out); its note goes.
#[server(name = CancelErasure, endpoint = "privacy/cancel_erasure")]
pub async fn cancel_erasure(request: String) -> Result<(), AppError> {
    use crate::db::{privacy::erasure, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::privacy::erasure::ErasureStatus;
    use crate::domain::privacy::problem::PrivacyProblem;
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let me = require(&[Role::Admin]).await?;
            let id = parse_id(&request)?;
            let mut tx = context()?.db.begin().await?;
            let row = erasure::request(&mut tx, id)
                .await?
                .ok_or(AppError::NotFound)?;
            if !erasure::close(&mut tx, id, ErasureStatus::Cancelled.code(), me.id).await? {
                return Err(AppError::form(PrivacyProblem::ErasureNotPending));
            }
            audit::record(
                &mut tx,
                audit::Entry::new(Some(me.id), AuditAction::ErasureCancelled)
                    .subject("user", row.user_id)
                    .details(serde_json::json!({ "request": id })),
            )
            .await?;
            tx.commit().await?;
            redirect("/admin/erasures?saved=cancelled");
            Ok(())
        }
        .await,
    )
}
