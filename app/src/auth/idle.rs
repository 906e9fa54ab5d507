//! A session ends after its role's idle time (`Role::idle_timeout_minutes`: 30 minutes for
//! staff, four hours for applicants), counted from the person's last request, not from the
//! sign-in. tower-sessions keeps the expiry only in the stored record and writes the record
//! only when something changed, so each signed-in request pushes the expiry back here, at most
//! once a minute (one small write a minute per active person, not one per page). Whatever else
//! saves the session (a form's kept input, say) saves it with the role's idle time too, never
//! the layer's default. Someone whose role changed since they signed in (an applicant made
//! caseworker) gets the shorter of the two idle times.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use time::{Duration, OffsetDateTime};
use tower_sessions::{Expiry, Session};

/// The session key holding the role's idle time in minutes, set at sign-in.
pub const IDLE_MINUTES_KEY: &str = "idle_minutes";

/// The session key holding when the expiry was last pushed back (Unix seconds).
pub const RENEWED_AT_KEY: &str = "idle_renewed_at";

/// How often an active session's expiry is pushed back.
const RENEW_EVERY_SECONDS: i64 = 60;

/// Starts the idle clock of a session just signed in by someone of `minutes`' role.
pub async fn start(session: &Session, minutes: i64) -> Result<(), tower_sessions::session::Error> {
    session.set_expiry(Some(Expiry::OnInactivity(Duration::minutes(minutes))));
    session.insert(IDLE_MINUTES_KEY, minutes).await
}

/// Middleware inside the session layer: after the page or action, pushes a signed-in
/// session's expiry back if it is due (the session layer then saves it and renews the cookie).
pub async fn keep_alive(request: Request, next: Next) -> Response {
    let session = request.extensions().get::<Session>().cloned();
    // The role as it is now (the session layer read the account for this request).
    let role_minutes = request
        .extensions()
        .get::<super::AuthSession>()
        .and_then(|auth| auth.user.as_ref())
        .map(|user| user.role.idle_timeout_minutes());
    let response = next.run(request).await;
    if let Some(session) = session {
        let now = OffsetDateTime::now_utc().unix_timestamp();
        if let Err(error) = renew(&session, now, role_minutes).await {
            tracing::warn!(%error, "could not push a session's expiry back");
        }
    }
    response
}

/// Pushes the expiry back when the last renewal is a minute old, or when the session is being
/// saved anyway, by the idle time of sign-in or of the role now (`role_minutes`), whichever is
/// shorter. A session without an idle time (signed out, or never signed in) is left alone.
async fn renew(
    session: &Session,
    now: i64,
    role_minutes: Option<i64>,
) -> Result<(), tower_sessions::session::Error> {
    let Some(signed_in) = session.get::<i64>(IDLE_MINUTES_KEY).await? else {
        return Ok(());
    };
    let minutes = role_minutes.map_or(signed_in, |role| role.min(signed_in));
    let renewed = session.get::<i64>(RENEWED_AT_KEY).await?;
    let due = renewed.is_none_or(|at| now.saturating_sub(at) >= RENEW_EVERY_SECONDS);
    if due || session.is_modified() {
        session.set_expiry(Some(Expiry::OnInactivity(Duration::minutes(minutes))));
        session.insert(RENEWED_AT_KEY, now).await?;
    }
    Ok(())
}
