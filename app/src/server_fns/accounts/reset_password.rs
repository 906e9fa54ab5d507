use crate::error::AppError;
use leptos::prelude::*;

/// Sets a new password through a reset link. The link works once and not after
/// `RESET_MINUTES`; using it spends the account's other links, ends every session of the
/// account (their password fingerprint no longer matches) and tells the owner by email.
#[server(name = ResetPassword, endpoint = "accounts/reset_password")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    use crate::auth::hash_password;
    use crate::db::accounts::{login_attempts, tokens, users};
    use crate::db::notifications::{notify, set_language};
    use crate::db::shared::audit;
    use crate::domain::accounts::email::Email;
    use crate::domain::accounts::password::Password;
    use crate::domain::accounts::problem::AccountsProblem;
    use crate::domain::notifications::event::Event;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;
    use crate::server_fns::{context, reader_language, redirect, respond};

    respond(
        async {
            let invalid = || AppError::form(AccountsProblem::ResetLinkInvalid);
            let ctx = context()?;
            let mut tx = ctx.db.read().await?;
            let holder = match tokens::holder(&mut tx, token.trim()).await? {
                Some(id) => users::find_by_id(&mut tx, id).await?,
                None => None,
            };
            tx.commit().await?;
            let account = holder
                .filter(|a| a.disabled_at.is_none())
                .ok_or_else(invalid)?;
            let email = account.email.as_deref().and_then(|e| Email::parse(e).ok());
            let password = Password::parse(&password, email.as_ref())
                .map_err(|problem| AppError::field(Field::Password, problem))?;
            let hash = hash_password(password.expose().to_owned()).await?;

            let mut tx = ctx.db.begin().await?;
            // Spent here, under the write lock: of two uses at once, one wins.
            if tokens::spend(&mut tx, token.trim()).await? != Some(account.id) {
                return Err(invalid());
            }
            users::reset_password(&mut tx, account.id, &hash).await?;
            if let Some(address) = account.email.as_deref() {
                login_attempts::clear_failures(&mut tx, &login_attempts::account_key(address))
                    .await?;
            }
            audit::record(
                &mut tx,
                audit::Entry::new(Some(account.id), AuditAction::PasswordChanged)
                    .subject("user", account.id)
                    .details(serde_json::json!({ "through": "reset_link" })),
            )
            .await?;
            // Whoever holds the link owns the address: their language is the account's now.
            set_language(&mut tx, account.id, reader_language()).await?;
            notify(&mut tx, account.id, &Event::PasswordChanged).await?;
            tx.commit().await?;
            redirect(DONE);
            Ok(())
        }
        .await,
    )
}

/// The sign-in page, saying the password was changed.
pub const DONE: &str = "/login?reset=1";
