use crate::error::AppError;
use leptos::prelude::*;

/// Approves a supplier another admin proposed.
#[server(endpoint = "money/approve_supplier")]
pub async fn approve_supplier(supplier: String) -> Result<(), AppError> {
    use crate::db::{money::payees, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::money::payee::may_approve_supplier;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let me = require(&[Role::Admin]).await?;
            let id = parse_id(&supplier)?;
            let mut tx = context()?.db.begin().await?;
            let (proposer, approved) = payees::supplier_state(&mut tx, id)
                .await?
                .ok_or(AppError::NotFound)?;
            may_approve_supplier(me.id, proposer)
                .map_err(|problem| AppError::field(Field::Form, problem))?;
            if approved || !payees::approve_supplier(&mut tx, id, me.id).await? {
                return Err(AppError::Conflict);
            }
            audit::record(
                &mut tx,
                audit::Entry::new(Some(me.id), AuditAction::SupplierApproved)
                    .subject("supplier", id),
            )
            .await?;
            tx.commit().await?;
            redirect("/admin/suppliers?saved=approved");
            Ok(())
        }
        .await,
    )
}
