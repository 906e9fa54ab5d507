//! Monitoring visits and their evidence files. A visit is written only on an approved plan by
//! its assigned mentor (a guarded insert, so a plan moved or reassigned meanwhile writes
//! nothing); its files and audit rows go in the same transaction (`files::monitoring`).

use crate::db::mentoring::NAME;
use crate::db::{now, Tx};
use crate::domain::monitoring::score::{score_in_order, Equipment, ProblemLevel, ScoreFacts};
use crate::domain::monitoring::{Evidence, EvidenceKind, Visit};
use crate::domain::shared::money::Money;
use crate::error::AppError;
use crate::on_conn;
use crate::wire::monitoring::{EvidenceLine, VisitLine};
use sha2::{Digest, Sha256};

pub mod reminders;
pub mod scores;
use time::{Date, OffsetDateTime};

/// The day the committee approved the plan (its `approved` decision), if it did.
pub async fn approved_on(tx: &mut Tx, plan_id: i64) -> Result<Option<Date>, AppError> {
    let at = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, OffsetDateTime>(
            "select decided_at from decisions where plan_id = $1 and outcome = 'approved'",
        )
        .bind(plan_id)
        .fetch_optional(conn)
        .await
    })?;
    Ok(at.map(|at| at.date()))
}

/// A recorded visit: its id and its evidence files' ids, in the order given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub visit: i64,
    pub evidence: Vec<(i64, String)>,
}

/// Writes the visit and its files, only if the plan is approved and `mentor` is its mentor;
/// `None` when it is not (nothing written). The caller writes the audit rows and commits.
pub async fn record(
    tx: &mut Tx,
    plan_id: i64,
    mentor: i64,
    visit: &Visit,
    evidence: &[Evidence],
) -> Result<Option<Recorded>, AppError> {
    let at = now();
    let id = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into monitoring_visits (plan_id, mentor_id, visited_on, operating, \
             revenue_centimes, costs_centimes, jobs, problems, satisfactory, created_at, \
             equipment, problem_level) \
             select p.id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 from plans p \
             where p.id = $1 and p.status = 'approved' and p.mentor_id = $2 returning id",
        )
        .bind(plan_id)
        .bind(mentor)
        .bind(visit.visited_on)
        .bind(visit.operating)
        .bind(visit.revenue.centimes())
        .bind(visit.costs.centimes())
        .bind(i32::from(visit.jobs))
        .bind(&visit.problems)
        .bind(visit.satisfactory)
        .bind(at)
        .bind(visit.equipment.code())
        .bind(visit.problem_level.code())
        .fetch_optional(conn)
        .await
    })?;
    let Some(visit_id) = id else {
        return Ok(None);
    };
    let mut ids = Vec::with_capacity(evidence.len());
    for file in evidence {
        let sha256 = hex::encode(Sha256::digest(&file.bytes));
        let size = i32::try_from(file.bytes.len()).map_err(|_| AppError::Internal)?;
        let id = on_conn!(tx, |conn| {
            sqlx::query_scalar::<_, i64>(
                "insert into visit_evidence (visit_id, original_name, content_type, size_bytes, \
                 sha256, data, uploaded_by, uploaded_at) values ($1, $2, $3, $4, $5, $6, $7, $8) \
                 returning id",
            )
            .bind(visit_id)
            .bind(&file.name)
            .bind(file.kind.content_type())
            .bind(size)
            .bind(&sha256)
            .bind(&file.bytes)
            .bind(mentor)
            .bind(at)
            .fetch_one(conn)
            .await
        })?;
        ids.push((id, sha256));
    }
    Ok(Some(Recorded {
        visit: visit_id,
        evidence: ids,
    }))
}

#[derive(sqlx::FromRow)]
struct VisitRow {
    id: i64,
    visited_on: Date,
    mentor: String,
    operating: bool,
    revenue_centimes: i64,
    costs_centimes: i64,
    jobs: i32,
    problems: String,
    satisfactory: bool,
    equipment: Option<String>,
    problem_level: Option<String>,
}

impl VisitRow {
    fn facts(&self) -> Result<ScoreFacts, AppError> {
        facts_of(
            self.operating,
            (self.revenue_centimes, self.costs_centimes),
            self.jobs,
            self.equipment.as_deref(),
            self.problem_level.as_deref(),
        )
    }
}

