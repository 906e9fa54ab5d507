use crate::error::AppError;
use leptos::prelude::*;

/// Signs someone in. Unknown addresses and wrong passwords get the same answer, in the same
/// time; repeated failures are throttled (see `domain::accounts::throttle`).
#[server(endpoint = "login")]
pub async fn login(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use crate::auth::check_password;
    use crate::db::{
        accounts::{login_attempts, users},
        shared::audit,
    };
    use crate::domain::accounts::access::safe_next;
    use crate::domain::accounts::email::Email;
    use crate::domain::accounts::throttle;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;

    use crate::domain::accounts::problem::AccountsProblem;
    use crate::server_fns::{auth_session, client_address, context, redirect, respond};

    respond(
        async {
            let parsed = Email::parse(&email).map_err(|p| AppError::field(Field::Email, p))?;
            if password.is_empty() {
                return Err(AppError::field(
                    Field::Password,
                    AccountsProblem::PasswordMissing,
                ));
            }
            let ctx = context()?;
            let key = login_attempts::account_key(&email);
            let address = client_address(ctx.trust_proxy);

            let mut tx = ctx.db.read().await?;
            let recent = login_attempts::recent_failures(&mut tx, &key, &address).await?;
            let account = users::find_by_email(&mut tx, &parsed).await?;
            tx.commit().await?;
            throttle::check(recent).map_err(AppError::form)?;

            // The account read above is checked directly: no second lookup.
            let user = check_password(account.as_ref(), password).await?;

            let mut tx = ctx.db.begin().await?;
            login_attempts::record(&mut tx, &key, &address, user.is_some()).await?;
            let Some(user) = user else {
                let entry =
                    audit::Entry::new(account.as_ref().map(|a| a.id), AuditAction::LoginFailed);
                audit::record(&mut tx, entry).await?;
                tx.commit().await?;
                return Err(AppError::form(AccountsProblem::WrongCredentials));
            };
            audit::record(
                &mut tx,
                audit::Entry::new(Some(user.id), AuditAction::LoginSucceeded),
            )
            .await?;
            tx.commit().await?;

            start_session(&mut auth_session().await?, &user).await?;
            if user.must_change_password {
                redirect(CHANGE_PASSWORD);
            } else {
                redirect(safe_next(next.as_deref()).unwrap_or(user.role.home_path()));
            }
            Ok(())
        }
        .await,
    )
}

/// Where someone whose password was chosen by someone else goes first.
pub const CHANGE_PASSWORD: &str = "/account/password";

/// Puts `user` in the session under a fresh session id (no fixation), with the idle timeout
/// of their role.
#[cfg(feature = "ssr")]
pub async fn start_session(
    session: &mut crate::auth::AuthSession,
    user: &crate::auth::SessionUser,
) -> Result<(), AppError> {
    use tower_sessions::Expiry;

    // A session already signed in is ended first; then the id is always replaced (a flushed
    // session would otherwise be saved again under its old id).
    if session.user.is_some() {
        session.logout().await.map_err(|_| AppError::Internal)?;
    }
    session.session.cycle_id().await.map_err(|error| {
        tracing::error!(%error, "could not rotate the session id");
        AppError::Internal
    })?;
    session.login(user).await.map_err(|error| {
        tracing::error!(%error, "could not start a session");
        AppError::Internal
    })?;
    let idle = time::Duration::minutes(user.role.idle_timeout_minutes());
    session.session.set_expiry(Some(Expiry::OnInactivity(idle)));
    Ok(())
}
