//! The second pair of eyes on where money goes (`domain::money::payee`): a finance officer
//! confirms payment details registered recently, and admins keep the supplier list,
//! each supplier approved by an admin other than the one who proposed it.

use crate::error::AppError;
use crate::wire::payees::SupplierList;
use leptos::prelude::*;

/// Confirms a beneficiary's recently registered payment details (a finance officer; never who
/// registered them, nor the beneficiary). Back to the finance desk.
#[server(endpoint = "money/confirm_payee")]
pub async fn confirm_payee(payee: String) -> Result<(), AppError> {
    use crate::db::{money::payees, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let me = require(&[Role::Finance]).await?;
            let id = parse_id(&payee)?;
            let mut tx = context()?.db.begin().await?;
            let found = payees::find(&mut tx, id).await?.ok_or(AppError::NotFound)?;
            found
                .registration
                .may_confirm(me.id, me.role, found.user_id)
                .map_err(|problem| AppError::field(Field::Form, problem))?;
            if !payees::confirm(&mut tx, id, me.id).await? {
                return Err(AppError::Conflict);
            }
            audit::record(
                &mut tx,
                audit::Entry::new(Some(me.id), AuditAction::PayeeConfirmed)
                    .subject("user", found.user_id)
                    .details(serde_json::json!({ "payee": id, "method": found.view.kind.code() })),
            )
            .await?;
            tx.commit().await?;
            redirect(if me.role == Role::Finance {
                "/finance?saved=payee#payees"
            } else {
                "/admin/suppliers?saved=payee"
            });
            Ok(())
        }
        .await,
    )
}

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
