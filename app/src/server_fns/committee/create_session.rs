use crate::error::AppError;
use leptos::prelude::*;

/// An admin schedules a sitting of a call's committee: its date and place.
#[server(name = CreateReviewSession, endpoint = "committee/create_session")]
pub async fn create_review_session(
    call: String,
    held_on: String,
    place: String,
) -> Result<(), AppError> {
    use crate::db::{committee, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::committee::PLACE_MAX;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::{Field, FieldProblem, Problem};
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let admin = require(&[Role::Admin]).await?;
            let mut tx = context()?.db.begin().await?;
            let call_id = super::desk::existing_call(&mut tx, &call).await?;
            let date = crate::domain::mentoring::parse_date(&held_on);
            let place = place.trim();
            let mut problems = Vec::new();
            if let Err(problem) = date {
                problems.push(FieldProblem::new(Field::HeldOn, problem));
            }
            if place.chars().count() > PLACE_MAX || place.chars().any(char::is_control) {
                problems.push(FieldProblem::new(
                    Field::Place,
                    Problem::TextTooLong { max: PLACE_MAX },
                ));
            }
            let date = match date {
                Ok(date) if problems.is_empty() => date,
                _ => return Err(AppError::Validation(problems)),
            };
            let session =
                committee::sessions::create_session(&mut tx, call_id, date, place, admin.id)
                    .await?;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(admin.id), AuditAction::ReviewSessionCreated)
                    .subject("review_session", session)
                    .details(serde_json::json!({ "call": call_id, "held_on": date.to_string() })),
            )
            .await?;
            tx.commit().await?;
            redirect(&format!("/admin/committee?call={call_id}&done=session"));
            Ok(())
        }
        .await,
    )
}
