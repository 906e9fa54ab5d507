//! Trainings and grant calls. Rows hold codes and JSON; they become domain values here, and a
//! row the domain cannot read (never written by the app) is logged and left out, not shown
//! half-understood.

pub mod calls_admin;
pub mod catalogue_admin;
pub mod catalogue_imports;
pub mod kept;

use crate::db::{now, Tx};
use crate::domain::catalogue::{GrantCall, Training};
use crate::domain::matching::eligibility::Rule;
use crate::domain::profile::{DocumentKind, Education, Language, Programme, TargetGroup};
use crate::domain::shared::money::Money;
use crate::domain::shared::reference::{City, Sector, SkillId};
use crate::error::AppError;
use crate::on_conn;
use time::Date;

/// A JSON list of codes, each read with `read`; `None` if any is unknown.
fn read_codes<T>(json: &str, read: impl Fn(&str) -> Option<T>) -> Option<Vec<T>> {
    let codes: Vec<String> = serde_json::from_str(json).ok()?;
    codes.iter().map(|c| read(c)).collect()
}

/// The rows the domain can read; the others are logged (by id, no content) and left out.
pub(super) fn readable<R, T>(
    rows: Vec<R>,
    what: &str,
    id: impl Fn(&R) -> i64,
    read: impl Fn(R) -> Option<(i64, T)>,
) -> Vec<(i64, T)> {
    rows.into_iter()
        .filter_map(|row| {
            let row_id = id(&row);
            let value = read(row);
            if value.is_none() {
                tracing::error!(id = row_id, what, "a catalogue row the domain cannot read");
            }
            value
        })
        .collect()
}

pub(super) fn write_codes<'a>(codes: impl Iterator<Item = &'a str>) -> String {
    serde_json::Value::from(codes.collect::<Vec<_>>()).to_string()
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub(super) struct TrainingRow {
    pub(super) id: i64,
    reference: String,
    title: String,
    programme: String,
    sector: String,
    city: String,
    starts_on: Date,
    ends_on: Date,
    seats: i32,
    languages: String,
    min_education: Option<String>,
    required_documents: String,
    target_groups: String,
    skills: String,
}

impl TrainingRow {
    pub(super) fn into_domain(self) -> Option<(i64, Training)> {
        Some((
            self.id,
            Training {
                reference: self.reference,
                title: self.title,
                programme: Programme::from_code(&self.programme)?,
                sector: Sector::from_code(&self.sector)?,
                city: City::parse(&self.city)?,
                starts_on: self.starts_on,
                ends_on: self.ends_on,
                seats: u32::try_from(self.seats).ok()?,
                languages: read_codes(&self.languages, Language::from_code)?,
                min_education: match self.min_education {
                    Some(code) => Some(Education::from_code(&code)?),
                    None => None,
                },
                required_documents: read_codes(&self.required_documents, DocumentKind::from_code)?,
                target_groups: read_codes(&self.target_groups, TargetGroup::from_code)?,
                skills: read_codes(&self.skills, SkillId::parse)?,
            },
        ))
    }
}

pub(super) const TRAINING_COLUMNS: &str =
    "id, reference, title, programme, sector, city, starts_on, \
     ends_on, seats, languages, min_education, required_documents, target_groups, skills";

const CALL_COLUMNS: &str = "id, reference, title, envelope_centimes, max_grant_centimes, \
     own_contribution_percent, sectors, cities, opens_on, closes_on, rules";

/// One training by id, if it exists and the domain can read it.
pub async fn training(tx: &mut Tx, id: i64) -> Result<Option<Training>, AppError> {
    let row = on_conn!(tx, |conn| {
        sqlx::query_as::<_, TrainingRow>(&format!(
            "select {TRAINING_COLUMNS} from trainings where id = $1"
        ))
        .bind(id)
        .fetch_optional(conn)
        .await
    })?;
    Ok(readable(
        row.into_iter().collect(),
        "training",
        |row| row.id,
        TrainingRow::into_domain,
    )
    .pop()
    .map(|(_, training)| training))
}

/// One grant call by id, if it exists and the domain can read it.
pub async fn call(tx: &mut Tx, id: i64) -> Result<Option<GrantCall>, AppError> {
    let row = on_conn!(tx, |conn| {
        sqlx::query_as::<_, CallRow>(&format!(
            "select {CALL_COLUMNS} from grant_calls where id = $1"
        ))
        .bind(id)
        .fetch_optional(conn)
        .await
    })?;
    Ok(readable(
        row.into_iter().collect(),
        "grant call",
        |row| row.id,
        CallRow::into_domain,
    )
    .pop()
    .map(|(_, call)| call))
}

/// Trainings that have not started yet, soonest first.
pub async fn upcoming_trainings(
    tx: &mut Tx,
    today: Date,
) -> Result<Vec<(i64, Training)>, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, TrainingRow>(&format!(
            "select {TRAINING_COLUMNS} from trainings where starts_on >= $1 order by starts_on, id"
        ))
        .bind(today)
        .fetch_all(conn)
        .await
    })?;
    Ok(readable(
        rows,
        "training",
        |row| row.id,
        TrainingRow::into_domain,
    ))
}

