use crate::error::AppError;
use leptos::prelude::*;

/// An admin confirms a request (taking a seat, never past the last one), declines it, or
/// records that an enrolled person completed the training — which opens the calls asking for
/// it. A request someone else already decided answers a conflict.
#[server(name = DecideEnrolment, endpoint = "enrolments/decide")]
pub async fn decide_enrolment(enrolment: String, action: String) -> Result<(), AppError> {
    use crate::db::{catalogue, enrolments, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::enrolments::enrolment::{may_complete, seat_change, EnrolmentAction};
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::{Field, Problem};
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let admin = require(&[Role::Admin]).await?;
            let id = parse_id(&enrolment)?;
            let action = EnrolmentAction::from_code(&action).ok_or(AppError::Forbidden)?;
            let mut tx = context()?.db.begin().await?;
            let current = enrolments::by_id(&mut tx, id)
                .await?
                .ok_or(AppError::NotFound)?;
            let to = current
                .status
                .apply(action, admin.role)
                .map_err(super::refused)?;
            if action == EnrolmentAction::Complete {
                let training = catalogue::training(&mut tx, current.training_id)
                    .await?
                    .ok_or(AppError::NotFound)?;
                may_complete(&training, crate::db::now().date())
                    .map_err(|problem| AppError::field(Field::Form, problem))?;
            }
            if !enrolments::transition(&mut tx, id, current.status, to, Some(admin.id)).await? {
                return Err(AppError::Conflict);
            }
            let change = seat_change(current.status, to);
            if !enrolments::move_seats(&mut tx, current.training_id, change).await? {
                return Err(AppError::field(Field::Form, Problem::TrainingFull));
            }
            audit::record(
                &mut tx,
                audit::Entry::new(Some(admin.id), AuditAction::EnrolmentDecided)
                    .subject("enrolment", id)
                    .details(serde_json::json!({
                        "training": current.training_id,
                        "from": current.status.code(),
                        "to": to.code(),
                    })),
            )
            .await?;
            tx.commit().await?;
            redirect(&format!(
                "/admin/enrolments?status={}&saved={}",
                current.status.code(),
                action.code()
            ));
            Ok(())
        }
        .await,
    )
}
