use crate::error::AppError;
use crate::wire::notifications::Inbox;
use leptos::prelude::*;

/// The signed-in person's notifications, newest first, `PAGE` at a time (`before`: the id the
/// previous page ended before).
#[server(name = MyNotifications, endpoint = "notifications/mine")]
pub async fn my_notifications(before: Option<i64>) -> Result<Inbox, AppError> {
    use crate::db::notifications::inbox;
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, require, respond};
    use crate::wire::notifications::NotificationLine;

    respond(
        async {
            let user = require(&Role::ALL).await?;
            let mut tx = context()?.db.read().await?;
            let rows = inbox::page(&mut tx, user.id, before, super::PAGE + 1).await?;
            let unread = inbox::unread(&mut tx, user.id).await?;
            tx.commit().await?;
            let (rows, older) = super::paged(rows, |row| row.id);
            let lines = rows.into_iter().map(NotificationLine::from_row).collect();
            Ok(Inbox {
                lines,
                older,
                unread,
            })
        }
        .await,
    )
}
