use crate::error::AppError;
use crate::wire::accounts::CurrentUser;
use leptos::prelude::*;

/// Who is signed in, if anyone, and how many of their notifications are unread (for the menu
/// and the dashboards).
#[server(name = CurrentUserFn, endpoint = "accounts/current_user")]
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    use crate::db::notifications::inbox;
    use crate::server_fns::context;

    let session = crate::server_fns::auth_session().await?;
    let Some(mut user) = session.user.as_ref().map(|user| user.current()) else {
        return Ok(None);
    };
    let mut tx = context()?.db.read().await?;
    user.unread = inbox::unread(&mut tx, user.id).await?;
    tx.commit().await?;
    Ok(Some(user))
}
