//! Grant calls edited by admins: one call with its terms and version, guarded saves.

use crate::db::catalogue::{readable, write_codes, CallRow};
use crate::db::shared::constraint::GRANT_CALLS_REFERENCE;
use crate::db::{now, Tx};
use crate::domain::catalogue::grant_terms::{CallTerms, Rubric, TrancheTemplate};
use crate::domain::catalogue::problem::CatalogueProblem;
use crate::domain::catalogue::GrantCall;
use crate::domain::shared::problem::Field;
use crate::error::AppError;
use crate::on_conn;

/// A call, its terms and the version an edit must name.
pub async fn call(tx: &mut Tx, id: i64) -> Result<Option<(i32, GrantCall, CallTerms)>, AppError> {
    let terms = on_conn!(tx, |conn| {
        sqlx::query_as::<_, (i32, String, String, i32, bool)>(
            "select version, rubric, tranches, quorum, blind_review from grant_calls where id = $1",
        )
        .bind(id)
        .fetch_optional(conn)
        .await
    })?;
    let Some((version, rubric, tranches, quorum, blind_review)) = terms else {
        return Ok(None);
    };
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, CallRow>(
            "select id, reference, title, envelope_centimes, max_grant_centimes, \
             own_contribution_percent, sectors, cities, opens_on, closes_on, rules \
             from grant_calls where id = $1",
        )
        .bind(id)
        .fetch_all(conn)
        .await
    })?;
    let terms = (|| {
        Some(CallTerms {
            rubric: serde_json::from_str::<Rubric>(&rubric).ok()?,
            tranches: serde_json::from_str::<TrancheTemplate>(&tranches).ok()?,
            quorum: CallTerms::effective_quorum(u8::try_from(quorum).ok()?),
            blind_review,
        })
    })();
    let call = readable(rows, "grant call", |r| r.id, CallRow::into_domain).pop();
    Ok(call
        .zip(terms)
        .map(|((_, call), terms)| (version, call, terms)))
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(|error| {
        tracing::error!(%error, "a call that does not serialise");
        AppError::Internal
    })
}

fn friendly(error: sqlx::Error) -> AppError {
    if GRANT_CALLS_REFERENCE.fired(&error) {
        AppError::field(Field::Reference, CatalogueProblem::ReferenceTaken)
    } else {
        error.into()
    }
}

/// Saves a call: a new one when `id` is `None` (its id back), or call `id` if still at
/// `version` (`None` back when someone saved it meanwhile: nothing written).
pub async fn save_call(
    tx: &mut Tx,
    id: Option<(i64, i32)>,
    call: &GrantCall,
    terms: &CallTerms,
) -> Result<Option<i64>, AppError> {
    let (rules, rubric, tranches) = (
        json(&call.rules)?,
        json(&terms.rubric)?,
        json(&terms.tranches)?,
    );
    let sql = match id {
        None => {
            "insert into grant_calls (reference, title, envelope_centimes, max_grant_centimes, \
             own_contribution_percent, sectors, cities, opens_on, closes_on, rules, rubric, \
             tranches, quorum, blind_review, created_at, updated_at, version) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, 1) \
             returning id"
        }
        Some(_) => {
            "update grant_calls set reference = $1, title = $2, envelope_centimes = $3, \
             max_grant_centimes = $4, own_contribution_percent = $5, sectors = $6, cities = $7, \
             opens_on = $8, closes_on = $9, rules = $10, rubric = $11, tranches = $12, \
             quorum = $13, blind_review = $14, updated_at = $15, version = version + 1 \
             where id = $16 and version = $17 returning id"
        }
    };
    let at = now();
    // The fifteen values both statements share, bound in order.
    macro_rules! bind_call {
        ($query:expr) => {
            $query
                .bind(&call.reference)
                .bind(&call.title)
                .bind(call.envelope.centimes())
                .bind(call.max_grant.centimes())
                .bind(i32::from(call.own_contribution_percent))
                .bind(write_codes(call.sectors.iter().map(|s| s.code())))
                .bind(write_codes(call.cities.iter().map(|c| c.code())))
                .bind(call.opens_on)
                .bind(call.closes_on)
                .bind(&rules)
                .bind(&rubric)
                .bind(&tranches)
                .bind(i32::from(terms.quorum))
                .bind(terms.blind_review)
                .bind(at)
        };
    }
    let row = on_conn!(tx, |conn| {
        match id {
            None => {
                bind_call!(sqlx::query_as::<_, (i64,)>(sql))
                    .fetch_optional(conn)
                    .await
            }
            Some((target, version)) => {
                bind_call!(sqlx::query_as::<_, (i64,)>(sql))
                    .bind(target)
                    .bind(version)
                    .fetch_optional(conn)
                    .await
            }
        }
    })
    .map_err(friendly)?;
    Ok(row.map(|(id,)| id))
}
