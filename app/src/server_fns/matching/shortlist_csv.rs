//! The staff shortlist as CSV: a plain GET route (a link works without a script), guarded by
//! the page rules (`domain::accounts::access::PAGES`) before it runs, and checked again here.

use crate::auth::AuthSession;
use crate::db::shared::audit;
use crate::domain::accounts::role::Role;
use crate::domain::catalogue::OfferKind;
use crate::domain::matching::eligibility::Eligibility;
use crate::domain::matching::shortlist::Filter;
use crate::domain::shared::audit::AuditAction;
use crate::domain::shared::locale::Lang;
use crate::domain::shared::spreadsheet::safe_cell;
use crate::error::AppError;
use crate::server_fns::matching::{lines, ranked, Ranked};
use crate::server_fns::shared::download::{attachment, csv_bytes, csv_failed, failed};
use crate::state::ServerContext;
use crate::wire::matching::ApplicantLine;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use futures::StreamExt;
use std::collections::HashMap;
use std::sync::Arc;

/// Where the download link points.
pub const SHORTLIST_CSV: &str = "/staff/matches.csv";

/// The staff shortlist of one offer, whole, as CSV in the reader's language. Bad filters send
/// the person back to the page, which names them.
pub async fn shortlist_csv(
    State(ctx): State<ServerContext>,
    auth: AuthSession,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(user) = auth
        .user
        .filter(|u| matches!(u.role, Role::Admin | Role::Caseworker))
    else {
        return StatusCode::FORBIDDEN.into_response();
    };
    let get = |key: &str| query.get(key).map(String::as_str).unwrap_or_default();
    let offer = get("offer").split_once(':').and_then(|(kind, id)| {
        let kind = match kind {
            "training" => OfferKind::Training,
            "call" => OfferKind::Call,
            _ => return None,
        };
        Some((kind, id.parse::<i64>().ok()?))
    });
    let filter = Filter::parse(get("city"), get("sex"), get("min_score"), get("not_yet"));
    let (Some((kind, id)), Ok(filter)) = (offer, filter) else {
        let back = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(query.iter())
            .finish();
        return Redirect::to(&format!("/staff/matches?{back}")).into_response();
    };
    let lang = crate::components::plain_page::reader_language(&headers);
    match rank(&ctx, user.id, kind, id, &filter).await {
        Ok((reference, ranked)) => attachment(
            &format!("{}.csv", file_stem(&reference)),
            Body::from_stream(rows(ctx, lang, ranked)),
        ),
        Err(error) => failed(error),
    }
}

/// The ranked list, read in a read-only transaction (no write lock while 50,000 profiles are
/// ranked), then the export's audit row — who took which list, how many people — in a short
/// write transaction before anything is sent: no audit row, no file.
async fn rank(
    ctx: &ServerContext,
    actor: i64,
    kind: OfferKind,
    id: i64,
    filter: &Filter,
) -> Result<(String, Arc<[Ranked]>), AppError> {
    let today = crate::db::now().date();
    let mut read = ctx.db.read().await?;
    let (offer, ranked) = ranked(&ctx.people, &mut read, kind, id, filter, today).await?;
    read.commit().await?;
    let mut tx = ctx.db.begin().await?;
    audit::record(
        &mut tx,
        audit::Entry::new(Some(actor), AuditAction::MatchesExported)
            .subject(kind.subject(), id)
            .details(serde_json::json!({ "rows": ranked.len(), "filter": filter })),
    )
    .await?;
    tx.commit().await?;
    Ok((offer.reference, ranked))
}

/// What the file is, in the server's log when writing it fails.
const WHAT: &str = "shortlist";

/// People written per database read while the file streams: memory stays flat however long
/// the list, and no transaction stays open while a slow connection downloads.
const BATCH: usize = 500;

