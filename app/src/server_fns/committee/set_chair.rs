use crate::error::AppError;
use leptos::prelude::*;

/// An admin makes a member the committee's chair, or with `seat` "deputy" its deputy chair
/// (who decides when the chair declared a conflict on a plan or coached it); whoever held that
/// seat steps down.
#[server(name = SetCommitteeChair, endpoint = "committee/set_chair")]
pub async fn set_committee_chair(
    call: String,
    member: String,
    seat: Option<String>,
) -> Result<(), AppError> {
    use crate::db::{committee, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let admin = require(&[Role::Admin]).await?;
            let mut tx = context()?.db.begin().await?;
            let call_id = super::desk::existing_call(&mut tx, &call).await?;
            let member = parse_id(&member)?;
            let deputy = seat.as_deref() == Some("deputy");
            if !committee::set_seat(&mut tx, call_id, member, deputy).await? {
                return Err(AppError::NotFound);
            }
            audit::record(
                &mut tx,
                audit::Entry::new(Some(admin.id), AuditAction::CommitteeMemberAdded)
                    .subject("grant_call", call_id)
                    .details(
                        serde_json::json!({ "member": member, "chair": !deputy, "deputy": deputy }),
                    ),
            )
            .await?;
            tx.commit().await?;
            let done = if deputy { "deputy" } else { "chair" };
            redirect(&format!("/admin/committee?call={call_id}&done={done}"));
            Ok(())
        }
        .await,
    )
}
