use crate::error::AppError;
use crate::wire::money::SupplierList;
use leptos::prelude::*;

/// The supplier list (admins): approved ones first.
#[server(name = LoadSuppliers, endpoint = "money/suppliers")]
pub async fn load_suppliers() -> Result<SupplierList, AppError> {
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, require, respond};

    respond(
        async {
            let me = require(&[Role::Admin]).await?;
            let mut tx = context()?.db.read().await?;
            let suppliers = crate::db::money::payees::suppliers(&mut tx).await?;
            tx.commit().await?;
            Ok(SupplierList {
                suppliers,
                me: me.id,
            })
        }
        .await,
    )
}
