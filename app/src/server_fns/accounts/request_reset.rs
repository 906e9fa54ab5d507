use crate::error::AppError;
use leptos::prelude::*;

/// "I forgot my password": emails a link to choose a new one, valid `RESET_MINUTES`, if an
/// enabled account uses the address and has fewer than `LIVE_LINKS` working links. The answer is the same whether one does or not (a page
/// saying a link was sent if the address is known), and each request counts as a failed
/// sign-in for the address and the network, so it is throttled like sign-in.
#[server(name = RequestReset, endpoint = "accounts/request_reset")]
pub async fn request_reset(email: String) -> Result<(), AppError> {
    use crate::db::accounts::{login_attempts, tokens, users};
    use crate::db::notifications::{deliver, Notice};
    use crate::domain::accounts::email::Email;
    use crate::domain::accounts::throttle::{self, Pace};
    use crate::domain::notifications::delivery::RESET_MINUTES;
    use crate::domain::notifications::event::Event;
    use crate::domain::shared::problem::Field;
    use crate::server_fns::{client_address, context, reader_language, redirect, respond};

    respond(
        async {
            let parsed = Email::parse(&email).map_err(|p| AppError::field(Field::Email, p))?;
            let ctx = context()?;
            let key = login_attempts::account_key(&email);
            let address = throttle::network_of(&client_address(ctx.trust_proxy));
            let mut tx = ctx.db.begin().await?;
            let attempt = login_attempts::reserve(&mut tx, &key, &address).await?;
            tx.commit().await?;
            let mut tx = ctx.db.read().await?;
            let recent = login_attempts::recent_failures(&mut tx, &key, &address, attempt).await?;
            tx.commit().await?;
            match throttle::check(recent) {
                Ok(Pace::Now) => {}
                Ok(Pace::Slowed(seconds)) => {
                    tokio::time::sleep(std::time::Duration::from_secs(seconds)).await
                }
                Err(problem) => return Err(AppError::form(problem)),
            }

            let mut tx = ctx.db.begin().await?;
            let account = users::find_by_email(&mut tx, &parsed).await?;
            let account = account.filter(|a| a.disabled_at.is_none());
            let room = match &account {
                Some(a) => tokens::live(&mut tx, a.id).await? < tokens::LIVE_LINKS,
                None => false,
            };
            if let Some(account) = account.filter(|_| room) {
                let token = tokens::issue(&mut tx, account.id, RESET_MINUTES).await?;
                let event = Event::PasswordReset {
                    minutes: RESET_MINUTES,
                };
                // Written in the language of the page it was asked from.
                let notice = Notice {
                    event: &event,
                    secret: Some(&token),
                    language: Some(reader_language()),
                };
                deliver(&mut tx, account.id, notice).await?;
            }
            tx.commit().await?;
            redirect(SENT);
            Ok(())
        }
        .await,
    )
}

/// Where every request for a link ends, whether the address is known or not.
pub const SENT: &str = "/password/forgot?sent=1";
