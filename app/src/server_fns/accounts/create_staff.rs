use crate::error::AppError;
use leptos::prelude::*;

/// Creates a staff account with an initial password the admin hands over in person.
#[server(endpoint = "accounts/create_staff")]
pub async fn create_staff(email: String, role: String, password: String) -> Result<i64, AppError> {
    use crate::auth::hash_password;
    use crate::db::{accounts::users, shared::audit};
    use crate::domain::accounts::account::parse_credentials;
    use crate::domain::accounts::problem::AccountsProblem;
    use crate::domain::accounts::role::Role;
    use crate::domain::problem::FieldProblem;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let admin = require(&[Role::Admin]).await?;
            let credentials = parse_credentials(&email, &password);
            let role = role.parse::<Role>().ok().filter(|r| r.is_staff());
            let (email, password, role) = match (credentials, role) {
                (Ok((email, password)), Some(role)) => (email, password, role),
                (credentials, role) => {
                    let mut problems = credentials.err().unwrap_or_default();
                    if role.is_none() {
                        problems.push(FieldProblem::new(Field::Role, AccountsProblem::RoleUnknown));
                    }
                    return Err(AppError::Validation(problems));
                }
            };
            let hash = hash_password(password.expose().to_owned()).await?;
            let mut tx = context()?.db.begin().await?;
            let id = users::insert(&mut tx, &email, &hash, role).await?;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(admin.id), AuditAction::UserCreated)
                    .subject("user", id)
                    .details(serde_json::json!({ "role": role.as_str() })),
            )
            .await?;
            tx.commit().await?;
            redirect("/admin/users?done=created");
            Ok(id)
        }
        .await,
    )
}
