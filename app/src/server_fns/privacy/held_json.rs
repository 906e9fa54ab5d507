//! Everything held about a person as one JSON file to keep: a plain GET (a link works without
//! a script) for the applicant themself (`/me/data.json`) or a caseworker helping them
//! (`/caseworker/data.json?applicant=ID`, the profile's rule of who may act for whom). The
//! applicant can also take it as a ZIP archive with their visits' evidence files
//! (`/me/data.zip`). Taking either is recorded, in the same transaction as the read, before
//! anything is sent.

use crate::auth::AuthSession;
use crate::db::privacy::held_plans::{self, EvidenceBytes};
use crate::db::shared::audit;
use crate::domain::accounts::role::Role;
use crate::domain::monitoring::EvidenceKind;
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
/// The applicant's archive: the same JSON and the evidence files.
pub const ARCHIVE: &str = crate::domain::accounts::access::HELD_ZIP;

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

/// The signed-in applicant's data and evidence files as one ZIP archive.
pub async fn archive(
    State(ctx): State<ServerContext>,
    auth: AuthSession,
    headers: HeaderMap,
) -> Response {
    let Some(user) = auth.user.filter(|user| user.role == Role::Applicant) else {
        return StatusCode::FORBIDDEN.into_response();
    };
    let lang = crate::components::plain_page::reader_language(&headers);
    let taken = async {
        let mut tx = ctx.db.begin().await?;
        let entry = audit::Entry::new(Some(user.id), AuditAction::HeldDataExported)
            .subject("user", user.id)
            .details(serde_json::json!({ "archive": true }));
        audit::record(&mut tx, entry).await?;
        let data = load(&mut tx, user.id, lang).await?;
        let files = held_plans::evidence_files(&mut tx, user.id).await?;
        tx.commit().await?;
        Ok::<_, AppError>((data, files))
    };
    let (data, files) = match taken.await {
        Ok(taken) => taken,
        Err(error) => return failed(error),
    };
    match zipped(&data, files) {
        Ok(body) => attachment(&data, "zip", "application/zip", body),
        Err(error) => {
            tracing::error!(%error, "could not write the held data archive");
            failed(AppError::Internal)
        }
    }
}

/// `data.json` (compressed) and each evidence file as `evidence/evidence-ID.EXT` (stored as
/// it is: photos and PDFs are compressed already), the names the plan page downloads them by.
fn zipped(
    data: &HeldData,
    files: Vec<EvidenceBytes>,
) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    use zip::CompressionMethod;

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("data.json", deflated)?;
    zip.write_all(&serde_json::to_vec_pretty(data)?)?;
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for file in files {
        let extension = EvidenceKind::from_content_type(&file.content_type)
            .map_or("bin", EvidenceKind::extension);
        zip.start_file(format!("evidence/evidence-{}.{extension}", file.id), stored)?;
        zip.write_all(&file.data)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// The data as an indented JSON file.
fn file(data: &HeldData) -> Response {
    match serde_json::to_vec_pretty(data) {
        Ok(body) => attachment(data, "json", "application/json", body),
        Err(error) => {
            tracing::error!(%error, "could not write the held data as JSON");
            failed(AppError::Internal)
        }
    }
}

/// A file to save, named for the person's number and the day, never kept by a cache.
fn attachment(data: &HeldData, extension: &str, content_type: &str, body: Vec<u8>) -> Response {
    let name = format!(
        "passerelle-data-{}-{}.{extension}",
        data.person,
        data.taken_at.date()
    );
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
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
