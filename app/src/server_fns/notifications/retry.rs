use crate::error::AppError;
use leptos::prelude::*;

/// An admin puts a message that was given up on back in the queue, to be tried at once (after
/// fixing the mail settings, say). A reset link is not resent: its token is gone.
#[server(name = RetryMessage, endpoint = "notifications/retry")]
pub async fn retry_message(message: String) -> Result<(), AppError> {
    use crate::db::notifications::outbox;
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            require(&[Role::Admin]).await?;
            let id = parse_id(&message)?;
            let mut tx = context()?.db.begin().await?;
            if !outbox::retry(&mut tx, id).await? {
                return Err(AppError::Conflict);
            }
            tx.commit().await?;
            redirect("/admin/outbox?state=pending&retried=1");
            Ok(())
        }
        .await,
    )
}
