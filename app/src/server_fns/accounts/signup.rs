use crate::error::AppError;
use leptos::prelude::*;

/// Creates an applicant account and signs the person in. At most `SIGN_UPS_PER_HOUR` from
/// one network.
#[server(endpoint = "signup")]
pub async fn signup(email: String, password: String) -> Result<(), AppError> {
    use crate::auth::{hash_password, SessionUser};
    use crate::db::{accounts::login_attempts, accounts::users, shared::audit};
    use crate::domain::accounts::account::parse_credentials;
    use crate::domain::accounts::role::Role;
    use crate::domain::accounts::throttle;
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::{auth_session, client_address, context, redirect, respond};

    respond(
        async {
            // Check every field before touching the database, and report all problems at once.
            let (email, password) =
                parse_credentials(&email, &password).map_err(AppError::Validation)?;
            let ctx = context()?;
            // Counted per network before anything is hashed: one place cannot make the server
            // hash (19 MiB each) for thousands of accounts.
            let address = throttle::network_of(&client_address(ctx.trust_proxy));
            let mut tx = ctx.db.begin().await?;
            let (attempt, this_hour) = login_attempts::sign_up(&mut tx, &address).await?;
            tx.commit().await?;
            if let Err(problem) = throttle::check_sign_up(this_hour) {
                let mut tx = ctx.db.begin().await?;
                login_attempts::forget_sign_up(&mut tx, attempt).await?;
                tx.commit().await?;
                return Err(AppError::form(problem));
            }
            let hash = hash_password(password.expose().to_owned()).await?;

            let mut tx = ctx.db.begin().await?;
            let id = users::insert(&mut tx, &email, &hash, Role::Applicant, None).await?;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(id), AuditAction::SignedUp).subject("user", id),
            )
            .await?;
            let row = users::find_by_id(&mut tx, id)
                .await?
                .ok_or(AppError::Internal)?;
            tx.commit().await?;

            let user = SessionUser::from_row(&row)?.ok_or(AppError::Internal)?;
            crate::server_fns::accounts::login::start_session(&mut auth_session().await?, &user)
                .await?;
            redirect(Role::Applicant.home_path());
            Ok(())
        }
        .await,
    )
}
