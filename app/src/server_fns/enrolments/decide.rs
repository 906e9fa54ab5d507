use crate::error::AppError;
use leptos::prelude::*;

/// An admin confirms a request (taking a seat, never past the last one), declines it, or
/// records that an enrolled person completed the training — which opens the calls asking for
/// it. A request someone else already decided answers a conflict.
#[server(name = DecideEnrolment, endpoint = "enrolments/decide")]
pub async fn decide_enrolment(enrolment: String, action: String) -> Result<(), AppError> {
    use crate::db::catalogue;
    use crate::db::enrolments::{self, Step};
    use crate::db::notifications::notify;
    use crate::domain::accounts::role::Role;
    use crate::domain::enrolments::enrolment::{may_complete, EnrolmentAction};
    use crate::domain::notifications::event::Event;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::workflow::Workflow;
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
            let to = current.status.apply(action, admin.role, &())?;
            let training = catalogue::training(&mut tx, current.training_id)
                .await?
                .ok_or(AppError::NotFound)?;
            if action == EnrolmentAction::Complete {
                may_complete(&training, crate::db::now().date()).map_err(AppError::form)?;
            }
            let step = Step {
                enrolment_id: id,
                training_id: current.training_id,
                actor_id: admin.id,
                from: current.status,
                to,
                decided_by: Some(admin.id),
            };
            step.take(&mut tx).await?;
            step.record(&mut tx, AuditAction::EnrolmentDecided).await?;
            let title = training.title;
            let event = match action {
                EnrolmentAction::Confirm => Some(Event::EnrolmentConfirmed { training: title }),
                EnrolmentAction::Decline => Some(Event::EnrolmentDeclined { training: title }),
                _ => None,
            };
            if let Some(event) = event {
                notify(&mut tx, current.user_id, &event).await?;
            }
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
