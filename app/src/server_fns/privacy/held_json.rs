//! Everything held about a person as one JSON file to keep: a plain GET (a link works without
//! a script) for the applicant themself (`/me/data.json`) or a caseworker helping them
//! (`/caseworker/data.json?applicant=ID`, the profile's rule of who may act for whom).
//! Taking it is recorded, in the same transaction as the read, before anything is sent.

use crate::auth::AuthSession;
use crate::db::shared::audit;
use crate::domain::shared::audit::AuditAction;
use crate::error::AppError;
use crate::server_fns::privacy::held_data::{load, named};
use crate::server_fns::profile::subject::Subject;
use crate::server_fns::shared::download::failed;
use crate::state::ServerContext;
use crate::wire::privacy::HeldData;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

/// Where the applicant's own download link points.
pub const MINE: &str = crate::domain::accounts::access::HELD_JSON;
/// Where a caseworker's points (with `?applicant=ID`).
pub const ASSISTED: &str = crate::domain::accounts::access::HELD_JSON_ASSISTED;

#[derive(Debug, Default, serde::Deserialize)]
pub struct HeldQuery {
    #[serde(default)]
    pub applicant: String,
}

pub async fn download(
    State(ctx): State<ServerContext>,
    auth: AuthSession,
    headers: HeaderMap,
    Query(query): Query<HeldQuery>,
) -> Response {
    let Some(user) = auth.user else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let lang = crate::components::plain_page::reader_language(&headers);
    let taken = async {
        let applicant = named(&query.applicant)?;
        let mut tx = ctx.db.begin().await?;
        let subject = Subject::resolve(&mut tx, &user, applicant).await?;
        audit::record(&mut tx, subject.entry(AuditAction::HeldDataExported)).await?;
        let data = load(&mut tx, subject.id, lang).await?;
        tx.commit().await?;
        Ok::<_, AppError>(data)
    };
    match taken.await {
        Ok(data) => file(&data),
        Err(AppError::NotFound) => {
            use crate::components::plain_page::{plain_page, PlainPage};
            plain_page(PlainPage::NotFound, &headers)
        }
        Err(error) => failed(error),
    }
}

/// The data as an indented JSON file named for the person's number and the day.
fn file(data: &HeldData) -> Response {
    let body = match serde_json::to_vec_pretty(data) {
        Ok(body) => body,
        Err(error) => {
            tracing::error!(%error, "could not write the held data as JSON");
            return failed(AppError::Internal);
        }
    };
    let name = format!(
        "passerelle-data-{}-{}.json",
        data.person,
        data.taken_at.date()
    );
    (
        [
            (header::CONTENT_TYPE, "application/json".to_owned()),
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
