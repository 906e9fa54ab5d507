//! Endpoints that take or give files rather than pages: CSV exports of the catalogue, the
//! CSV import of trainings, and monitoring visits with their evidence files. Plain axum
//! handlers (a multipart upload and a download must work with JavaScript off); each checks
//! the caller's role itself, on top of the page guard that `domain::access::PAGES` drives.

mod export;
mod import;
mod ledger;
mod monitoring;
pub mod plain_page;

pub use import::run_import;

use crate::auth::AuthSession;
use crate::domain::role::Role;
use crate::state::ServerContext;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;

/// The paths, also listed in `domain::access::PAGES` (admins only).
pub const TRAININGS_CSV: &str = "/admin/trainings/export.csv";
pub const CALLS_CSV: &str = "/admin/calls/export.csv";
pub const TRAININGS_IMPORT: &str = "/admin/trainings/import";
/// Admins and finance officers.
pub const LEDGER_CSV: &str = crate::domain::access::LEDGER_CSV;
/// A monitoring visit's form posts here (mentors), and its evidence is served from here.
pub const VISIT: &str = "/mentor/visit";
pub const EVIDENCE: &str = "/plans/evidence";

pub fn routes<S>(ctx: ServerContext) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    Router::new()
        .route(TRAININGS_CSV, get(export::trainings))
        .route(CALLS_CSV, get(export::calls))
        .route(LEDGER_CSV, get(ledger::download))
        .route(
            TRAININGS_IMPORT,
            post(import::upload).layer(DefaultBodyLimit::max(
                crate::domain::training_csv::MAX_BYTES + 64 * 1024,
            )),
        )
        .route(
            VISIT,
            post(monitoring::record_visit).layer(DefaultBodyLimit::max(monitoring::BODY_MAX)),
        )
        .route(EVIDENCE, get(monitoring::download))
        .with_state(ctx)
}

/// The signed-in admin's id, or the status that refuses everyone else.
fn admin(session: &AuthSession) -> Result<i64, StatusCode> {
    match &session.user {
        Some(user) if user.role == Role::Admin => Ok(user.id),
        Some(_) => Err(StatusCode::FORBIDDEN),
        None => Err(StatusCode::UNAUTHORIZED),
    }
}
