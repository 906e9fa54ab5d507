use crate::error::AppError;
use leptos::prelude::*;

/// Marks the signed-in person's notifications up to `up_to` (the newest they were shown) as
/// read; any that arrived since stay unread.
#[server(name = MarkRead, endpoint = "notifications/mark_read")]
pub async fn mark_read(up_to: String) -> Result<(), AppError> {
    use crate::db::notifications::inbox;
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let user = require(&Role::ALL).await?;
            let up_to = parse_id(&up_to)?;
            let mut tx = context()?.db.begin().await?;
            inbox::mark_read(&mut tx, user.id, up_to).await?;
            tx.commit().await?;
            redirect("/notifications?read=1");
            Ok(())
        }
        .await,
    )
}
