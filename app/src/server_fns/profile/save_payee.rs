//! Payment details on the profile (`domain::money::payee`): the applicant, or a caseworker
//! with them, registers a mobile money number or a bank account (RIB) a grant may be paid to.
//! A new number of a kind replaces the old one (kept, retired); registering is recorded with
//! its kind, never its number, in the audit trail.

use crate::error::AppError;
use leptos::prelude::*;

/// Registers (or replaces) the subject's payment details of one kind.
#[server(endpoint = "profile/save_payee")]
pub async fn save_payee(
    kind: String,
    detail: String,
    holder: String,
    applicant: Option<i64>,
) -> Result<(), AppError> {
    use crate::db::{money::payees, shared::audit};
    use crate::domain::money::payee::PayeeDetails;
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::profile::{require_identity, subject::Subject, subject::EDITORS};
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let me = require(EDITORS).await?;
            let details =
                PayeeDetails::parse(&kind, &detail, &holder).map_err(AppError::Validation)?;
            let mut tx = context()?.db.begin().await?;
            let subject = Subject::resolve(&mut tx, &me, applicant).await?;
            require_identity(&mut tx, subject.id).await?;
            let (id, changed) = payees::register(&mut tx, subject.id, &details, me.id).await?;
            if changed {
                audit::record(
                    &mut tx,
                    subject
                        .entry(AuditAction::PayeeRegistered)
                        .details(serde_json::json!({ "payee": id, "method": details.kind.code() })),
                )
                .await?;
            }
            tx.commit().await?;
            redirect(&subject.page("saved=payees#payees"));
            Ok(())
        }
        .await,
    )
}
