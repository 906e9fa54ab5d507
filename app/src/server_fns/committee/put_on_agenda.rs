use crate::error::AppError;
use leptos::prelude::*;

/// An admin puts a plan of the session's call, signed off for the committee, on the session's
/// agenda: the plan moves to "under review" (its step, timeline event and audit row in the
/// same transaction).
#[server(name = PutOnAgenda, endpoint = "committee/put_on_agenda")]
pub async fn put_on_agenda(session: String, plan: String) -> Result<(), AppError> {
    use crate::db::plans::plan_content::{record_event, NewEvent};
    use crate::db::{committee, plans, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::plans::plan::PlanAction;
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let admin = require(&[Role::Admin]).await?;
            let session = parse_id(&session)?;
            let id = parse_id(&plan)?;
            let mut tx = context()?.db.begin().await?;
            let call_id = committee::session_call(&mut tx, session)
                .await?
                .ok_or(AppError::NotFound)?;
            let head = plans::head(&mut tx, id)
                .await?
                .filter(|head| head.call_id == call_id)
                .ok_or(AppError::NotFound)?;
            let action = PlanAction::PutOnAgenda;
            let to = head
                .status
                .apply(action, Role::Admin)
                .map_err(crate::server_fns::plans::refused)?;
            if !plans::transition(&mut tx, id, head.status, to).await? {
                return Err(AppError::Conflict);
            }
            let round = committee::put_on_agenda(&mut tx, session, id, admin.id).await?;
            record_event(
                &mut tx,
                NewEvent {
                    plan_id: id,
                    actor_id: admin.id,
                    action: action.code(),
                    from: Some(head.status),
                    to: Some(to),
                    reason: None,
                    version: None,
                },
            )
            .await?;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(admin.id), AuditAction::PlanTransition)
                    .subject("plan", id)
                    .details(serde_json::json!({
                        "action": action.code(),
                        "from": head.status.code(),
                        "to": to.code(),
                        "session": session,
                        "round": round,
                    })),
            )
            .await?;
            tx.commit().await?;
            redirect(&format!("/admin/committee?call={call_id}&done=agenda"));
            Ok(())
        }
        .await,
    )
}
