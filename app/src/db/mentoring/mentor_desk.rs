//! Who mentors whom: mentor profiles, the admin's assignment desk, guarded assignment, and a
//! mentor's caseload. Applicants are read for their city, sectors and languages only.

use crate::db::mentoring::NAME;
use crate::db::{now, Tx};
use crate::domain::mentoring::{days_between, in_caseload, waits_on, MentorFit, PlanNeeds};
use crate::domain::plans::plan::PlanStatus;
use crate::domain::profile::Language;
use crate::domain::shared::reference::{City, Sector};
use crate::error::AppError;
use crate::on_conn;
use crate::wire::mentoring::{CaseloadLine, MentorLine};
use std::collections::HashMap;
use time::{Date, OffsetDateTime};

/// Statuses that leave the desk and the caseload.
const FINISHED: &str = "('withdrawn', 'closed', 'rejected')";

/// A stored JSON list of codes, read leniently (a code the reference dropped is skipped).
fn read_list<T>(json: &str, parse: impl Fn(&str) -> Option<T>) -> Vec<T> {
    serde_json::from_str::<Vec<String>>(json)
        .unwrap_or_default()
        .iter()
        .filter_map(|code| parse(code))
        .collect()
}

fn write_list<'a>(codes: impl Iterator<Item = &'a str>) -> Result<String, AppError> {
    serde_json::to_string(&codes.collect::<Vec<_>>()).map_err(|_| AppError::Internal)
}

/// Whether `user_id` is an active mentor account.
pub async fn is_mentor(tx: &mut Tx, user_id: i64) -> Result<bool, AppError> {
    let found = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "select id from users where id = $1 and role = 'mentor' and disabled_at is null",
        )
        .bind(user_id)
        .fetch_optional(conn)
        .await
    })?;
    Ok(found.is_some())
}

/// Whether the mentor has a profile yet.
pub async fn has_profile(tx: &mut Tx, user_id: i64) -> Result<bool, AppError> {
    let found = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>("select user_id from mentor_profiles where user_id = $1")
            .bind(user_id)
            .fetch_optional(conn)
            .await
    })?;
    Ok(found.is_some())
}

/// Sets a mentor's profile (creating it the first time).
pub async fn save_profile(
    tx: &mut Tx,
    user_id: i64,
    city: Option<City>,
    sectors: &[Sector],
    languages: &[Language],
    capacity: u16,
) -> Result<(), AppError> {
    let sectors = write_list(sectors.iter().map(|s| s.code()))?;
    let languages = write_list(languages.iter().map(|l| l.code()))?;
    let at = now();
    on_conn!(tx, |conn| {
        sqlx::query(
            "insert into mentor_profiles (user_id, city, sectors, languages, capacity, updated_at) \
             values ($1, $2, $3, $4, $5, $6) on conflict (user_id) do update set \
             city = excluded.city, sectors = excluded.sectors, languages = excluded.languages, \
             capacity = excluded.capacity, updated_at = excluded.updated_at",
        )
        .bind(user_id)
        .bind(city.map(City::code))
        .bind(&sectors)
        .bind(&languages)
        .bind(i32::from(capacity))
        .bind(at)
        .execute(conn)
        .await
        .map(drop)
    })?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct MentorRow {
    id: i64,
    name: String,
    city: Option<String>,
    sectors: Option<String>,
    languages: Option<String>,
    capacity: Option<i32>,
}

/// Every active mentor with their profile (a mentor without one has no city, sectors or
/// languages and the default capacity) and how many plans they coach now.
pub async fn mentors(tx: &mut Tx) -> Result<Vec<MentorLine>, AppError> {
    let sql = format!(
        "select u.id, {NAME} as name, mp.city, mp.sectors, mp.languages, mp.capacity \
         from users u left join profiles pr on pr.user_id = u.id \
         left join mentor_profiles mp on mp.user_id = u.id \
         where u.role = 'mentor' and u.disabled_at is null order by u.id"
    );
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, MentorRow>(&sql).fetch_all(conn).await
    })?;
    let loads = caseloads(tx).await?;
    Ok(rows
        .into_iter()
        .map(|row| MentorLine {
            id: row.id,
            name: row.name,
            city: row.city.as_deref().and_then(City::parse),
            sectors: read_list(row.sectors.as_deref().unwrap_or("[]"), Sector::from_code),
            languages: read_list(
                row.languages.as_deref().unwrap_or("[]"),
                Language::from_code,
            ),
            capacity: row
                .capacity
                .and_then(|c| u16::try_from(c).ok())
                .unwrap_or(10),
            caseload: loads.get(&row.id).copied().unwrap_or(0),
        })
        .collect())
}

/// Plans each mentor coaches now.
async fn caseloads(tx: &mut Tx) -> Result<HashMap<i64, u16>, AppError> {
    let rows: Vec<(i64, String)> = on_conn!(tx, |conn| {
        sqlx::query_as("select mentor_id, status from plans where mentor_id is not null")
            .fetch_all(conn)
            .await
    })?;
    let mut loads = HashMap::new();
    for (mentor, status) in rows {
        if PlanStatus::from_code(&status).is_some_and(in_caseload) {
            *loads.entry(mentor).or_insert(0u16) += 1;
        }
    }
    Ok(loads)
}

