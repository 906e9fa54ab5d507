use crate::error::AppError;
use leptos::prelude::*;

/// Creates a staff account, with the name people will see it by and a first password the admin
/// hands over in person: its owner must replace it at their first sign-in, within
/// `FIRST_PASSWORD_HOURS`.
#[server(endpoint = "accounts/create_staff")]
pub async fn create_staff(
    name: String,
    email: String,
    role: String,
    password: String,
) -> Result<i64, AppError> {
    use crate::auth::hash_password;
    use crate::db::{accounts::users, shared::audit};
    use crate::domain::accounts::account::parse_credentials;
    use crate::domain::accounts::password::FIRST_PASSWORD_HOURS;
    use crate::domain::accounts::problem::AccountsProblem;
    use crate::domain::accounts::role::Role;
    use crate::domain::problem::FieldProblem;
    use crate::domain::profile::identity::parse_full_name;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let admin = require(&[Role::Admin]).await?;
            let name = parse_full_name(&name);
            let credentials = parse_credentials(&email, &password);
            let role = role.parse::<Role>().ok().filter(|r| r.is_staff());
            let (name, email, password, role) = match (name, credentials, role) {
                (Ok(name), Ok((email, password)), Some(role)) => (name, email, password, role),
                (name, credentials, role) => {
                    let mut problems = Vec::new();
                    if let Err(problem) = name {
                        problems.push(FieldProblem::new(Field::FullName, problem));
                    }
                    problems.extend(credentials.err().unwrap_or_default());
                    if role.is_none() {
                        problems.push(FieldProblem::new(Field::Role, AccountsProblem::RoleUnknown));
                    }
                    return Err(AppError::Validation(problems));
                }
            };
            let hash = hash_password(password.expose().to_owned()).await?;
            let mut tx = context()?.db.begin().await?;
            let until = crate::db::now() + time::Duration::hours(FIRST_PASSWORD_HOURS);
            let id = users::insert_with_first_password(&mut tx, &email, &hash, role, &name, until)
                .await?;
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
