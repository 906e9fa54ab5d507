use crate::error::AppError;
use leptos::prelude::*;

/// Signs someone in. Unknown addresses and wrong passwords get the same answer, in the same
/// time; repeated failures are throttled (see `domain::accounts::throttle`). A first password
/// an admin chose stops working after `FIRST_PASSWORD_HOURS`.
#[server(endpoint = "login")]
pub async fn login(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use crate::auth::{password_matches, SessionUser};
    use crate::db::{accounts::login_attempts, now, shared::audit};
    use crate::domain::accounts::access::safe_next;
    use crate::domain::accounts::email::Email;
    use crate::domain::accounts::password::FIRST_PASSWORD_HOURS;
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
            let address = throttle::network_of(&client_address(ctx.trust_proxy));

            let (attempt, account) = admit(&ctx.db, &key, &address, &parsed).await?;

            // The account read above is checked directly: no second lookup. When the password
            // could not be checked (every hashing slot busy), the attempt was no guess.
            let matches = match password_matches(account.as_ref(), password).await {
                Ok(matches) => matches,
                Err(error) => {
                    let mut tx = ctx.db.begin().await?;
                    login_attempts::forget(&mut tx, attempt).await?;
                    tx.commit().await?;
                    return Err(error);
                }
            };
            let user = match (&account, matches) {
                (Some(row), true) => SessionUser::from_row(row)?,
                _ => None,
            };

            let mut tx = ctx.db.begin().await?;
            login_attempts::settle(&mut tx, attempt, user.is_some()).await?;
            let Some(user) = user else {
                let entry =
                    audit::Entry::new(account.as_ref().map(|a| a.id), AuditAction::LoginFailed);
                audit::record(&mut tx, entry).await?;
                tx.commit().await?;
                // Only someone who knows the first password learns that it expired.
                let expired = matches && account.is_some_and(|a| a.first_password_expired(now()));
                return Err(AppError::form(if expired {
                    AccountsProblem::FirstPasswordExpired {
                        hours: FIRST_PASSWORD_HOURS,
                    }
                } else {
                    AccountsProblem::WrongCredentials
                }));
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

/// Lets a sign-in attempt go on to its password check, or refuses it, and reads the account.
/// The attempt is written (and committed) before anything is counted: of N guesses sent at
/// once, the k-th to be written sees at least k-1 others, so no more than the limit are ever
/// checked. A refused attempt is forgotten; a slowed one waits here. The attempt's id.
#[cfg(feature = "ssr")]
async fn admit(
    db: &crate::db::Db,
    key: &str,
    address: &str,
    email: &crate::domain::accounts::email::Email,
) -> Result<(i64, Option<crate::db::accounts::users::UserRow>), AppError> {
    use crate::db::accounts::{login_attempts, users};
    use crate::domain::accounts::throttle::{self, Pace};
    let mut tx = db.begin().await?;
    let attempt = login_attempts::reserve(&mut tx, key, address).await?;
    tx.commit().await?;
    let mut tx = db.read().await?;
    let recent = login_attempts::recent_failures(&mut tx, key, address, attempt).await?;
    let account = users::find_by_email(&mut tx, email).await?;
    tx.commit().await?;
    match throttle::check(recent) {
        Ok(Pace::Now) => {}
        Ok(Pace::Slowed(seconds)) => {
            tokio::time::sleep(std::time::Duration::from_secs(seconds)).await
        }
        Err(problem) => {
            let mut tx = db.begin().await?;
            login_attempts::forget(&mut tx, attempt).await?;
            tx.commit().await?;
            return Err(AppError::form(problem));
        }
    }
    Ok((attempt, account))
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
    crate::auth::idle::start(&session.session, user.role.idle_timeout_minutes())
        .await
        .map_err(|error| {
            tracing::error!(%error, "could not start a session's idle clock");
            AppError::Internal
        })?;
    // The session stands even if this small write fails (the database busy): the language
    // is remembered at the next sign-in or switch.
    if let Err(error) = remember_language(user.id).await {
        tracing::warn!(%error, "could not remember the language of a sign-in");
    }
    Ok(())
}

/// Messages written to the person later go out in the language they use now (the one they
/// chose on the site, else their browser's).
#[cfg(feature = "ssr")]
async fn remember_language(user: i64) -> Result<(), AppError> {
    let lang = crate::server_fns::reader_language();
    let mut tx = crate::server_fns::context()?.db.begin().await?;
    crate::db::notifications::set_language(&mut tx, user, lang).await?;
    tx.commit().await?;
    Ok(())
}
