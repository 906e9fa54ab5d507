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

/// A CSV file to save, never kept by a browser or a proxy; `body` whole or streamed.
pub fn attachment(name: &str, body: impl Into<axum::body::Body>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        body.into(),
    )
        .into_response()
}

/// The bytes of a CSV written in memory; a failure is logged, naming `what`, and is internal.
pub fn csv_bytes(out: csv::Writer<Vec<u8>>, what: &str) -> Result<Vec<u8>, AppError> {
    out.into_inner()
        .map_err(|error| csv_failed(error.into_error().into(), what))
}

/// A CSV that could not be written: logged, naming `what`; the reader is told it failed.
pub fn csv_failed(error: csv::Error, what: &str) -> AppError {
    tracing::error!(%error, "could not write the {what} CSV");
    AppError::Internal
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