/// The file, a batch at a time: the header first, then each batch's names and contacts read
/// and written. A failure part-way ends the download with an error (the client sees it cut
/// short, never a file that looks whole).
fn rows(
    ctx: ServerContext,
    lang: Lang,
    ranked: Arc<[Ranked]>,
) -> impl futures::Stream<Item = Result<Vec<u8>, AppError>> + Send + 'static {
    let today = crate::db::now().date();
    let header = futures::stream::once(async move { header(lang) });
    // Batches are ranges of the kept list, read one after the other as the client takes them.
    let batches = (0..ranked.len()).step_by(BATCH);
    let body = futures::stream::iter(batches).then(move |first| {
        let (ctx, ranked) = (ctx.clone(), Arc::clone(&ranked));
        async move {
            let batch = &ranked[first..(first + BATCH).min(ranked.len())];
            let mut read = ctx.db.read().await?;
            let lines = lines(&mut read, batch, today).await?;
            read.commit().await?;
            batch_csv(lang, first, &lines)
        }
    });
    header.chain(body).inspect(|part| {
        if let Err(error) = part {
            tracing::error!(?error, "the shortlist CSV stopped part-way");
        }
    })
}

fn header(lang: Lang) -> Result<Vec<u8>, AppError> {
    use crate::i18n::*;
    let locale: Locale = lang.code().parse().unwrap_or_default();
    // A byte-order mark, so spreadsheet programs read the accents and Arabic as UTF-8.
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    out.write_record([
        td_string!(locale, shortlist.csv_rank).to_string(),
        td_string!(locale, shortlist.person).to_string(),
        td_string!(locale, shortlist.sex).to_string(),
        td_string!(locale, shortlist.csv_age).to_string(),
        td_string!(locale, shortlist.nationality).to_string(),
        td_string!(locale, shortlist.city).to_string(),
        td_string!(locale, shortlist.phone).to_string(),
        td_string!(locale, shortlist.csv_email).to_string(),
        td_string!(locale, shortlist.score).to_string(),
        td_string!(locale, shortlist.csv_skills).to_string(),
        td_string!(locale, shortlist.csv_sector).to_string(),
        td_string!(locale, shortlist.csv_city).to_string(),
        td_string!(locale, shortlist.csv_language).to_string(),
        td_string!(locale, shortlist.standing).to_string(),
    ])
    .map_err(|error| csv_failed(error, WHAT))?;
    csv_bytes(out, WHAT)
}

/// A file name from an offer reference: letters, digits and dashes only.
fn file_stem(reference: &str) -> String {
    let stem: String = reference
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("shortlist-{stem}")
}

/// The rows of one batch; `first` is the rank before its first line.
fn batch_csv(lang: Lang, first: usize, lines: &[ApplicantLine]) -> Result<Vec<u8>, AppError> {
    use crate::i18n::*;
    let locale: Locale = lang.code().parse().unwrap_or_default();
    let eligible = td_string!(locale, shortlist.eligible).to_string();
    let not_yet = td_string!(locale, shortlist.csv_not_yet).to_string();
    let mut out = csv::Writer::from_writer(Vec::new());
    for (rank, line) in lines.iter().enumerate() {
        let cells = [
            (first + rank + 1).to_string(),
            line.full_name.clone(),
            line.sex.map(|s| s.code().to_owned()).unwrap_or_default(),
            line.age.map(|a| a.to_string()).unwrap_or_default(),
            line.nationality
                .map(|n| n.label(lang).to_owned())
                .unwrap_or_default(),
            line.city
                .map(|c| c.label(lang).to_owned())
                .unwrap_or_default(),
            line.phone.clone().unwrap_or_default(),
            line.email.clone().unwrap_or_default(),
            line.score.total().to_string(),
            line.score.skills.to_string(),
            line.score.sector.to_string(),
            line.score.city.to_string(),
            line.score.language.to_string(),
            if line.eligibility == Eligibility::Eligible {
                eligible.clone()
            } else {
                not_yet.clone()
            },
        ];
        out.write_record(cells.iter().map(|c| safe_cell(c).into_owned()))
            .map_err(|error| csv_failed(error, WHAT))?;
    }
    csv_bytes(out, WHAT)
}
