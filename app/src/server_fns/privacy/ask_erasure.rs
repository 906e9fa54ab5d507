use crate::error::AppError;
use leptos::prelude::*;

/// An admin asks for the erasure of the applicant with account number `person`, saying why
/// (`reason`, a code) and, for the second admin, how the request came (`note`, optional; it
/// goes once the request is closed). Nothing is erased yet: another admin carries it out.
#[server(name = AskErasure, endpoint = "privacy/ask_erasure")]
pub async fn ask_erasure(person: String, reason: String, note: String) -> Result<(), AppError> {
    use crate::db::{privacy::erasure, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::privacy::erasure::ErasureAsk;
    use crate::domain::privacy::problem::PrivacyProblem;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let me = require(&[Role::Admin]).await?;
            let ask = ErasureAsk::parse(&person, &reason, &note).map_err(AppError::Validation)?;
            let mut tx = context()?.db.begin().await?;
            match erasure::standing(&mut tx, ask.person).await? {
                None => {
                    return Err(AppError::field(
                        Field::Subject,
                        PrivacyProblem::ErasurePersonUnknown,
                    ))
                }
                Some(true) => {
                    return Err(AppError::field(
                        Field::Subject,
                        PrivacyProblem::AlreadyErased,
                    ))
                }
                Some(false) => {}
            }
            let id = erasure::ask(&mut tx, &ask, me.id)
                .await?
                .ok_or(AppError::form(PrivacyProblem::ErasureAlreadyAsked))?;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(me.id), AuditAction::ErasureRequested)
                    .subject("user", ask.person)
                    .details(serde_json::json!({ "request": id, "reason": ask.reason.code() })),
            )
            .await?;
            tx.commit().await?;
            redirect("/admin/erasures?saved=asked");
            Ok(())
        }
        .await,
    )
}
