//! A monitoring visit posted with its evidence files (a plain multipart form: it works with
//! JavaScript off), and the download of one evidence file.
//!
//! The post saves everything or nothing: the visit, its files and their audit rows in one
//! transaction. When anything is wrong the mentor is sent back to the form, which shows what
//! they typed and each problem beside its field (kept in their session meanwhile: the text can
//! be long, and it does not belong in an address).

use crate::auth::{AuthSession, SessionUser};
use crate::db::{monitoring, plans, shared::audit, Tx};
use crate::domain::accounts::role::Role;
use crate::domain::monitoring::problem::MonitoringProblem;
use crate::domain::monitoring::{
    Evidence, Upload, Visit, VisitForm, EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES,
};
use crate::domain::plans::plan::{PlanStatus, Viewer};
use crate::domain::problem::FieldProblem;
use crate::domain::shared::audit::AuditAction;
use crate::domain::shared::problem::Field;
use crate::error::AppError;
use crate::state::ServerContext;
use crate::wire::monitoring::{VisitRetry, RETRY_KEY};
use axum::extract::{Multipart, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

/// The largest request body: every file at its cap, plus the text fields.
/// A visit's form posts here (mentors); its evidence is served from `EVIDENCE`.
pub const VISIT: &str = "/mentor/visit";
pub const EVIDENCE: &str = "/plans/evidence";

pub const BODY_MAX: usize = EVIDENCE_MAX_FILES * EVIDENCE_MAX_BYTES + 1024 * 1024;

/// What the multipart body held: the plan, the typed fields, the files, and a problem with
/// the upload itself (a body too large to read).
#[derive(Default)]
struct Posted {
    plan: String,
    form: VisitForm,
    uploads: Vec<Upload>,
    broken: bool,
}

/// Reads every part. A file is kept up to one byte past the cap (enough to call it too large);
/// a file input left empty (no name, no bytes) is no file.
async fn read_parts(multipart: &mut Multipart) -> Posted {
    let mut posted = Posted::default();
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => {
                posted.broken = true;
                break;
            }
        };
        let name = field.name().unwrap_or_default().to_owned();
        if name == "evidence" {
            let file_name = field.file_name().map(str::to_owned);
            let mut bytes = Vec::new();
            loop {
                match field.chunk().await {
                    Ok(Some(chunk)) => {
                        let room = (EVIDENCE_MAX_BYTES + 1).saturating_sub(bytes.len());
                        bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
                    }
                    Ok(None) => break,
                    Err(_) => {
                        posted.broken = true;
                        return posted;
                    }
                }
            }
            if file_name.as_deref().is_some_and(|n| !n.is_empty()) || !bytes.is_empty() {
                posted.uploads.push(Upload {
                    name: file_name,
                    bytes,
                });
            }
            continue;
        }
        let Ok(value) = field.text().await else {
            posted.broken = true;
            break;
        };
        let form = &mut posted.form;
        match name.as_str() {
            "plan" => posted.plan = value,
            "visited_on" => form.visited_on = value,
            "operating" => form.operating = value,
            "revenue" => form.revenue = value,
            "costs" => form.costs = value,
            "jobs" => form.jobs = value,
            "problems" => form.problems = value,
            "equipment" => form.equipment = value,
            "problem_level" => form.problem_level = value,
            "satisfactory" => form.satisfactory = value,
            _ => {}
        }
    }
    posted
}

