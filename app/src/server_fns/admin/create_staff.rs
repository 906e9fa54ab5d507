use crate::error::AppError;
use leptos::prelude::*;

/// Creates a staff account with an initial password the admin hands over in person.
#[server(endpoint = "admin/create_staff")]
pub async fn create_staff(email: String, role: String, password: String) -> Result<i64, AppError> {
    use crate::auth::hash_password;
    use crate::db::{audit, users};
    use crate::domain::audit::AuditAction;
    use crate::domain::email::Email;
    use crate::domain::password::Password;
    use crate::domain::problem::{Field, FieldProblem, Problem};
    use crate::domain::role::Role;
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let admin = require(&[Role::Admin]).await?;
            let email = Email::parse(&email);
            let role = role
                .parse::<Role>()
                .ok()
                .filter(|r| r.is_staff())
                .ok_or(Problem::RoleUnknown);
            let password = Password::parse(&password, email.as_ref().ok());
            let (email, role, password) = match (email, role, password) {
                (Ok(email), Ok(role), Ok(password)) => (email, role, password),
                (email, role, password) => {
                    let problems = [
                        email.err().map(|p| FieldProblem::new(Field::Email, p)),
                        role.err().map(|p| FieldProblem::new(Field::Role, p)),
                        password
                            .err()
                            .map(|p| FieldProblem::new(Field::Password, p)),
                    ];
                    return Err(AppError::Validation(
                        problems.into_iter().flatten().collect(),
                    ));
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
