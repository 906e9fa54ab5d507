use crate::error::AppError;
use leptos::prelude::*;

/// The applicant gives up a request or a seat before the training starts; a held seat is free
/// again at once. Only their own enrolments: any other id is not found.
#[server(name = WithdrawSeat, endpoint = "enrolments/withdraw")]
pub async fn withdraw_seat(enrolment: String) -> Result<(), AppError> {
    use crate::db::catalogue;
    use crate::db::enrolments::{self, Step};
    use crate::domain::accounts::role::Role;
    use crate::domain::enrolments::enrolment::{may_withdraw, EnrolmentAction};
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::workflow::Workflow;
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
                .apply(EnrolmentAction::Withdraw, Role::Applicant, &())?;
            let training = catalogue::training(&mut tx, current.training_id)
                .await?
                .ok_or(AppError::NotFound)?;
            may_withdraw(training.starts_on, crate::db::now().date()).map_err(AppError::form)?;
            let step = Step {
                enrolment_id: id,
                training_id: current.training_id,
                actor_id: user.id,
                from: current.status,
                to,
                decided_by: None,
            };
            step.take(&mut tx).await?;
            step.record(&mut tx, AuditAction::EnrolmentWithdrawn)
                .await?;
            tx.commit().await?;
            redirect("/enrolments?saved=withdrawn");
            Ok(())
        }
        .await,
    )
}
