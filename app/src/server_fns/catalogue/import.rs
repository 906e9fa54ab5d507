//! The CSV import of trainings. The upload is recorded at once and the browser sent to its
//! status page; a task then checks the rows in batches (the page shows the count moving) and,
//! only if every row is good, writes them all in one transaction with one audit row. A file
//! with any bad row imports nothing: its report names each problem by line and column.

use crate::auth::AuthSession;
use crate::db::catalogue::catalogue_admin::{upsert_training, Upserted};
use crate::db::{catalogue::catalogue_imports, shared::audit, Db};
use crate::domain::catalogue::problem::CatalogueProblem;
use crate::domain::catalogue::training_csv::{
    capped, repeated_references, ImportProblem, Sheet, MAX_BYTES,
};
use crate::domain::problem::Problem;
use crate::domain::shared::audit::AuditAction;
use crate::domain::shared::file_name;
use crate::error::AppError;
use crate::server_fns::shared::download::admin;
use crate::state::ServerContext;
use crate::wire::catalogue::ImportStatus;
use axum::extract::{Multipart, State};
use axum::response::{IntoResponse, Redirect, Response};

/// Rows checked between two progress updates.
/// Where the upload form posts (admins only).
pub const TRAININGS_IMPORT: &str = "/admin/trainings/import";

const BATCH: usize = 250;

/// The uploaded file's name and bytes, or the problem with the upload itself.
async fn read_upload(multipart: &mut Multipart) -> Result<(String, Vec<u8>), (String, Problem)> {
    let too_large: Problem = CatalogueProblem::CsvTooLarge {
        max_mb: MAX_BYTES / (1024 * 1024),
    }
    .into();
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("file") => {
                let name = file_name::shown(field.file_name(), "import.csv");
                return match field.bytes().await {
                    Ok(bytes) if bytes.is_empty() => {
                        Err((name, CatalogueProblem::FileMissing.into()))
                    }
                    Ok(bytes) => Ok((name, bytes.to_vec())),
                    Err(_) => Err((name, too_large)),
                };
            }
            Ok(Some(_)) => continue,
            Ok(None) => {
                return Err((
                    file_name::shown(None, "import.csv"),
                    CatalogueProblem::FileMissing.into(),
                ))
            }
            Err(_) => return Err((file_name::shown(None, "import.csv"), too_large)),
        }
    }
}

pub async fn upload(
    session: AuthSession,
    State(ctx): State<ServerContext>,
    mut multipart: Multipart,
) -> Response {
    let actor = match admin(&session) {
        Ok(id) => id,
        Err(status) => return status.into_response(),
    };
    let upload = read_upload(&mut multipart).await;
    let recorded = async {
        let mut tx = ctx.db.begin().await?;
        let name = match &upload {
            Ok((name, _)) | Err((name, _)) => name.as_str(),
        };
        let id = catalogue_imports::create(&mut tx, actor, name).await?;
        if let Err((_, problem)) = &upload {
            let report = [ImportProblem {
                row: 0,
                column: None,
                problem: *problem,
            }];
            catalogue_imports::finish(&mut tx, id, ImportStatus::Rejected, (0, 0), &report).await?;
        }
        tx.commit().await?;
        Ok::<_, AppError>(id)
    };
    match recorded.await {
        Ok(id) => {
            if let Ok((name, bytes)) = upload {
                tokio::spawn(run_import(ctx.db.clone(), id, actor, name, bytes));
            }
            Redirect::to(&format!("{}?job={id}", TRAININGS_IMPORT)).into_response()
        }
        Err(error) => axum::http::StatusCode::from_u16(error.status_code())
            .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR)
            .into_response(),
    }
}

/// Checks and writes import `id`; a fault marks it failed (nothing written).
pub async fn run_import(db: Db, id: i64, actor: i64, file_name: String, bytes: Vec<u8>) {
    if let Err(error) = import(&db, id, actor, &file_name, &bytes).await {
        tracing::error!(%error, id, "a CSV import of trainings failed");
        if let Err(error) = mark(&db, id, ImportStatus::Failed, &[]).await {
            tracing::error!(%error, id, "could not mark the import failed");
        }
    }
}

/// The CSV column a database-side problem belongs to.
fn column_of(field: crate::domain::shared::problem::Field) -> Option<&'static str> {
    use crate::domain::shared::problem::Field;

    match field {
        Field::Seats => Some("seats"),
        Field::Reference => Some("reference"),
        _ => None,
    }
}

async fn mark(
    db: &Db,
    id: i64,
    status: ImportStatus,
    report: &[ImportProblem],
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    catalogue_imports::finish(&mut tx, id, status, (0, 0), report).await?;
    tx.commit().await?;
    Ok(())
}

async fn progress(
    db: &Db,
    id: i64,
    status: ImportStatus,
    total: usize,
    done: usize,
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    catalogue_imports::progress(&mut tx, id, status, total, done).await?;
    tx.commit().await?;
    Ok(())
}

async fn import(
    db: &Db,
    id: i64,
    actor: i64,
    file_name: &str,
    bytes: &[u8],
) -> Result<(), AppError> {
    let sheet = match Sheet::open(bytes) {
        Ok(sheet) => sheet,
        Err(report) => return mark(db, id, ImportStatus::Rejected, &report).await,
    };
    let total = sheet.len();
    let mut good = Vec::with_capacity(total);
    let mut report = Vec::new();
    let mut done = 0;
    while done < total {
        let end = (done + BATCH).min(total);
        for (line, row) in sheet.check(done..end) {
            match row {
                Ok(training) => good.push((line, training)),
                Err(problems) => report.extend(problems),
            }
        }
        done = end;
        progress(db, id, ImportStatus::Validating, total, done).await?;
        tokio::task::yield_now().await;
    }
    report.extend(repeated_references(&good));
    if !report.is_empty() {
        report.sort_by_key(|p| p.row);
        return mark(db, id, ImportStatus::Rejected, &capped(report)).await;
    }
    progress(db, id, ImportStatus::Writing, total, done).await?;
    let mut tx = db.begin().await?;
    let (mut inserted, mut updated) = (0, 0);
    for (line, training) in &good {
        match upsert_training(&mut tx, training).await {
            Ok(Upserted::Inserted) => inserted += 1,
            Ok(Upserted::Updated) => updated += 1,
            // A row the database refuses (fewer seats than people already enrolled, a reference
            // taken meanwhile): nothing is written, and the report names the row.
            Err(AppError::Validation(problems)) => {
                drop(tx);
                let report: Vec<ImportProblem> = problems
                    .into_iter()
                    .map(|p| ImportProblem {
                        row: *line,
                        column: column_of(p.field).map(str::to_owned),
                        problem: p.problem,
                    })
                    .collect();
                return mark(db, id, ImportStatus::Rejected, &report).await;
            }
            Err(error) => return Err(error),
        }
    }
    audit::record(
        &mut tx,
        audit::Entry::new(Some(actor), AuditAction::TrainingsImported)
            .subject("catalogue_import", id)
            .details(serde_json::json!({
                "file": file_name, "inserted": inserted, "updated": updated
            })),
    )
    .await?;
    catalogue_imports::finish(&mut tx, id, ImportStatus::Done, (inserted, updated), &[]).await?;
    tx.commit().await?;
    Ok(())
}