/// Adds a training unless one with its reference exists (seeding); `true` when added. The
/// insert itself is the admin's (`catalogue_admin::create_training`), so both write the same.
pub async fn insert_training(tx: &mut Tx, training: &Training) -> Result<bool, AppError> {
    if crate::db::catalogue::catalogue_admin::training_id(tx, &training.reference)
        .await?
        .is_some()
    {
        return Ok(false);
    }
    crate::db::catalogue::catalogue_admin::create_training(tx, training).await?;
    Ok(true)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub(super) struct CallRow {
    pub(super) id: i64,
    reference: String,
    title: String,
    envelope_centimes: i64,
    max_grant_centimes: i64,
    own_contribution_percent: i32,
    sectors: String,
    cities: String,
    opens_on: Date,
    closes_on: Date,
    rules: String,
}

impl CallRow {
    pub(super) fn into_domain(self) -> Option<(i64, GrantCall)> {
        Some((
            self.id,
            GrantCall {
                reference: self.reference,
                title: self.title,
                envelope: Money::from_centimes(self.envelope_centimes),
                max_grant: Money::from_centimes(self.max_grant_centimes),
                own_contribution_percent: u8::try_from(self.own_contribution_percent).ok()?,
                sectors: read_codes(&self.sectors, Sector::from_code)?,
                cities: read_codes(&self.cities, City::parse)?,
                opens_on: self.opens_on,
                closes_on: self.closes_on,
                rules: serde_json::from_str::<Vec<Rule>>(&self.rules).ok()?,
            },
        ))
    }
}

/// Calls open on `today`, closing soonest first.
pub async fn open_calls(tx: &mut Tx, today: Date) -> Result<Vec<(i64, GrantCall)>, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, CallRow>(&format!(
            "select {CALL_COLUMNS} from grant_calls \
             where opens_on <= $1 and closes_on >= $1 order by closes_on, id"
        ))
        .bind(today)
        .fetch_all(conn)
        .await
    })?;
    Ok(readable(
        rows,
        "grant call",
        |row| row.id,
        CallRow::into_domain,
    ))
}

/// Adds a call unless one with its reference exists; `true` when added.
pub async fn insert_call(tx: &mut Tx, call: &GrantCall) -> Result<bool, AppError> {
    let at = now();
    let rules = serde_json::to_string(&call.rules).map_err(|error| {
        tracing::error!(%error, "rules that do not serialise");
        AppError::Internal
    })?;
    let rows = on_conn!(tx, |conn| {
        sqlx::query(
            "insert into grant_calls (reference, title, envelope_centimes, max_grant_centimes, \
             own_contribution_percent, sectors, cities, opens_on, closes_on, rules, created_at, \
             updated_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) \
             on conflict (reference) do nothing",
        )
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
        .bind(at)
        .execute(conn)
        .await
        .map(|done| done.rows_affected())
    })?;
    Ok(rows == 1)
}
