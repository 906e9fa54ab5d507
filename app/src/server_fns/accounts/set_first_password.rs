use crate::error::AppError;
use leptos::prelude::*;

/// Gives a staff account a new first password, for someone who forgot theirs or whose first
/// one expired: the admin hands it over in person, its owner must replace it at their next
/// sign-in within `FIRST_PASSWORD_HOURS`, and the account's sessions end now. Never the admin's
/// own account (they change their own password themselves), never an applicant's.
#[server(endpoint = "accounts/set_first_password")]
pub async fn set_first_password(user_id: i64, password: String) -> Result<(), AppError> {
    use crate::auth::hash_password;
    use crate::db::{accounts::users, shared::audit};
    use crate::domain::accounts::password::{Password, FIRST_PASSWORD_HOURS};
    use crate::domain::accounts::role::Role;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let admin = require(&[Role::Admin]).await?;
            let ctx = context()?;
            let mut tx = ctx.db.read().await?;
            let target = users::find_by_id(&mut tx, user_id).await?;
            tx.commit().await?;
            let target = target
                .filter(|row| row.id != admin.id && row.role().is_ok_and(Role::is_staff))
                .ok_or(AppError::NotFound)?;
            let email = target
                .email
                .as_deref()
                .and_then(|e| crate::domain::accounts::email::Email::parse(e).ok());
            let password = Password::parse(&password, email.as_ref())
                .map_err(|problem| AppError::field(Field::Password, problem))?;
            let hash = hash_password(password.expose().to_owned()).await?;
            let until = crate::db::now() + time::Duration::hours(FIRST_PASSWORD_HOURS);
            let mut tx = ctx.db.begin().await?;
            if !users::set_first_password(&mut tx, user_id, admin.id, &hash, until).await? {
                return Err(AppError::NotFound);
            }
            audit::record(
                &mut tx,
                audit::Entry::new(Some(admin.id), AuditAction::FirstPasswordSet)
                    .subject("user", user_id),
            )
            .await?;
            tx.commit().await?;
            redirect("/admin/users?done=first_password");
            Ok(())
        }
        .await,
    )
}
