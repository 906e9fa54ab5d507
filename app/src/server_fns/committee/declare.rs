use crate::error::AppError;
use leptos::prelude::*;

/// A member declares, once per plan, whether they have a conflict of interest in it ("yes"
/// recuses them). Append-only: a second declaration is a conflict.
#[server(name = DeclareConflict, endpoint = "committee/declare")]
pub async fn declare_conflict(
    plan: String,
    conflicted: Option<String>,
    note: Option<String>,
) -> Result<(), AppError> {
    use crate::db::{committee, shared::audit};
    use crate::domain::committee::parse_declaration;
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::{context, parse_id, redirect, respond};

    respond(
        async {
            let user = super::require_member().await?;
            let id = parse_id(&plan)?;
            let mut tx = context()?.db.begin().await?;
            super::member_plan(&mut tx, id, &user).await?;
            let (conflicted, note) = parse_declaration(
                conflicted.as_deref().unwrap_or_default(),
                note.as_deref().unwrap_or_default(),
            )
            .map_err(AppError::Validation)?;
            committee::sheets::declare(&mut tx, id, user.id, conflicted, &note).await?;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(user.id), AuditAction::ConflictDeclared)
                    .subject("plan", id)
                    .details(serde_json::json!({ "conflicted": conflicted })),
            )
            .await?;
            tx.commit().await?;
            redirect(&format!("/committee/review?plan={id}&saved=declared"));
            Ok(())
        }
        .await,
    )
}