/// `POST /mentor/visit`: the plan's mentor records a visit and its files.
pub async fn record_visit(
    session: AuthSession,
    State(ctx): State<ServerContext>,
    mut multipart: Multipart,
) -> Response {
    let user = match &session.user {
        Some(user) if user.role == Role::Mentor && !user.must_change_password => user.clone(),
        Some(_) => return StatusCode::FORBIDDEN.into_response(),
        None => return StatusCode::UNAUTHORIZED.into_response(),
    };
    let Posted {
        plan,
        form,
        uploads,
        broken,
    } = read_parts(&mut multipart).await;
    let Some(plan) = crate::server_fns::parse_id(&plan).ok() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match record(&ctx, &user, plan, &form, uploads, broken).await {
        Ok(()) => {
            if let Err(error) = session.session.remove::<VisitRetry>(RETRY_KEY).await {
                tracing::warn!(%error, "could not clear a refused visit");
            }
            Redirect::to(&format!("/plans/plan?id={plan}&saved=visit#visits")).into_response()
        }
        Err(AppError::Validation(problems)) => {
            let retry = VisitRetry {
                plan,
                form: form.kept_for_retry(),
                problems,
            };
            if let Err(error) = session.session.insert(RETRY_KEY, retry).await {
                tracing::error!(%error, "could not keep a refused visit to show it back");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
            Redirect::to(&format!("/mentor/visit?plan={plan}&retry=1")).into_response()
        }
        Err(error) => StatusCode::from_u16(error.status_code())
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
            .into_response(),
    }
}

/// Checks everything (every problem named), then writes the visit, its files and the audit
/// rows in one transaction.
async fn record(
    ctx: &ServerContext,
    user: &SessionUser,
    plan: i64,
    form: &VisitForm,
    uploads: Vec<Upload>,
    broken: bool,
) -> Result<(), AppError> {
    let mut tx = ctx.db.begin().await?;
    let (head, viewer) = plans::visible(&mut tx, plan, user)
        .await?
        .ok_or(AppError::NotFound)?;
    if viewer != Viewer::Mentor {
        return Err(AppError::NotFound);
    }
    let approved_on = match head.status {
        PlanStatus::Approved => monitoring::approved_on(&mut tx, plan).await?,
        _ => None,
    };
    let Some(approved_on) = approved_on else {
        return Err(AppError::form(MonitoringProblem::PlanNotApproved));
    };
    let today = crate::db::now().date();
    let mut problems = Vec::new();
    let visit = Visit::parse(form, today, approved_on)
        .map_err(|p| problems.extend(p))
        .ok();
    let evidence = Evidence::check_all(uploads)
        .map_err(|p| problems.extend(p))
        .ok();
    if broken {
        let max_mb = BODY_MAX / (1024 * 1024);
        problems.push(FieldProblem::new(
            Field::Evidence,
            MonitoringProblem::UploadTooLarge { max_mb },
        ));
    }
    let (Some(visit), Some(evidence), true) = (visit, evidence, problems.is_empty()) else {
        return Err(AppError::Validation(problems));
    };
    let recorded = monitoring::record(&mut tx, plan, user.id, &visit, &evidence)
        .await?
        .ok_or_else(|| AppError::form(MonitoringProblem::PlanNotApproved))?;
    audit_visit(&mut tx, user.id, plan, &visit, &evidence, &recorded).await?;
    tx.commit().await?;
    Ok(())
}

/// One audit row for the visit, one for each file (its type, size and digest; never its name,
/// which may name a person).
async fn audit_visit(
    tx: &mut Tx,
    actor: i64,
    plan: i64,
    visit: &Visit,
    evidence: &[Evidence],
    recorded: &monitoring::Recorded,
) -> Result<(), AppError> {
    audit::record(
        tx,
        audit::Entry::new(Some(actor), AuditAction::VisitRecorded)
            .subject("plan", plan)
            .details(serde_json::json!({
                "visit": recorded.visit,
                "visited_on": visit.visited_on.to_string(),
                "operating": visit.operating,
                "satisfactory": visit.satisfactory,
                "files": evidence.len(),
            })),
    )
    .await?;
    for (file, (id, sha256)) in evidence.iter().zip(&recorded.evidence) {
        audit::record(
            tx,
            audit::Entry::new(Some(actor), AuditAction::EvidenceAdded)
                .subject("visit_evidence", *id)
                .details(serde_json::json!({
                    "visit": recorded.visit,
                    "plan": plan,
                    "content_type": file.kind.content_type(),
                    "size_bytes": file.bytes.len(),
                    "sha256": sha256,
                })),
        )
        .await?;
    }
    Ok(())
}

#[derive(serde::Deserialize)]
pub struct EvidenceQuery {
    id: Option<String>,
}

/// `GET /plans/evidence?id=N`: one evidence file, to the plan's owner, its mentor and admins
/// (anyone else, or an unknown id: not found). Always an attachment under a name the server
/// makes, with the type stored when its bytes were checked, never sniffed by the browser.
pub async fn download(
    session: AuthSession,
    State(ctx): State<ServerContext>,
    headers: HeaderMap,
    Query(query): Query<EvidenceQuery>,
) -> Response {
    let Some(user) = session.user.as_ref() else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let Some(id) = query
        .id
        .as_deref()
        .and_then(|id| crate::server_fns::parse_id(id).ok())
    else {
        return crate::components::plain_page::plain_page(
            crate::components::plain_page::PlainPage::NotFound,
            &headers,
        );
    };
    let file = async {
        let mut tx = ctx.db.read().await?;
        let Some(file) = monitoring::evidence_file(&mut tx, id).await? else {
            return Ok(None);
        };
        let visible = plans::visible(&mut tx, file.plan_id, user).await?.is_some();
        tx.commit().await?;
        // Staff opening a person's evidence is on record; the owner opening their own is not.
        if visible && user.role != Role::Applicant {
            audit::record_read(
                &ctx.db,
                audit::Entry::new(Some(user.id), AuditAction::EvidenceDownloaded)
                    .subject("visit_evidence", id)
                    .details(serde_json::json!({ "plan": file.plan_id })),
            )
            .await?;
        }
        Ok::<_, AppError>(visible.then_some(file))
    };
    match file.await {
        Ok(Some(file)) => (
            [
                (header::CONTENT_TYPE, file.kind.content_type().to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!(
                        "attachment; filename=\"evidence-{id}.{}\"",
                        file.kind.extension()
                    ),
                ),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
                (header::CACHE_CONTROL, "private, no-store".to_owned()),
            ],
            file.data,
        )
            .into_response(),
        Ok(None) => crate::components::plain_page::plain_page(
            crate::components::plain_page::PlainPage::NotFound,
            &headers,
        ),
        Err(error) => StatusCode::from_u16(error.status_code())
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
            .into_response(),
    }
}
