use crate::error::AppError;
use leptos::prelude::*;

/// Creates the applicant account a sign-up link was mailed for, and signs its owner in. The
/// link works once, for `SIGN_UP_HOURS`; using it spends every other sign-up of the address.
/// The password chosen at sign-up is asked again, and the account is created with the working
/// sign-up of the address it belongs to: a link from a sign-up a stranger made with this
/// address (and their password) cannot make its reader use an account the stranger can open,
/// and the reader's own sign-up works through any link the address received. A link stops
/// working after `FAILURES_ALLOWED` wrong passwords. Only a press of the page's button gets here (a POST): mail scanners that open links
/// create nothing.
#[server(name = FinishSignUp, endpoint = "accounts/finish_sign_up")]
pub async fn finish_sign_up(token: String, password: String) -> Result<(), AppError> {
    use crate::auth::SessionUser;
    use crate::db::accounts::{sign_ups, users};
    use crate::db::shared::audit;
    use crate::domain::accounts::email::Email;
    use crate::domain::accounts::problem::AccountsProblem;
    use crate::domain::accounts::role::Role;
    use crate::domain::notifications::delivery::SIGN_UP_HOURS;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;
    use crate::server_fns::accounts::login::start_session;
    use crate::server_fns::{auth_session, context, redirect, respond};

    respond(
        async {
            let invalid = || {
                AppError::form(AccountsProblem::SignUpLinkInvalid {
                    hours: SIGN_UP_HOURS,
                })
            };
            let ctx = context()?;
            let mut tx = ctx.db.read().await?;
            let email = sign_ups::address_of(&mut tx, token.trim()).await?;
            let hashes = match &email {
                Some(email) => sign_ups::live_hashes(&mut tx, email).await?,
                None => Vec::new(),
            };
            tx.commit().await?;
            let email = email.ok_or_else(invalid)?;
            let Some(hash) = chosen(password, hashes).await? else {
                let mut tx = ctx.db.begin().await?;
                sign_ups::failed(&mut tx, token.trim()).await?;
                tx.commit().await?;
                return Err(AppError::field(
                    Field::Password,
                    AccountsProblem::SignUpPasswordWrong,
                ));
            };
            let mut tx = ctx.db.begin().await?;
            // Spent here, under the write lock: of two uses at once, one wins.
            sign_ups::spend(&mut tx, token.trim())
                .await?
                .ok_or_else(invalid)?;
            let email = Email::parse(&email).map_err(|_| AppError::Internal)?;
            // Someone may have registered the address meanwhile (a caseworker handing an
            // account over): then the page (which has no address field) says the address is
            // taken, and nothing is saved.
            let id = match users::insert(&mut tx, &email, &hash, Role::Applicant, None).await {
                Err(AppError::Validation(_)) => Err(AppError::form(AccountsProblem::EmailTaken)),
                other => other,
            }?;
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
            start_session(&mut auth_session().await?, &user).await?;
            redirect(Role::Applicant.home_path());
            Ok(())
        }
        .await,
    )
}

/// Of the address's sign-ups' password hashes, the one `password` matches, if any.
#[cfg(feature = "ssr")]
async fn chosen(password: String, hashes: Vec<String>) -> Result<Option<String>, AppError> {
    for hash in hashes {
        if crate::auth::verify_password(password.clone(), Some(hash.clone())).await? {
            return Ok(Some(hash));
        }
    }
    Ok(None)
}
