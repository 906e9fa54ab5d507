use crate::error::AppError;
use leptos::prelude::*;

/// Gives a staff account the name others see it by: for accounts made before names were asked,
/// or a name that changed. Applicants name themselves in their profile.
#[server(endpoint = "accounts/rename_staff")]
pub async fn rename_staff(user_id: i64, name: String) -> Result<(), AppError> {
    use crate::db::{accounts::users, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::profile::identity::parse_full_name;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let admin = require(&[Role::Admin]).await?;
            let name = parse_full_name(&name)
                .map_err(|problem| AppError::field(Field::FullName, problem))?;
            let mut tx = context()?.db.begin().await?;
            if !users::set_display_name(&mut tx, user_id, &name).await? {
                return Err(AppError::NotFound);
            }
            audit::record(
                &mut tx,
                audit::Entry::new(Some(admin.id), AuditAction::UserRenamed)
                    .subject("user", user_id),
            )
            .await?;
            tx.commit().await?;
            redirect("/admin/users?done=renamed");
            Ok(())
        }
        .await,
    )
}
