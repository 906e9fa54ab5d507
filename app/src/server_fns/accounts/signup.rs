use crate::error::AppError;
use leptos::prelude::*;

/// Starts an applicant account: mails the address a link that creates it (`finish_sign_up`).
/// The answer is the same whether the address is new or already has an account (whose owner
/// is told by mail instead), so the form says nothing about who is registered. At most
/// `SIGN_UPS_PER_HOUR` from one network, and `MAILS_PER_ADDRESS` mails to one address a day.
#[server(endpoint = "signup")]
pub async fn signup(email: String, password: String) -> Result<(), AppError> {
    use crate::auth::hash_password;
    use crate::db::accounts::{login_attempts, sign_ups, users};
    use crate::db::notifications::{mail_to, notify, Notice};
    use crate::domain::accounts::account::parse_credentials;
    use crate::domain::accounts::throttle;
    use crate::domain::notifications::delivery::SIGN_UP_HOURS;
    use crate::domain::notifications::event::Event;
    use crate::server_fns::{client_address, context, reader_language, redirect, respond};

    respond(
        async {
            // Check every field before touching the database, and report all problems at once.
            let (email, password) =
                parse_credentials(&email, &password).map_err(AppError::Validation)?;
            let ctx = context()?;
            // Counted per network before anything is hashed: one place cannot make the server
            // hash (19 MiB each) for thousands of accounts.
            let address = throttle::network_of(&client_address(ctx.trust_proxy));
            let mut tx = ctx.db.begin().await?;
            let (attempt, this_hour) = login_attempts::sign_up(&mut tx, &address).await?;
            tx.commit().await?;
            if let Err(problem) = throttle::check_sign_up(this_hour) {
                let mut tx = ctx.db.begin().await?;
                login_attempts::forget_sign_up(&mut tx, attempt).await?;
                tx.commit().await?;
                return Err(AppError::form(problem));
            }
            // Hashed whether the address is new or not: both answers take as long.
            let hash = hash_password(password.expose().to_owned()).await?;

            let minutes = SIGN_UP_HOURS * 60;
            let mut tx = ctx.db.begin().await?;
            let room = sign_ups::recent(&mut tx, email.as_str(), minutes).await?
                < sign_ups::MAILS_PER_ADDRESS;
            let owner = users::find_by_email(&mut tx, &email).await?;
            let kept = owner.is_none().then_some(hash.as_str());
            let token = sign_ups::record(&mut tx, email.as_str(), kept, minutes).await?;
            match owner {
                // The owner hears of it in their own language (a disabled account hears
                // nothing); no account changes.
                Some(owner) if room => notify(&mut tx, owner.id, &Event::SignUpAttempted).await?,
                // The link, in the language the form was filled in.
                None if room => {
                    let event = Event::ConfirmSignUp {
                        hours: SIGN_UP_HOURS,
                    };
                    let notice = Notice {
                        event: &event,
                        secret: Some(&token),
                        language: None,
                    };
                    mail_to(&mut tx, email.as_str(), reader_language(), notice).await?
                }
                _ => {}
            }
            tx.commit().await?;
            redirect(SENT);
            Ok(())
        }
        .await,
    )
}

/// Where every sign-up ends, whether the address was new or not.
pub const SENT: &str = "/signup?sent=1";
