//! The second pair of eyes on where money goes (`domain::money::payee`): a finance officer
//! confirms payment details registered recently, before a release may pay to them.

use crate::error::AppError;
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
