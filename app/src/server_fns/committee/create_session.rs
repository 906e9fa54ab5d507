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
    use crate::domain::problem::FieldProblem;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;
    use crate::domain::shared::{form_date, text::FreeText};
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let admin = require(&[Role::Admin]).await?;
            let mut tx = context()?.db.begin().await?;
            let call_id = super::desk::existing_call(&mut tx, &call).await?;
            let date = form_date::required(&held_on);
            let place = FreeText::<PLACE_MAX>::line(&place).map_err(|e| e.shared(PLACE_MAX));
            let (date, place) = match (date, place) {
                (Ok(date), Ok(place)) => {
                    (date, place.map(FreeText::into_string).unwrap_or_default())
                }
                (date, place) => {
                    let mut problems = Vec::new();
                    if let Err(problem) = date {
                        problems.push(FieldProblem::new(Field::HeldOn, problem));
                    }
                    if let Err(problem) = place {
                        problems.push(FieldProblem::new(Field::Place, problem));
                    }
                    return Err(AppError::Validation(problems));
                }
            };
            let (session, new) =
                committee::sessions::create_session(&mut tx, call_id, date, &place, admin.id)
                    .await?;
            // A repeated click (the same day and place) finds the sitting already there.
            if new {
                audit::record(
                    &mut tx,
                    audit::Entry::new(Some(admin.id), AuditAction::ReviewSessionCreated)
                        .subject("review_session", session)
                        .details(
                            serde_json::json!({ "call": call_id, "held_on": date.to_string() }),
                        ),
                )
                .await?;
            }
            tx.commit().await?;
            redirect(&format!("/admin/committee?call={call_id}&done=session"));
            Ok(())
        }
        .await,
    )
}
