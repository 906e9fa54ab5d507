use crate::error::AppError;
use leptos::prelude::*;

/// A step in the plan's life by its owner (submit, resubmit, withdraw) or its mentor (ask for
/// changes, sign off for the committee). `PlanStatus::apply` decides; a submission must pass
/// the checklist and freezes the plan as sent. `back` is the page to return to (`activity`,
/// else the plan page).
#[server(name = TransitionPlan, endpoint = "plans/transition")]
pub async fn transition_plan(
    plan: String,
    action: String,
    reason: Option<String>,
    back: Option<String>,
) -> Result<(), AppError> {
    use crate::db::plans::plan_content::{freeze, record_event, NewEvent};
    use crate::db::{plans, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::mentoring::reason_for;
    use crate::domain::plans::plan::PlanAction;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let user = require(&[Role::Applicant, Role::Mentor]).await?;
            let id = parse_id(&plan)?;
            let action = PlanAction::from_code(&action).ok_or(AppError::Forbidden)?;
            let mut tx = context()?.db.begin().await?;
            let (head, viewer) = plans::visible(&mut tx, id, &user)
                .await?
                .ok_or(AppError::NotFound)?;
            let role = super::acting_role(viewer)?;
            let to = head.status.apply(action, role).map_err(super::refused)?;
            let reason = reason_for(action, reason.as_deref().unwrap_or_default())
                .map_err(|problem| AppError::field(Field::Reason, problem))?;
            let sends = matches!(action, PlanAction::Submit | PlanAction::Resubmit);
            if sends {
                super::require_complete(&mut tx, &head).await?;
            }
            if !plans::transition(&mut tx, id, head.status, to).await? {
                return Err(AppError::Conflict);
            }
            let version = if sends {
                Some(freeze(&mut tx, id, user.id).await?)
            } else {
                None
            };
            let event = NewEvent {
                plan_id: id,
                actor_id: user.id,
                action: action.code(),
                from: Some(head.status),
                to: Some(to),
                reason: reason.as_deref(),
                version,
            };
            record_event(&mut tx, event).await?;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(user.id), AuditAction::PlanTransition)
                    .subject("plan", id)
                    .details(serde_json::json!({
                        "action": action.code(),
                        "from": head.status.code(),
                        "to": to.code(),
                        "version": version,
                    })),
            )
            .await?;
            tx.commit().await?;
            redirect(&super::back_to(back.as_deref(), id, action.code()));
            Ok(())
        }
        .await,
    )
}
