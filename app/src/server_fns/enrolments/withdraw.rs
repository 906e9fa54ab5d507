use crate::error::AppError;
use leptos::prelude::*;

/// The applicant gives up a request or a seat before the training starts; a held seat is free
/// again at once. Only their own enrolments: any other id is not found.
#[server(name = WithdrawSeat, endpoint = "enrolments/withdraw")]
pub async fn withdraw_seat(enrolment: String) -> Result<(), AppError> {
    use crate::db::{catalogue, enrolments, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::enrolments::enrolment::{may_withdraw, seat_change, EnrolmentAction};
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let user = require(&[Role::Applicant]).await?;
            let id = parse_id(&enrolment)?;
            let mut tx = context()?.db.begin().await?;
            let current = enrolments::by_id(&mut tx, id)
                .await?
                .filter(|e| e.user_id == user.id)
                .ok_or(AppError::NotFound)?;
            let to = current
                .status
                .apply(EnrolmentAction::Withdraw, Role::Applicant)
                .map_err(super::refused)?;
            let training = catalogue::training(&mut tx, current.training_id)
                .await?
                .ok_or(AppError::NotFound)?;
            may_withdraw(&training, crate::db::now().date())
                .map_err(|problem| AppError::field(Field::Form, problem))?;
            if !enrolments::transition(&mut tx, id, current.status, to, None).await? {
                return Err(AppError::Conflict);
            }
            let change = seat_change(current.status, to);
            if !enrolments::move_seats(&mut tx, current.training_id, change).await? {
                tracing::error!(id, "a seat count that cannot move back");
                return Err(AppError::Internal);
            }
            audit::record(
                &mut tx,
                audit::Entry::new(Some(user.id), AuditAction::EnrolmentWithdrawn)
                    .subject("enrolment", id)
                    .details(serde_json::json!({ "from": current.status.code() })),
            )
            .await?;
            tx.commit().await?;
            redirect("/enrolments?saved=withdrawn");
            Ok(())
        }
        .await,
    )
}
