use crate::error::AppError;
use crate::wire::notifications::OutboxView;
use leptos::prelude::*;

/// The outbox for admins: messages in `state` ("pending", "sent", "failed"; all otherwise),
/// newest first, `PAGE` at a time, and the totals by state.
#[server(name = LoadOutbox, endpoint = "notifications/outbox")]
pub async fn outbox(state: Option<String>, before: Option<i64>) -> Result<OutboxView, AppError> {
    use crate::db::notifications::outbox;
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, require, respond};
    use crate::wire::notifications::OutboxLine;

    respond(
        async {
            require(&[Role::Admin]).await?;
            let state = state.filter(|s| ["pending", "sent", "failed"].contains(&s.as_str()));
            let mut tx = context()?.db.read().await?;
            let rows = outbox::page(&mut tx, state.as_deref(), before, super::PAGE + 1).await?;
            let (pending, sent, failed) = outbox::counts(&mut tx).await?;
            tx.commit().await?;
            let (rows, older) = super::paged(rows, |row| row.id);
            let lines = rows
                .into_iter()
                .map(|row| OutboxLine {
                    id: row.id,
                    address: row.address,
                    language: row.language,
                    event: crate::domain::notifications::event::Event::from_json(&row.event),
                    state: row.state,
                    attempts: row.attempts,
                    created_at: row.created_at,
                    next_attempt_at: row.next_attempt_at,
                    done_at: row.done_at,
                    last_error: row.last_error,
                })
                .collect();
            Ok(OutboxView {
                lines,
                older,
                pending,
                sent,
                failed,
            })
        }
        .await,
    )
}