impl From<&MentorLine> for MentorFit {
    fn from(m: &MentorLine) -> Self {
        MentorFit {
            id: m.id,
            city: m.city,
            sectors: m.sectors.clone(),
            languages: m.languages.clone(),
            capacity: m.capacity,
            caseload: m.caseload,
        }
    }
}

#[derive(sqlx::FromRow)]
struct DeskRow {
    id: i64,
    applicant: String,
    reference: String,
    title: String,
    status: String,
    mentor_id: Option<i64>,
    city: Option<String>,
    languages: Option<String>,
    sectors: Option<String>,
    call_sectors: String,
}

/// A plan on the desk, before suggestions: who, which call, where it stands, its mentor, and
/// what it needs of one.
pub struct DeskEntry {
    pub id: i64,
    pub applicant: String,
    pub reference: String,
    pub title: String,
    pub status: PlanStatus,
    pub mentor: Option<i64>,
    pub needs: PlanNeeds,
}

/// Plans not withdrawn or closed, those without a mentor first, then the oldest.
pub async fn desk(tx: &mut Tx) -> Result<Vec<DeskEntry>, AppError> {
    let sql = format!(
        "select p.id, {NAME} as applicant, c.reference, c.title, p.status, p.mentor_id, \
         pr.city, pr.languages, pr.sectors, c.sectors as call_sectors \
         from plans p join grant_calls c on c.id = p.call_id join users u on u.id = p.user_id \
         left join profiles pr on pr.user_id = u.id \
         where p.status not in ('withdrawn', 'closed') \
         order by case when p.mentor_id is null then 0 else 1 end, p.id"
    );
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, DeskRow>(&sql).fetch_all(conn).await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let mut sectors = read_list(row.sectors.as_deref().unwrap_or("[]"), Sector::from_code);
            for sector in read_list(&row.call_sectors, Sector::from_code) {
                if !sectors.contains(&sector) {
                    sectors.push(sector);
                }
            }
            Some(DeskEntry {
                id: row.id,
                applicant: row.applicant,
                reference: row.reference,
                title: row.title,
                status: PlanStatus::from_code(&row.status)?,
                mentor: row.mentor_id,
                needs: PlanNeeds {
                    city: row.city.as_deref().and_then(City::parse),
                    sectors,
                    languages: read_list(
                        row.languages.as_deref().unwrap_or("[]"),
                        Language::from_code,
                    ),
                },
            })
        })
        .collect())
}

/// Gives the plan to `mentor` only if its mentor is still `expected` (none = `None`); false
/// when someone changed it first.
pub async fn assign(
    tx: &mut Tx,
    plan_id: i64,
    mentor: i64,
    expected: Option<i64>,
) -> Result<bool, AppError> {
    let at = now();
    let done = on_conn!(tx, |conn| {
        sqlx::query(
            "update plans set mentor_id = $1, updated_at = $2 \
             where id = $3 and coalesce(mentor_id, 0) = $4",
        )
        .bind(mentor)
        .bind(at)
        .bind(plan_id)
        .bind(expected.unwrap_or(0))
        .execute(conn)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(done == 1)
}

#[derive(sqlx::FromRow)]
struct CaseloadRow {
    id: i64,
    applicant: String,
    reference: String,
    title: String,
    status: String,
    status_changed_at: Option<OffsetDateTime>,
    updated_at: OffsetDateTime,
}

/// The mentor's plans still in their caseload, the longest waiting on them first, then the
/// others by how long they have waited. Names only: no profile flags are read.
pub async fn caseload(tx: &mut Tx, mentor: i64) -> Result<Vec<CaseloadLine>, AppError> {
    let sql = format!(
        "select p.id, {NAME} as applicant, c.reference, c.title, p.status, \
         p.status_changed_at, p.updated_at \
         from plans p join grant_calls c on c.id = p.call_id join users u on u.id = p.user_id \
         left join profiles pr on pr.user_id = u.id \
         where p.mentor_id = $1 and p.status not in {FINISHED}"
    );
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, CaseloadRow>(&sql)
            .bind(mentor)
            .fetch_all(conn)
            .await
    })?;
    let held: Vec<(i64, Date)> = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select s.plan_id, s.held_on from mentoring_sessions s \
             join plans p on p.id = s.plan_id where p.mentor_id = $1",
        )
        .bind(mentor)
        .fetch_all(conn)
        .await
    })?;
    let mut last: HashMap<i64, Date> = HashMap::new();
    for (plan, day) in held {
        let entry = last.entry(plan).or_insert(day);
        *entry = (*entry).max(day);
    }
    let today = now();
    let mut lines: Vec<CaseloadLine> = rows
        .into_iter()
        .filter_map(|row| {
            let status = PlanStatus::from_code(&row.status)?;
            let since = row.status_changed_at.unwrap_or(row.updated_at);
            Some(CaseloadLine {
                plan: row.id,
                applicant: row.applicant,
                reference: row.reference,
                title: row.title,
                status,
                waits_on: waits_on(status),
                since,
                days: days_between(since, today),
                last_session: last.get(&row.id).copied(),
            })
        })
        .collect();
    lines.sort_by_key(|l| {
        let on_mentor = l.waits_on == Some(crate::domain::mentoring::WaitsOn::Mentor);
        (!on_mentor, l.since, l.plan)
    });
    Ok(lines)
}
