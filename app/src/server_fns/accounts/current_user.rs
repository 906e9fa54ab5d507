use crate::error::AppError;
use crate::wire::accounts::CurrentUser;
use leptos::prelude::*;

/// Who is signed in, if anyone (for the menu and the dashboards).
#[server(name = CurrentUserFn, endpoint = "accounts/current_user")]
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    let session = crate::server_fns::auth_session().await?;
    Ok(session.user.as_ref().map(|user| user.current()))
}
