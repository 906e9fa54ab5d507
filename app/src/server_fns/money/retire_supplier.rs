use crate::error::AppError;
use leptos::prelude::*;

/// Takes a supplier off the list: no new payment goes to it.
#[server(endpoint = "money/retire_supplier")]
pub async fn retire_supplier(supplier: String) -> Result<(), AppError> {
    use crate::db::{money::payees, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let me = require(&[Role::Admin]).await?;
            let id = parse_id(&supplier)?;
            let mut tx = context()?.db.begin().await?;
            if !payees::retire_supplier(&mut tx, id).await? {
                return Err(AppError::NotFound);
            }
            audit::record(
                &mut tx,
                audit::Entry::new(Some(me.id), AuditAction::SupplierRetired)
                    .subject("supplier", id),
            )
            .await?;
            tx.commit().await?;
            redirect("/admin/suppliers?saved=retired");
            Ok(())
        }
        .await,
    )
}
