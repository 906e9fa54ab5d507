//! The admin side of the catalogue: listing with filters, guarded edits, upserts by reference
//! for imports, a call's review terms. Reading rows into domain values is `db::catalogue`'s.

use crate::db::catalogue::{readable, write_codes, CallRow, TrainingRow, TRAINING_COLUMNS};
use crate::db::shared::constraint::{TRAININGS_ENROLLED, TRAININGS_REFERENCE};
use crate::db::{now, Tx};
use crate::domain::catalogue::grant_terms::{CallTerms, Rubric, TrancheTemplate};
use crate::domain::catalogue::problem::CatalogueProblem;
use crate::domain::catalogue::{GrantCall, Training};
use crate::domain::profile::Education;
use crate::domain::shared::problem::Field;
use crate::error::AppError;
use crate::on_conn;
use time::Date;

/// What the list page filters on; empty strings mean "any".
#[derive(Debug, Clone, Default)]
pub struct TrainingFilter {
    pub city: String,
    pub sector: String,
    pub programme: String,
    pub text: String,
}

/// At most this many rows on the list page (the export has them all).
pub const LIST_LIMIT: i64 = 500;

/// Trainings matching `filter`: upcoming ones first (soonest first), then past ones.
pub async fn list_trainings(
    tx: &mut Tx,
    filter: &TrainingFilter,
    today: Date,
    limit: i64,
) -> Result<Vec<(i64, Training)>, AppError> {
    let like = format!("%{}%", filter.text.trim().to_lowercase());
    let sql = format!(
        "select {TRAINING_COLUMNS} from trainings \
         where ($1 = '' or city = $1) and ($2 = '' or sector = $2) \
         and ($3 = '' or programme = $3) \
         and (lower(title) like $4 or lower(reference) like $4) \
         order by (starts_on < $5), starts_on, id limit $6"
    );
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, TrainingRow>(&sql)
            .bind(&filter.city)
            .bind(&filter.sector)
            .bind(&filter.programme)
            .bind(&like)
            .bind(today)
            .bind(limit)
            .fetch_all(conn)
            .await
    })?;
    Ok(readable(
        rows,
        "training",
        |r| r.id,
        TrainingRow::into_domain,
    ))
}

/// One training and the version an edit must name.
pub async fn training(tx: &mut Tx, id: i64) -> Result<Option<(i32, Training)>, AppError> {
    let version = on_conn!(tx, |conn| {
        sqlx::query_as::<_, (i32,)>("select version from trainings where id = $1")
            .bind(id)
            .fetch_optional(conn)
            .await
    })?;
    let Some((version,)) = version else {
        return Ok(None);
    };
    Ok(crate::db::catalogue::training(tx, id)
        .await?
        .map(|training| (version, training)))
}

/// The id of the training with this reference.
pub async fn training_id(tx: &mut Tx, reference: &str) -> Result<Option<i64>, AppError> {
    let row = on_conn!(tx, |conn| {
        sqlx::query_as::<_, (i64,)>("select id from trainings where reference = $1")
            .bind(reference)
            .fetch_optional(conn)
            .await
    })?;
    Ok(row.map(|(id,)| id))
}

/// A reference used by another training is a problem on the reference field; fewer seats than
/// people already enrolled, one on the seats field.
fn friendly(error: sqlx::Error) -> AppError {
    if TRAININGS_REFERENCE.fired(&error) {
        AppError::field(Field::Reference, CatalogueProblem::ReferenceTaken)
    } else if TRAININGS_ENROLLED.fired(&error) {
        AppError::field(Field::Seats, CatalogueProblem::SeatsBelowEnrolled)
    } else {
        error.into()
    }
}

/// Adds a training; its id. A taken reference answers a field problem.
pub async fn create_training(tx: &mut Tx, training: &Training) -> Result<i64, AppError> {
    let at = now();
    let row = on_conn!(tx, |conn| {
        sqlx::query_as::<_, (i64,)>(
            "insert into trainings (reference, title, programme, sector, city, starts_on, \
             ends_on, seats, languages, min_education, required_documents, target_groups, \
             skills, created_at, updated_at, version) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, 1) \
             returning id",
        )
        .bind(&training.reference)
        .bind(&training.title)
        .bind(training.programme.code())
        .bind(training.sector.code())
        .bind(training.city.code())
        .bind(training.starts_on)
        .bind(training.ends_on)
        .bind(i32::try_from(training.seats).unwrap_or(i32::MAX))
        .bind(write_codes(training.languages.iter().map(|l| l.code())))
        .bind(training.min_education.map(Education::code))
        .bind(write_codes(
            training.required_documents.iter().map(|d| d.code()),
        ))
        .bind(write_codes(training.target_groups.iter().map(|g| g.code())))
        .bind(write_codes(training.skills.iter().map(|s| s.code())))
        .bind(at)
        .fetch_one(conn)
        .await
    })
    .map_err(friendly)?;
    Ok(row.0)
}

