//! Finding an offer by a few letters of its reference or title, for pickers that must not list
//! the whole catalogue (thousands of offers at programme scale).

use crate::db::Tx;
use crate::domain::catalogue::OfferKind;
use crate::error::AppError;
use crate::on_conn;
use time::Date;

/// Upcoming trainings and calls open on `today` whose reference or title contains `search`
/// (any case; empty finds all), soonest first (a training's start, a call's closing day), at
/// most `limit`: `(kind, id, reference, title)`.
pub async fn search_offers(
    tx: &mut Tx,
    today: Date,
    search: &str,
    limit: usize,
) -> Result<Vec<(OfferKind, i64, String, String)>, AppError> {
    let pattern = format!("%{}%", escape_like(&search.trim().to_lowercase()));
    let matching = "(lower(reference) like $2 escape '\\' or lower(title) like $2 escape '\\')";
    let sql = format!(
        "select kind, id, reference, title from ( \
           select 'training' as kind, id, reference, title, starts_on as day from trainings \
           where starts_on >= $1 and {matching} \
           union all \
           select 'call' as kind, id, reference, title, closes_on as day from grant_calls \
           where opens_on <= $1 and closes_on >= $1 and {matching} \
         ) found order by day, kind desc, id limit $3"
    );
    let rows: Vec<(String, i64, String, String)> = on_conn!(tx, |conn| {
        sqlx::query_as(&sql)
            .bind(today)
            .bind(&pattern)
            .bind(i64::try_from(limit).unwrap_or(i64::MAX))
            .fetch_all(conn)
            .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(kind, id, reference, title)| {
            let kind = match kind.as_str() {
                "call" => OfferKind::Call,
                _ => OfferKind::Training,
            };
            (kind, id, reference, title)
        })
        .collect())
}

/// `text` with the wildcards of `like` (and the escape character itself) taken literally.
fn escape_like(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn wildcards_in_a_search_are_plain_characters() {
        assert_eq!(super::escape_like("50%_a\\b"), "50\\%\\_a\\\\b");
    }
}
