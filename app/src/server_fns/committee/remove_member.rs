use crate::error::AppError;
use leptos::prelude::*;

/// An admin removes a member from a call's committee (their declarations and sheets stay).
#[server(name = RemoveCommitteeMember, endpoint = "committee/remove_member")]
pub async fn remove_committee_member(call: String, member: String) -> Result<(), AppError> {
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
            if !committee::remove_member(&mut tx, call_id, member).await? {
                return Err(AppError::NotFound);
            }
            audit::record(
                &mut tx,
                audit::Entry::new(Some(admin.id), AuditAction::CommitteeMemberRemoved)
                    .subject("grant_call", call_id)
                    .details(serde_json::json!({ "member": member })),
            )
            .await?;
            tx.commit().await?;
            redirect(&format!("/admin/committee?call={call_id}&done=removed"));
            Ok(())
        }
        .await,
    )
}