/// Overwrites training `id` if it is still at `version`; `false` when someone saved it
/// meanwhile (or it is gone): a conflict, nothing written.
pub async fn update_training(
    tx: &mut Tx,
    id: i64,
    version: i32,
    training: &Training,
) -> Result<bool, AppError> {
    let at = now();
    let rows = on_conn!(tx, |conn| {
        sqlx::query(
            "update trainings set reference = $1, title = $2, programme = $3, sector = $4, \
             city = $5, starts_on = $6, ends_on = $7, seats = $8, languages = $9, \
             min_education = $10, required_documents = $11, target_groups = $12, skills = $13, \
             updated_at = $14, version = version + 1 \
             where id = $15 and version = $16",
        )
        .bind(&training.reference)
        .bind(&training.title)
        .bind(training.programme.code())
        .bind(training.sector.code())
        .bind(training.city.code())
        .bind(training.starts_on)
        .bind(training.ends_on)
        .bind(i32::try_from(training.seats).unwrap_or(i32::MAX))
        .bind(write_codes(training.languages.iter().map(|l| l.code())))
        .bind(training.min_education.map(Education::code))
        .bind(write_codes(
            training.required_documents.iter().map(|d| d.code()),
        ))
        .bind(write_codes(training.target_groups.iter().map(|g| g.code())))
        .bind(write_codes(training.skills.iter().map(|s| s.code())))
        .bind(at)
        .bind(id)
        .bind(version)
        .execute(conn)
        .await
        .map(|done| done.rows_affected())
    })
    .map_err(friendly)?;
    Ok(rows == 1)
}

/// Whether an import added a training or changed an existing one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upserted {
    Inserted,
    Updated,
}

/// Adds the training, or overwrites the one with its reference (imports are keyed by it).
pub async fn upsert_training(tx: &mut Tx, training: &Training) -> Result<Upserted, AppError> {
    match training_id(tx, &training.reference).await? {
        Some(id) => {
            let version = on_conn!(tx, |conn| {
                sqlx::query_as::<_, (i32,)>("select version from trainings where id = $1")
                    .bind(id)
                    .fetch_one(conn)
                    .await
            })?
            .0;
            if update_training(tx, id, version, training).await? {
                Ok(Upserted::Updated)
            } else {
                Err(AppError::Conflict)
            }
        }
        None => create_training(tx, training)
            .await
            .map(|_| Upserted::Inserted),
    }
}

/// Every call (any date), opening soonest first, with its review terms.
pub async fn all_calls(tx: &mut Tx) -> Result<Vec<(i64, GrantCall, CallTerms)>, AppError> {
    let calls = on_conn!(tx, |conn| {
        sqlx::query_as::<_, CallRow>(
            "select id, reference, title, envelope_centimes, max_grant_centimes, \
             own_contribution_percent, sectors, cities, opens_on, closes_on, rules \
             from grant_calls order by opens_on, id",
        )
        .fetch_all(conn)
        .await
    })?;
    let terms = on_conn!(tx, |conn| {
        sqlx::query_as::<_, (i64, String, String, i32, bool)>(
            "select id, rubric, tranches, quorum, blind_review from grant_calls",
        )
        .fetch_all(conn)
        .await
    })?;
    let read_terms = |id: i64| {
        let (_, rubric, tranches, quorum, blind_review) = terms.iter().find(|t| t.0 == id)?;
        Some(CallTerms {
            rubric: serde_json::from_str::<Rubric>(rubric).ok()?,
            tranches: serde_json::from_str::<TrancheTemplate>(tranches).ok()?,
            quorum: CallTerms::effective_quorum(u8::try_from(*quorum).ok()?),
            blind_review: *blind_review,
        })
    };
    Ok(
        readable(calls, "grant call", |r| r.id, CallRow::into_domain)
            .into_iter()
            .filter_map(|(id, call)| read_terms(id).map(|terms| (id, call, terms)))
            .collect(),
    )
}

/// Sets the review terms of the call with `reference` (the demo seed, the call form).
pub async fn set_call_terms(
    tx: &mut Tx,
    reference: &str,
    terms: &CallTerms,
) -> Result<bool, AppError> {
    let json = |value: serde_json::Result<String>| {
        value.map_err(|error| {
            tracing::error!(%error, "call terms that do not serialise");
            AppError::Internal
        })
    };
    let rubric = json(serde_json::to_string(&terms.rubric))?;
    let tranches = json(serde_json::to_string(&terms.tranches))?;
    let rows = on_conn!(tx, |conn| {
        sqlx::query(
            "update grant_calls set rubric = $1, tranches = $2, quorum = $3, blind_review = $4, \
             updated_at = $5, version = version + 1 where reference = $6",
        )
        .bind(&rubric)
        .bind(&tranches)
        .bind(i32::from(terms.quorum))
        .bind(terms.blind_review)
        .bind(now())
        .bind(reference)
        .execute(conn)
        .await
        .map(|done| done.rows_affected())
    })?;
    Ok(rows == 1)
}
