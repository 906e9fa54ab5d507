use crate::error::AppError;
use leptos::prelude::*;

/// Creates an applicant account and signs the person in.
#[server(endpoint = "signup")]
pub async fn signup(email: String, password: String) -> Result<(), AppError> {
    use crate::auth::{hash_password, SessionUser};
    use crate::db::{audit, users};
    use crate::domain::audit::AuditAction;
    use crate::domain::email::Email;
    use crate::domain::password::Password;
    use crate::domain::problem::{Field, FieldProblem};
    use crate::domain::role::Role;
    use crate::server_fns::{auth_session, context, redirect, respond};

    respond(
        async {
            // Check every field before touching the database, and report all problems at once.
            let email = Email::parse(&email);
            let password = Password::parse(&password, email.as_ref().ok());
            let (email, password) = match (email, password) {
                (Ok(email), Ok(password)) => (email, password),
                (email, password) => {
                    let problems = [
                        email.err().map(|p| FieldProblem::new(Field::Email, p)),
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

            let ctx = context()?;
            let mut tx = ctx.db.begin().await?;
            let id = users::insert(&mut tx, &email, &hash, Role::Applicant).await?;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(id), AuditAction::SignedUp).subject("user", id),
            )
            .await?;
            let row = users::find_by_id(&mut tx, id)
                .await?
                .ok_or(AppError::Internal)?;
            tx.commit().await?;

            let user = SessionUser::from_row(&row)?.ok_or(AppError::Internal)?;
            super::login::start_session(&mut auth_session().await?, &user).await?;
            redirect(Role::Applicant.home_path());
            Ok(())
        }
        .await,
    )
}
