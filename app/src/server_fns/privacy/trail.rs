use crate::error::AppError;
use crate::wire::privacy::Trail;
use leptos::prelude::*;

/// For admins: one page of the audit trail, newest first, narrowed by who acted (a part of a
/// name or address), the action, the record (its kind, and its number) and the days. A GET,
/// so the plain filter form and the "older entries" link work without a script. Reading the
/// trail is not itself recorded (every page would add to what it shows); taking it away as a
/// file is (`trail_csv`).
#[server(name = AuditTrail, endpoint = "privacy/trail", input = server_fn::codec::GetUrl)]
pub async fn audit_trail(
    #[server(default)] actor: String,
    #[server(default)] action: String,
    #[server(default)] kind: String,
    #[server(default)] subject: String,
    #[server(default)] from: String,
    #[server(default)] to: String,
    #[server(default)] before: String,
) -> Result<Trail, AppError> {
    use crate::db::privacy::trail;
    use crate::domain::accounts::role::Role;
    use crate::domain::privacy::trail::{TrailFilter, TrailForm, PAGE_SIZE};
    use crate::server_fns::{context, require, respond};

    respond(
        async {
            require(&[Role::Admin]).await?;
            let form = TrailForm {
                actor,
                action,
                kind,
                subject,
                from,
                to,
                before,
            };
            let filter = TrailFilter::parse(&form).map_err(AppError::Validation)?;
            let ctx = context()?;
            let mut tx = ctx.db.read().await?;
            let mut rows = trail::entries(&mut tx, &filter, PAGE_SIZE + 1).await?;
            let total = trail::count(&mut tx, &filter).await?;
            tx.commit().await?;
            let older = (rows.len() > PAGE_SIZE).then(|| {
                rows.truncate(PAGE_SIZE);
                rows.last().map(|row| row.id)
            });
            Ok(Trail {
                entries: rows.into_iter().map(entry).collect(),
                total,
                older: older.flatten(),
            })
        }
        .await,
    )
}

/// A row as the page shows it.
#[cfg(feature = "ssr")]
pub(crate) fn entry(row: crate::db::privacy::trail::TrailRow) -> crate::wire::privacy::TrailEntry {
    use crate::wire::privacy::{TrailActor, TrailEntry};
    let actor = match (row.actor_id, row.actor_email) {
        (Some(_), Some(email)) => Some(TrailActor {
            name: row.actor_name.filter(|name| !name.trim().is_empty()),
            email,
            role: row.actor_role.and_then(|role| role.parse().ok()),
        }),
        _ => None,
    };
    TrailEntry {
        id: row.id,
        at: row.at,
        action: row.action.parse().ok(),
        code: row.action,
        actor,
        kind: row.subject_type,
        subject: row.subject_id,
        details: row.details,
    }
}
