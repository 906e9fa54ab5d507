use crate::error::AppError;
use leptos::prelude::*;

/// An admin adds a committee account (by its email) to a call's committee.
#[server(name = AddCommitteeMember, endpoint = "admin/committee/add_member")]
pub async fn add_committee_member(call: String, email: String) -> Result<(), AppError> {
    use crate::db::{audit, committee};
    use crate::domain::audit::AuditAction;
    use crate::domain::email::Email;
    use crate::domain::problem::{Field, Problem};
    use crate::domain::role::Role;
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let admin = require(&[Role::Admin]).await?;
            let mut tx = context()?.db.begin().await?;
            let call_id = super::committee_desk::existing_call(&mut tx, &call).await?;
            let email = Email::parse(&email)
                .map_err(|_| AppError::field(Field::Email, Problem::NotACommitteeAccount))?;
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

/// An admin removes a member from a call's committee (their declarations and sheets stay).
#[server(name = RemoveCommitteeMember, endpoint = "admin/committee/remove_member")]
pub async fn remove_committee_member(call: String, member: String) -> Result<(), AppError> {
    use crate::db::{audit, committee};
    use crate::domain::audit::AuditAction;
    use crate::domain::role::Role;
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let admin = require(&[Role::Admin]).await?;
            let mut tx = context()?.db.begin().await?;
            let call_id = super::committee_desk::existing_call(&mut tx, &call).await?;
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

/// An admin makes a member the committee's chair (the previous chair steps down).
#[server(name = SetCommitteeChair, endpoint = "admin/committee/set_chair")]
pub async fn set_committee_chair(call: String, member: String) -> Result<(), AppError> {
    use crate::db::{audit, committee};
    use crate::domain::audit::AuditAction;
    use crate::domain::role::Role;
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let admin = require(&[Role::Admin]).await?;
            let mut tx = context()?.db.begin().await?;
            let call_id = super::committee_desk::existing_call(&mut tx, &call).await?;
            let member = parse_id(&member)?;
            if !committee::set_chair(&mut tx, call_id, member).await? {
                return Err(AppError::NotFound);
            }
            audit::record(
                &mut tx,
                audit::Entry::new(Some(admin.id), AuditAction::CommitteeMemberAdded)
                    .subject("grant_call", call_id)
                    .details(serde_json::json!({ "member": member, "chair": true })),
            )
            .await?;
            tx.commit().await?;
            redirect(&format!("/admin/committee?call={call_id}&done=chair"));
            Ok(())
        }
        .await,
    )
}
