use crate::error::AppError;
use leptos::prelude::*;

/// Changes an account's role. `current_role` is the role the admin saw: if someone changed it
/// meanwhile, the change is refused as a conflict instead of silently overwriting theirs.
#[server(endpoint = "accounts/change_role")]
pub async fn change_role(user_id: i64, current_role: String, role: String) -> Result<(), AppError> {
    use crate::db::{accounts::users, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;

    use crate::domain::accounts::problem::AccountsProblem;
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let admin = require(&[Role::Admin]).await?;
            let unknown = || AppError::field(Field::Role, AccountsProblem::RoleUnknown);
            let expected: Role = current_role.parse().map_err(|_| unknown())?;
            let new: Role = role.parse().map_err(|_| unknown())?;
            if expected == new {
                return Ok(());
            }
            let mut tx = context()?.db.begin().await?;
            users::find_by_id(&mut tx, user_id)
                .await?
                .ok_or(AppError::NotFound)?;
            if !users::set_role(&mut tx, user_id, expected, new).await? {
                return Err(AppError::Conflict);
            }
            // Counted after the change, under the write lock: never leave the programme without
            // an admin, even when two admins demote each other at the same moment.
            if users::count_active_admins_locked(&mut tx).await? == 0 {
                return Err(AppError::field(Field::Role, AccountsProblem::LastAdmin));
            }
            audit::record(
                &mut tx,
                audit::Entry::new(Some(admin.id), AuditAction::RoleChanged)
                    .subject("user", user_id)
                    .details(serde_json::json!({ "from": expected.as_str(), "to": new.as_str() })),
            )
            .await?;
            tx.commit().await?;
            redirect("/admin/users?done=role_changed");
            Ok(())
        }
        .await,
    )
}
