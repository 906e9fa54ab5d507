use crate::error::AppError;
use leptos::prelude::*;

/// Hands an assisted account over to its owner: the caseworker sets the email and a first
/// password (the same rules as signing up), and from then on the person signs in and finds the
/// profile built for them. Only an account without an email can be handed over, once: the
/// write is guarded (`where email is null`), so a second hand-over is refused.
#[server(endpoint = "accounts/hand_over")]
pub async fn hand_over(applicant: i64, email: String, password: String) -> Result<(), AppError> {
    use crate::auth::hash_password;
    use crate::db::{profile::assisted, shared::audit};
    use crate::domain::accounts::account::parse_credentials;
    use crate::domain::accounts::role::Role;
    use crate::domain::shared::audit::AuditAction;

    use crate::domain::accounts::problem::AccountsProblem;
    use crate::server_fns::profile::subject::Subject;
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let me = require(&[Role::Caseworker]).await?;
            let (email, password) =
                parse_credentials(&email, &password).map_err(AppError::Validation)?;
            let hash = hash_password(password.expose().to_owned()).await?;
            let mut tx = context()?.db.begin().await?;
            let subject = Subject::resolve(&mut tx, &me, Some(applicant)).await?;
            if !assisted::hand_over(&mut tx, subject.id, &email, &hash).await? {
                return Err(AppError::form(AccountsProblem::AlreadyHandedOver));
            }
            audit::record(&mut tx, subject.entry(AuditAction::AccountHandedOver)).await?;
            tx.commit().await?;
            redirect(&subject.page("saved=handed_over"));
            Ok(())
        }
        .await,
    )
}
