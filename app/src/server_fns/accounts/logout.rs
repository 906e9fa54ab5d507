use crate::error::AppError;
use leptos::prelude::*;

/// Ends the session (deleted from the database, cookie cleared).
#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::db::shared::audit;
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::{auth_session, context, redirect, respond};

    respond(
        async {
            let mut session = auth_session().await?;
            if let Some(user) = session.user.clone() {
                let ctx = context()?;
                let mut tx = ctx.db.begin().await?;
                audit::record(
                    &mut tx,
                    audit::Entry::new(Some(user.id), AuditAction::LoggedOut),
                )
                .await?;
                tx.commit().await?;
            }
            session.logout().await.map_err(|_| AppError::Internal)?;
            redirect("/login?signed_out=1");
            Ok(())
        }
        .await,
    )
}
