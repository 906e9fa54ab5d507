use crate::error::AppError;
use crate::wire::privacy::ErasureLine;
use leptos::prelude::*;

/// How many closed requests the page lists (newest first), after every waiting one.
#[cfg(feature = "ssr")]
const CLOSED_SHOWN: i64 = 50;

/// For admins: erasure requests waiting for a second admin (oldest first), then the latest
/// closed ones.
#[server(name = Erasures, endpoint = "privacy/erasures", input = server_fn::codec::GetUrl)]
pub async fn erasures() -> Result<Vec<ErasureLine>, AppError> {
    use crate::db::privacy::erasure;
    use crate::domain::accounts::role::Role;
    use crate::domain::privacy::erasure::{ErasureReason, ErasureStatus};
    use crate::server_fns::{context, require, respond};

    respond(
        async {
            let me = require(&[Role::Admin]).await?;
            let mut tx = context()?.db.read().await?;
            let rows = erasure::requests(&mut tx, CLOSED_SHOWN).await?;
            tx.commit().await?;
            rows.into_iter()
                .map(|row| {
                    Ok(ErasureLine {
                        id: row.id,
                        person: row.user_id,
                        name: row.person,
                        reason: ErasureReason::from_code(&row.reason).ok_or(AppError::Internal)?,
                        note: row.note,
                        requester: row.requester.unwrap_or_default(),
                        asked_by_me: row.requested_by == me.id,
                        requested_at: row.requested_at,
                        status: ErasureStatus::from_code(&row.status).ok_or(AppError::Internal)?,
                        decider: row.decider,
                        decided_at: row.decided_at,
                    })
                })
                .collect()
        }
        .await,
    )
}
