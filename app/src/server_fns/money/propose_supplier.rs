use crate::error::AppError;
use leptos::prelude::*;

/// Proposes a supplier (its name, city and RIB); it can be paid once another admin approves.
#[server(endpoint = "money/propose_supplier")]
pub async fn propose_supplier(name: String, city: String, rib: String) -> Result<(), AppError> {
    use crate::db::{money::payees, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::money::payee::NewSupplier;
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let me = require(&[Role::Admin]).await?;
            let new = NewSupplier::parse(&name, &city, &rib).map_err(AppError::Validation)?;
            let mut tx = context()?.db.begin().await?;
            let id =
                payees::propose_supplier(&mut tx, &new.name, &new.city, &new.rib, me.id).await?;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(me.id), AuditAction::SupplierProposed)
                    .subject("supplier", id)
                    .details(serde_json::json!({ "name": new.name })),
            )
            .await?;
            tx.commit().await?;
            redirect("/admin/suppliers?saved=proposed");
            Ok(())
        }
        .await,
    )
}
