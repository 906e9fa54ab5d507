use crate::error::AppError;
use leptos::prelude::*;

/// An admin adds a committee account (by its email) to a call's committee.
#[server(name = AddCommitteeMember, endpoint = "committee/add_member")]
pub async fn add_committee_member(call: String, email: String) -> Result<(), AppError> {
    use crate::db::{committee, shared::audit};
    use crate::domain::accounts::email::Email;
    use crate::domain::accounts::role::Role;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;

    use crate::domain::committee::problem::CommitteeProblem;
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let admin = require(&[Role::Admin]).await?;
            let mut tx = context()?.db.begin().await?;
            let call_id = super::desk::existing_call(&mut tx, &call).await?;
            let email = Email::parse(&email).map_err(|_| {
                AppError::field(Field::Email, CommitteeProblem::NotACommitteeAccount)
            })?;
            let member = committee::add_member(&mut tx, call_id, &email, admin.id).await?;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(admin.id), AuditAction::CommitteeMemberAdded)
                    .subject("grant_call", call_id)
                    .details(serde_json::json!({ "member": member })),
            )
            .await?;
            tx.commit().await?;
            redirect(&format!("/admin/committee?call={call_id}&done=member"));
            Ok(())
        }
        .await,
    )
}
