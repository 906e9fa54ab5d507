//! Finding an offer by a few letters of its reference or title, for pickers that must not list
//! the whole catalogue (thousands of offers at programme scale).

use crate::db::Tx;
use crate::domain::catalogue::OfferKind;
use crate::domain::shared::reference::fold;
use crate::error::AppError;
use crate::on_conn;
use time::Date;

/// Upcoming trainings and calls open on `today` whose reference or title contains `search`,
/// soonest first (a training's start, a call's closing day), at most `limit`:
/// `(kind, id, reference, title)`. Case, accents and Arabic vowels are ignored ("electricite"
/// finds "Électricité", as people type on a phone), the same way on both databases: the
/// comparison is made here, since SQLite's `lower()` knows only ASCII. Empty finds all.
pub async fn search_offers(
    tx: &mut Tx,
    today: Date,
    search: &str,
    limit: usize,
) -> Result<Vec<(OfferKind, i64, String, String)>, AppError> {
    let wanted = fold(search.trim());
    let wanted = wanted.trim();
    // Every open offer's reference and title (about 2,000 short rows at programme scale).
    let rows: Vec<(String, i64, String, String)> = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select kind, id, reference, title from ( \
               select 'training' as kind, id, reference, title, starts_on as day from trainings \
               where starts_on >= $1 \
               union all \
               select 'call' as kind, id, reference, title, closes_on as day from grant_calls \
               where opens_on <= $1 and closes_on >= $1 \
             ) found order by day, kind desc, id",
        )
        .bind(today)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows
        .into_iter()
        .filter(|(_, _, reference, title)| {
            fold(reference).contains(wanted) || fold(title).contains(wanted)
        })
        .take(limit)
        .map(|(kind, id, reference, title)| {
            let kind = match kind.as_str() {
                "call" => OfferKind::Call,
                _ => OfferKind::Training,
            };
            (kind, id, reference, title)
        })
        .collect())
}
