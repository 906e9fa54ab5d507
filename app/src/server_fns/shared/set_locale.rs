use crate::domain::shared::locale::Lang;
use crate::error::AppError;
use leptos::prelude::*;

/// Remembers the reader's language in a cookie for a year, and, for someone signed in, on
/// their account (the language their messages are written in). Works as a plain form post:
/// the browser is sent back to the page it came from, now in the new language.
#[server(endpoint = "set_locale")]
pub async fn set_locale(locale: String) -> Result<Lang, AppError> {
    use crate::domain::shared::problem::{Field, SharedProblem};

    use crate::server_fns::respond;
    use http::header::{HeaderValue, SET_COOKIE};

    respond(
        async {
            let lang: Lang = locale
                .parse()
                .map_err(|_| AppError::field(Field::Locale, SharedProblem::LocaleUnknown))?;
            // Only the server reads it (pages render there), so no script needs to.
            let cookie = format!(
                "{}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
                Lang::COOKIE,
                lang.code()
            );
            let value = HeaderValue::from_str(&cookie).map_err(|_| AppError::Internal)?;
            expect_context::<leptos_axum::ResponseOptions>().append_header(SET_COOKIE, value);
            let session = crate::server_fns::auth_session().await?;
            if let Some(user) = session.user {
                let mut tx = crate::server_fns::context()?.db.begin().await?;
                crate::db::notifications::set_language(&mut tx, user.id, lang).await?;
                tx.commit().await?;
            }
            Ok(lang)
        }
        .await,
    )
}
