//! What the plain download and upload endpoints of every area share: the admin check, the
//! attachment response, amounts in dirhams, and errors as bare statuses. These endpoints are
//! axum handlers, not server functions, because a file upload and a download must work without
//! JavaScript; each checks the caller's role itself, on top of the page guard.

use crate::auth::AuthSession;
use crate::domain::accounts::role::Role;
use crate::error::AppError;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// The signed-in admin's id, or the status that refuses everyone else.
pub fn admin(session: &AuthSession) -> Result<i64, StatusCode> {
    match &session.user {
        Some(user) if user.role == Role::Admin => Ok(user.id),
        Some(_) => Err(StatusCode::FORBIDDEN),
        None => Err(StatusCode::UNAUTHORIZED),
    }
}

pub fn attachment(name: &str, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

pub fn failed(error: AppError) -> Response {
    StatusCode::from_u16(error.status_code())
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
        .into_response()
}

pub fn dirhams(money: crate::domain::shared::money::Money) -> String {
    let centimes = money.centimes();
    format!("{}.{:02}", centimes / 100, centimes % 100)
}
