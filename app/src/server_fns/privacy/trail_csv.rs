//! The audit trail as CSV, with the page's filters: a plain GET (a link works without a
//! script), guarded by the page rules and checked again here. Taking it is itself recorded,
//! before anything is sent. The file streams a batch at a time, each read on its own, so a
//! trail of any length keeps memory flat and holds no transaction while a slow line downloads.

use crate::auth::AuthSession;
use crate::components::activity::action_words;
use crate::db::privacy::trail;
use crate::db::shared::audit;
use crate::domain::accounts::role::Role;
use crate::domain::privacy::trail::{TrailFilter, TrailForm};
use crate::domain::shared::audit::AuditAction;
use crate::domain::shared::spreadsheet::safe_cell;
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::accounts::dashboards::role_words;
use crate::server_fns::privacy::trail::entry;
use crate::server_fns::shared::download::{attachment, csv_bytes, csv_failed, failed};
use crate::state::ServerContext;
use crate::wire::privacy::TrailEntry;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use futures::StreamExt;

/// Where the download link points (admins only, in the page rules).
pub const TRAIL_CSV: &str = crate::domain::accounts::access::TRAIL_CSV;

/// What the file is, in the server's log when writing it fails.
const WHAT: &str = "audit trail";

/// Entries read per batch.
const BATCH: usize = 1000;

pub async fn download(
    State(ctx): State<ServerContext>,
    auth: AuthSession,
    headers: HeaderMap,
    Query(form): Query<TrailForm>,
) -> Response {
    let Some(user) = auth.user.filter(|u| u.role == Role::Admin) else {
        return StatusCode::FORBIDDEN.into_response();
    };
    let Ok(filter) = TrailFilter::parse(&form) else {
        // The page names what is wrong with the filters.
        let back = crate::pages::shared::url_query(form.pairs());
        return Redirect::to(&format!("/admin/audit?{back}")).into_response();
    };
    let locale: Locale = crate::components::plain_page::reader_language(&headers)
        .code()
        .parse()
        .unwrap_or_default();
    match start(&ctx, user.id, &filter).await {
        Ok(filter) => attachment(
            "audit-trail.csv",
            Body::from_stream(file(ctx, locale, filter)),
        ),
        Err(error) => failed(error),
    }
}

/// Records who took which part of the trail, and returns the filter bounded to the entries
/// there were then (the export's own entry and later ones are not in the file).
async fn start(
    ctx: &ServerContext,
    actor: i64,
    filter: &TrailFilter,
) -> Result<TrailFilter, AppError> {
    let mut tx = ctx.db.begin().await?;
    let newest = trail::newest(&mut tx).await?;
    let entries = trail::count(&mut tx, filter).await?;
    let asked = filter.form();
    audit::record(
        &mut tx,
        audit::Entry::new(Some(actor), AuditAction::AuditTrailExported)
            .details(serde_json::json!({ "filter": asked, "entries": entries })),
    )
    .await?;
    tx.commit().await?;
    let before = filter.before.map_or(newest + 1, |b| b.min(newest + 1));
    Ok(TrailFilter {
        before: Some(before),
        ..filter.clone()
    })
}

/// The header, then batch after batch until one comes back short. A failure part-way ends
/// the download with an error: the client sees it cut short, never a file that looks whole.
fn file(
    ctx: ServerContext,
    locale: Locale,
    filter: TrailFilter,
) -> impl futures::Stream<Item = Result<Vec<u8>, AppError>> + Send + 'static {
    let header = futures::stream::once(async move { header(locale) });
    let batches = futures::stream::try_unfold(Some(filter), move |next| {
        let ctx = ctx.clone();
        async move {
            let Some(filter) = next else {
                return Ok(None);
            };
            let mut read = ctx.db.read().await?;
            let rows = trail::entries(&mut read, &filter, BATCH).await?;
            read.commit().await?;
            let more = (rows.len() == BATCH).then(|| TrailFilter {
                before: rows.last().map(|row| row.id),
                ..filter
            });
            let entries: Vec<TrailEntry> = rows.into_iter().map(entry).collect();
            Ok::<_, AppError>(Some((lines(locale, &entries)?, more)))
        }
    });
    header.chain(batches).inspect(|part| {
        if let Err(error) = part {
            tracing::error!(?error, "the audit trail CSV stopped part-way");
        }
    })
}

fn header(locale: Locale) -> Result<Vec<u8>, AppError> {
    // A byte-order mark, so spreadsheet programs read the accents and Arabic as UTF-8.
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    out.write_record([
        td_string!(locale, privacy.csv_entry),
        td_string!(locale, privacy.when),
        td_string!(locale, privacy.csv_actor_name),
        td_string!(locale, privacy.csv_actor_email),
        td_string!(locale, privacy.csv_actor_role),
        td_string!(locale, privacy.action),
        td_string!(locale, privacy.csv_action_code),
        td_string!(locale, privacy.kind),
        td_string!(locale, privacy.subject),
        td_string!(locale, privacy.details),
    ])
    .map_err(|error| csv_failed(error, WHAT))?;
    csv_bytes(out, WHAT)
}

fn lines(locale: Locale, entries: &[TrailEntry]) -> Result<Vec<u8>, AppError> {
    use time::format_description::well_known::Rfc3339;
    let mut out = csv::Writer::from_writer(Vec::new());
    for entry in entries {
        let actor = entry.actor.as_ref();
        let cells = [
            entry.id.to_string(),
            entry.at.format(&Rfc3339).unwrap_or_default(),
            actor.and_then(|a| a.name.clone()).unwrap_or_default(),
            actor.map(|a| a.email.clone()).unwrap_or_default(),
            actor
                .and_then(|a| a.role)
                .map(|role| role_words(locale, role))
                .unwrap_or_default(),
            entry
                .action
                .map(|action| action_words(locale, action))
                .unwrap_or_default(),
            entry.code.clone(),
            entry
                .kind
                .as_deref()
                .map(|kind| crate::pages::privacy::labels::kind_words(locale, kind))
                .unwrap_or_default(),
            entry.subject.map(|id| id.to_string()).unwrap_or_default(),
            entry.details.clone(),
        ];
        out.write_record(cells.iter().map(|c| safe_cell(c).into_owned()))
            .map_err(|error| csv_failed(error, WHAT))?;
    }
    csv_bytes(out, WHAT)
}
