use crate::error::AppError;
use leptos::prelude::*;

/// The applicant asks for a seat in an upcoming training they are eligible for. Asking again
/// after withdrawing reopens the same request; anything else already on file is refused.
#[server(name = RequestSeat, endpoint = "enrolments/request")]
pub async fn request_seat(training: String) -> Result<(), AppError> {
    use crate::db::{catalogue, enrolments, profile::profiles, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::enrolments::enrolment::{may_request, EnrolmentAction, EnrolmentStatus};
    use crate::domain::matching::eligibility::assess;
    use crate::domain::shared::audit::AuditAction;

    use crate::domain::enrolments::problem::EnrolmentsProblem;
    use crate::domain::shared::workflow::Workflow;
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let user = require(&[Role::Applicant]).await?;
            let training_id = parse_id(&training)?;
            let today = crate::db::now().date();
            let mut tx = context()?.db.begin().await?;
            crate::server_fns::profile::require_consent(&mut tx, user.id).await?;
            let offer = catalogue::training(&mut tx, training_id)
                .await?
                .ok_or(AppError::NotFound)?;
            let seats = enrolments::seats_of(&mut tx, training_id)
                .await?
                .ok_or(AppError::NotFound)?;
            let facts = profiles::facts(&mut tx, user.id).await?;
            let eligibility =
                assess(&offer.rules(), &facts, offer.assessed_on(today)).eligibility();
            may_request(&offer, eligibility, seats, today).map_err(AppError::form)?;
            let id = match enrolments::of_user_for(&mut tx, user.id, training_id).await? {
                None => enrolments::create(&mut tx, user.id, training_id)
                    .await?
                    .ok_or(AppError::form(EnrolmentsProblem::AlreadyRequested))?,
                Some(existing) if existing.status == EnrolmentStatus::Withdrawn => {
                    let to =
                        existing
                            .status
                            .apply(EnrolmentAction::Request, Role::Applicant, &())?;
                    let step = enrolments::Step {
                        enrolment_id: existing.id,
                        training_id,
                        actor_id: user.id,
                        from: existing.status,
                        to,
                        decided_by: None,
                    };
                    step.take(&mut tx).await?;
                    existing.id
                }
                Some(_) => {
                    return Err(AppError::form(EnrolmentsProblem::AlreadyRequested));
                }
            };
            audit::record(
                &mut tx,
                audit::Entry::new(Some(user.id), AuditAction::EnrolmentRequested)
                    .subject("enrolment", id)
                    .details(serde_json::json!({ "training": training_id })),
            )
            .await?;
            tx.commit().await?;
            redirect("/enrolments?saved=requested");
            Ok(())
        }
        .await,
    )
}
