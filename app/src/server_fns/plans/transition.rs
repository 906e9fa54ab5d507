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
    use crate::db::plans::plan_content::freeze;
    use crate::db::plans::{self, Step};
    use crate::domain::accounts::role::Role;
    use crate::domain::mentoring::reason_for;
    use crate::domain::plans::plan::PlanAction;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;
    use crate::domain::shared::workflow::Workflow;
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
            let to = head.status.apply(action, role, &())?;
            let reason = reason_for(action, reason.as_deref().unwrap_or_default())
                .map_err(|problem| AppError::field(Field::Reason, problem))?;
            let sends = matches!(action, PlanAction::Submit | PlanAction::Resubmit);
            if sends {
                super::require_complete(&mut tx, &head).await?;
            }
            let step = Step {
                plan_id: id,
                actor_id: user.id,
                action,
                from: head.status,
                to,
                reason: reason.as_deref(),
            };
            step.take(&mut tx).await?;
            let version = if sends {
                Some(freeze(&mut tx, id, user.id).await?)
            } else {
                None
            };
            let details = serde_json::json!({ "version": version });
            step.record(&mut tx, version, AuditAction::PlanTransition, details)
                .await?;
            tell_about(&mut tx, &head, action).await?;
            tx.commit().await?;
            redirect(&super::back_to(back.as_deref(), id, action.code()));
            Ok(())
        }
        .await,
    )
}

/// Tells the other side of the plan what the step means for them: the mentor that a plan
/// arrived, the applicant that changes are asked for or that it went to the committee.
#[cfg(feature = "ssr")]
async fn tell_about(
    tx: &mut crate::db::Tx,
    head: &crate::db::plans::PlanHead,
    action: crate::domain::plans::plan::PlanAction,
) -> Result<(), AppError> {
    use crate::db::notifications::notify;
    use crate::domain::notifications::event::Event;
    use crate::domain::plans::plan::PlanAction;
    let (plan, title) = (head.id, head.title.clone());
    let (to, event) = match action {
        PlanAction::Submit | PlanAction::Resubmit => {
            let Some(mentor) = head.mentor_id else {
                return Ok(());
            };
            (mentor, Event::PlanSubmitted { plan, title })
        }
        PlanAction::RequestChanges => (head.user_id, Event::ChangesRequested { plan, title }),
        PlanAction::MarkReady => (head.user_id, Event::ReadyForCommittee { plan, title }),
        _ => return Ok(()),
    };
    notify(tx, to, &event).await
}
