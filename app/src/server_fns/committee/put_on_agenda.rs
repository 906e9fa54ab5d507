use crate::error::AppError;
use leptos::prelude::*;

/// An admin puts a plan of the session's call, signed off for the committee, on the session's
/// agenda: the plan moves to "under review" (its step, timeline event and audit row in the
/// same transaction).
#[server(name = PutOnAgenda, endpoint = "committee/put_on_agenda")]
pub async fn put_on_agenda(session: String, plan: String) -> Result<(), AppError> {
    use crate::db::committee;
    use crate::db::notifications::notify_all;
    use crate::db::plans::{self, Step};
    use crate::domain::accounts::role::Role;
    use crate::domain::notifications::event::Event;
    use crate::domain::plans::plan::PlanAction;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::workflow::Workflow;
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let admin = require(&[Role::Admin]).await?;
            let session = parse_id(&session)?;
            let id = parse_id(&plan)?;
            let mut tx = context()?.db.begin().await?;
            let call_id = committee::sessions::session_call(&mut tx, session)
                .await?
                .ok_or(AppError::NotFound)?;
            let head = plans::head(&mut tx, id)
                .await?
                .filter(|head| head.call_id == call_id)
                .ok_or(AppError::NotFound)?;
            let action = PlanAction::PutOnAgenda;
            let to = head.status.apply(action, Role::Admin, &())?;
            let step = Step {
                plan_id: id,
                actor_id: admin.id,
                action,
                from: head.status,
                to,
                reason: None,
            };
            step.take(&mut tx).await?;
            let round = committee::sessions::put_on_agenda(&mut tx, session, id, admin.id).await?;
            let details = serde_json::json!({ "session": session, "round": round });
            step.record(&mut tx, None, AuditAction::PlanTransition, details)
                .await?;
            let members = committee::member_ids(&mut tx, call_id).await?;
            let event = Event::PlanOnAgenda {
                plan: id,
                title: head.title.clone(),
            };
            notify_all(&mut tx, &members, &event).await?;
            tx.commit().await?;
            redirect(&format!("/admin/committee?call={call_id}&done=agenda"));
            Ok(())
        }
        .await,
    )
}