/// A visit's score facts from its stored columns (a code the database's check lets through
/// but this build does not know is an error, never a silent "no score").
pub(crate) fn facts_of(
    operating: bool,
    (revenue, costs): (i64, i64),
    jobs: i32,
    equipment: Option<&str>,
    problem_level: Option<&str>,
) -> Result<ScoreFacts, AppError> {
    Ok(ScoreFacts {
        operating,
        revenue: Money::from_centimes(revenue),
        costs: Money::from_centimes(costs),
        jobs: u16::try_from(jobs).map_err(|_| AppError::Internal)?,
        equipment: known(equipment.and_then(Equipment::from_code), equipment)?,
        problem_level: known(
            problem_level.and_then(ProblemLevel::from_code),
            problem_level,
        )?,
    })
}

fn known<T>(parsed: Option<T>, code: Option<&str>) -> Result<Option<T>, AppError> {
    match code {
        Some(_) => parsed.map(Some).ok_or(AppError::Internal),
        None => Ok(None),
    }
}

#[derive(sqlx::FromRow)]
struct EvidenceRow {
    id: i64,
    visit_id: i64,
    original_name: String,
    content_type: String,
    size_bytes: i32,
}

/// The plan's visits, latest first, each with its evidence files (oldest first).
pub async fn visits(tx: &mut Tx, plan_id: i64) -> Result<Vec<VisitLine>, AppError> {
    let sql = format!(
        "select v.id, v.visited_on, {NAME} as mentor, v.operating, v.revenue_centimes, \
         v.costs_centimes, v.jobs, v.problems, v.satisfactory, v.equipment, v.problem_level \
         from monitoring_visits v join users u on u.id = v.mentor_id \
         left join profiles pr on pr.user_id = u.id \
         where v.plan_id = $1 order by v.visited_on desc, v.id desc"
    );
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, VisitRow>(&sql)
            .bind(plan_id)
            .fetch_all(conn)
            .await
    })?;
    let files = on_conn!(tx, |conn| {
        sqlx::query_as::<_, EvidenceRow>(
            "select e.id, e.visit_id, e.original_name, e.content_type, e.size_bytes \
             from visit_evidence e join monitoring_visits v on v.id = e.visit_id \
             where v.plan_id = $1 order by e.id",
        )
        .bind(plan_id)
        .fetch_all(conn)
        .await
    })?;
    let facts = rows
        .iter()
        .rev()
        .map(VisitRow::facts)
        .collect::<Result<Vec<_>, AppError>>()?;
    let mut scores = score_in_order(&facts);
    scores.reverse();
    rows.into_iter()
        .zip(facts.into_iter().rev().zip(scores))
        .map(|(row, (facts, score))| {
            let evidence = files
                .iter()
                .filter(|f| f.visit_id == row.id)
                .map(|f| {
                    Ok(EvidenceLine {
                        id: f.id,
                        name: f.original_name.clone(),
                        kind: EvidenceKind::from_content_type(&f.content_type)
                            .ok_or(AppError::Internal)?,
                        size_bytes: i64::from(f.size_bytes),
                    })
                })
                .collect::<Result<Vec<_>, AppError>>()?;
            Ok(VisitLine {
                id: row.id,
                visited_on: row.visited_on,
                mentor: row.mentor,
                operating: row.operating,
                revenue: Money::from_centimes(row.revenue_centimes),
                costs: Money::from_centimes(row.costs_centimes),
                jobs: facts.jobs,
                problems: row.problems,
                equipment: facts.equipment,
                problem_level: facts.problem_level,
                satisfactory: row.satisfactory,
                score,
                evidence,
            })
        })
        .collect()
}

/// One evidence file to serve, with the plan it belongs to (the caller checks the reader
/// may see that plan).
#[derive(Clone, PartialEq, Eq)]
pub struct EvidenceFile {
    pub plan_id: i64,
    pub kind: EvidenceKind,
    pub data: Vec<u8>,
}

#[derive(sqlx::FromRow)]
struct FileRow {
    plan_id: i64,
    content_type: String,
    data: Vec<u8>,
}

pub async fn evidence_file(tx: &mut Tx, id: i64) -> Result<Option<EvidenceFile>, AppError> {
    let row = on_conn!(tx, |conn| {
        sqlx::query_as::<_, FileRow>(
            "select v.plan_id, e.content_type, e.data from visit_evidence e \
             join monitoring_visits v on v.id = e.visit_id where e.id = $1",
        )
        .bind(id)
        .fetch_optional(conn)
        .await
    })?;
    row.map(|row| {
        Ok(EvidenceFile {
            plan_id: row.plan_id,
            kind: EvidenceKind::from_content_type(&row.content_type).ok_or(AppError::Internal)?,
            data: row.data,
        })
    })
    .transpose()
}
