use crate::error::AppError;
use leptos::prelude::*;

/// The plan's mentor logs a session held with the applicant (who sees it on the plan's
/// activity). Only the assigned mentor; every field is checked and named if wrong.
#[server(name = LogSession, endpoint = "mentoring/log_session")]
pub async fn log_session(
    plan: String,
    held_on: String,
    minutes: String,
    topics: String,
    next_steps: String,
    back: Option<String>,
) -> Result<(), AppError> {
    use crate::db::{mentoring, plans, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::mentoring::Session;
    use crate::domain::plans::plan::Viewer;
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::plans::activity::started_on;
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let user = require(&[Role::Mentor]).await?;
            let id = parse_id(&plan)?;
            let mut tx = context()?.db.begin().await?;
            let (_, viewer) = plans::visible(&mut tx, id, &user)
                .await?
                .ok_or(AppError::NotFound)?;
            if viewer != Viewer::Mentor {
                return Err(AppError::NotFound);
            }
            let today = crate::db::now().date();
            let started = started_on(&mut tx, id).await?;
            let session = Session::parse(&held_on, &minutes, &topics, &next_steps, today, started)
                .map_err(AppError::Validation)?;
            let logged = mentoring::add_session(&mut tx, id, user.id, &session).await?;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(user.id), AuditAction::SessionLogged)
                    .subject("plan", id)
                    .details(serde_json::json!({
                        "session": logged,
                        "held_on": session.held_on.to_string(),
                        "minutes": session.minutes,
                    })),
            )
            .await?;
            tx.commit().await?;
            redirect(&crate::server_fns::plans::back_to(
                back.as_deref(),
                id,
                "session",
            ));
            Ok(())
        }
        .await,
    )
}
