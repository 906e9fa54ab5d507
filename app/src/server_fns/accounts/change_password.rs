use crate::error::AppError;
use leptos::prelude::*;

/// Replaces the signed-in person's password: the current one first (a borrowed session cannot
/// change it), then a new one under the sign-up rules. Every other session of the account ends
/// (their stored password fingerprint no longer matches); this one continues under a fresh id.
/// The one server function a person whose password was chosen by someone else may call.
#[server(name = ChangePassword, endpoint = "accounts/change_password")]
pub async fn change_password(current: String, new: String) -> Result<(), AppError> {
    use crate::auth::{check_password, hash_password};
    use crate::db::{accounts::users, shared::audit};
    use crate::domain::accounts::email::Email;
    use crate::domain::accounts::password::Password;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;

    use crate::domain::accounts::problem::AccountsProblem;
    use crate::server_fns::accounts::login::start_session;
    use crate::server_fns::{auth_session, context, redirect, respond};

    respond(
        async {
            let mut session = auth_session().await?;
            let user = session.user.clone().ok_or(AppError::Unauthenticated)?;
            let ctx = context()?;
            let mut tx = ctx.db.read().await?;
            let row = users::find_by_id(&mut tx, user.id)
                .await?
                .ok_or(AppError::Unauthenticated)?;
            tx.commit().await?;
            let old_hash = row.password_hash.clone().ok_or(AppError::Unauthenticated)?;
            if check_password(Some(&row), current.clone()).await?.is_none() {
                return Err(AppError::field(
                    Field::Current,
                    AccountsProblem::WrongPassword,
                ));
            }
            let email = row.email.as_deref().and_then(|e| Email::parse(e).ok());
            let password = Password::parse(&new, email.as_ref())
                .map_err(|problem| AppError::field(Field::Password, problem))?;
            if new == current {
                return Err(AppError::field(
                    Field::Password,
                    AccountsProblem::PasswordUnchanged,
                ));
            }
            let new_hash = hash_password(password.expose().to_owned()).await?;
            let mut tx = ctx.db.begin().await?;
            if !users::change_password(&mut tx, user.id, &old_hash, &new_hash).await? {
                return Err(AppError::Conflict);
            }
            audit::record(
                &mut tx,
                audit::Entry::new(Some(user.id), AuditAction::PasswordChanged)
                    .subject("user", user.id)
                    .details(serde_json::json!({ "was_required": row.password_change_required })),
            )
            .await?;
            tx.commit().await?;

            let mut tx = ctx.db.read().await?;
            let fresh = users::find_by_id(&mut tx, user.id).await?;
            tx.commit().await?;
            let fresh = fresh
                .as_ref()
                .map(crate::auth::SessionUser::from_row)
                .transpose()?
                .flatten()
                .ok_or(AppError::Unauthenticated)?;
            start_session(&mut session, &fresh).await?;
            redirect(&format!("{}?password=changed", fresh.role.home_path()));
            Ok(())
        }
        .await,
    )
}
