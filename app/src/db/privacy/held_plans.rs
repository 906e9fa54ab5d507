//! What is held about one of a person's plans beyond its text: the steps taken, comments,
//! mentoring sessions, monitoring visits with their evidence files' details, and the tranches
//! with every payment attempt. Staff by role only (see `held`).

use crate::db::Tx;
use crate::domain::money::tranche::TrancheStatus;
use crate::domain::monitoring::score::{Equipment, ProblemLevel};
use crate::domain::plans::plan::PlanStatus;
use crate::domain::shared::money::Money;
use crate::error::AppError;
use crate::on_conn;
use crate::wire::privacy::{
    HeldComment, HeldEvent, HeldEvidence, HeldPayment, HeldSession, HeldTranche, HeldVisit,
};
use std::collections::HashMap;
use time::{Date, OffsetDateTime};

#[derive(sqlx::FromRow)]
struct EventRow {
    at: OffsetDateTime,
    /// `None` for Passerelle's own steps.
    role: Option<String>,
    action: String,
    from_status: Option<String>,
    to_status: Option<String>,
    reason: Option<String>,
}

/// The plan's steps, oldest first.
pub async fn events(tx: &mut Tx, plan: i64) -> Result<Vec<HeldEvent>, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, EventRow>(
            "select e.at, u.role, e.action, e.from_status, e.to_status, e.reason \
             from plan_events e left join users u on u.id = e.actor_id \
             where e.plan_id = $1 order by e.id",
        )
        .bind(plan)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|row| HeldEvent {
            at: row.at,
            by: row.role.and_then(|role| role.parse().ok()),
            action: row.action,
            from: row.from_status.as_deref().and_then(PlanStatus::from_code),
            to: row.to_status.as_deref().and_then(PlanStatus::from_code),
            reason: row.reason,
        })
        .collect())
}

/// Comments on the plan, oldest first.
pub async fn comments(tx: &mut Tx, plan: i64) -> Result<Vec<HeldComment>, AppError> {
    let rows: Vec<(OffsetDateTime, String, String, String)> = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select c.created_at, u.role, c.section, c.body \
             from plan_comments c join users u on u.id = c.author_id \
             where c.plan_id = $1 order by c.id",
        )
        .bind(plan)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(at, role, part, body)| HeldComment {
            at,
            by: role.parse().ok(),
            part,
            body,
        })
        .collect())
}

/// Mentoring sessions, oldest first.
pub async fn sessions(tx: &mut Tx, plan: i64) -> Result<Vec<HeldSession>, AppError> {
    let rows: Vec<(Date, i32, String, String)> = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select held_on, minutes, topics, next_steps from mentoring_sessions \
             where plan_id = $1 order by held_on, id",
        )
        .bind(plan)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(held_on, minutes, topics, next_steps)| HeldSession {
            held_on,
            minutes,
            topics,
            next_steps,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct VisitRow {
    id: i64,
    visited_on: Date,
    operating: bool,
    revenue_centimes: i64,
    costs_centimes: i64,
    jobs: i32,
    problems: String,
    satisfactory: bool,
    equipment: Option<String>,
    problem_level: Option<String>,
}

#[derive(sqlx::FromRow)]
struct EvidenceRow {
    id: i64,
    visit_id: i64,
    original_name: String,
    content_type: String,
    size_bytes: i64,
    sha256: String,
    uploaded_at: OffsetDateTime,
}

/// Monitoring visits with their evidence files' details (not the files), oldest first.
pub async fn visits(tx: &mut Tx, plan: i64) -> Result<Vec<HeldVisit>, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, VisitRow>(
            "select id, visited_on, operating, revenue_centimes, costs_centimes, jobs, problems, \
             satisfactory, equipment, problem_level from monitoring_visits \
             where plan_id = $1 order by visited_on, id",
        )
        .bind(plan)
        .fetch_all(conn)
        .await
    })?;
    let files = on_conn!(tx, |conn| {
        sqlx::query_as::<_, EvidenceRow>(
            "select f.id, f.visit_id, f.original_name, f.content_type, \
             cast(f.size_bytes as bigint) as size_bytes, f.sha256, f.uploaded_at \
             from visit_evidence f join monitoring_visits v on v.id = f.visit_id \
             where v.plan_id = $1 order by f.id",
        )
        .bind(plan)
        .fetch_all(conn)
        .await
    })?;
    let mut by_visit: HashMap<i64, Vec<HeldEvidence>> = HashMap::new();
    for file in files {
        by_visit
            .entry(file.visit_id)
            .or_default()
            .push(HeldEvidence {
                id: file.id,
                name: file.original_name,
                content_type: file.content_type,
                size_bytes: file.size_bytes,
                sha256: file.sha256,
                uploaded_at: file.uploaded_at,
            });
    }
    Ok(rows
        .into_iter()
        .map(|row| HeldVisit {
            visited_on: row.visited_on,
            operating: row.operating,
            revenue: Money::from_centimes(row.revenue_centimes),
            costs: Money::from_centimes(row.costs_centimes),
            jobs: row.jobs,
            problems: row.problems,
            equipment: row.equipment.as_deref().and_then(Equipment::from_code),
            problem_level: row
                .problem_level
                .as_deref()
                .and_then(ProblemLevel::from_code),
            satisfactory: row.satisfactory,
            evidence: by_visit.remove(&row.id).unwrap_or_default(),
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct PaymentRow {
    tranche_id: i64,
    attempt: i32,
    method: String,
    supplier: Option<String>,
    invoice_ref: Option<String>,
    payee_ref: Option<String>,
    status: String,
    released_at: OffsetDateTime,
    settled_at: Option<OffsetDateTime>,
    settlement_ref: Option<String>,
    failure_reason: Option<String>,
}

/// The grant's tranches, each with every payment attempt, in order.
pub async fn tranches(tx: &mut Tx, plan: i64) -> Result<Vec<HeldTranche>, AppError> {
    let rows: Vec<(i64, i32, i32, i64, String)> = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select id, number, percent, amount_centimes, status from tranches \
             where plan_id = $1 order by number",
        )
        .bind(plan)
        .fetch_all(conn)
        .await
    })?;
    let payments = on_conn!(tx, |conn| {
        sqlx::query_as::<_, PaymentRow>(
            "select y.tranche_id, y.attempt, y.method, y.supplier, y.invoice_ref, y.payee_ref, \
             y.status, y.released_at, y.settled_at, y.settlement_ref, y.failure_reason \
             from payments y join tranches t on t.id = y.tranche_id \
             where t.plan_id = $1 order by y.tranche_id, y.attempt",
        )
        .bind(plan)
        .fetch_all(conn)
        .await
    })?;
    let mut by_tranche: HashMap<i64, Vec<HeldPayment>> = HashMap::new();
    for row in payments {
        by_tranche
            .entry(row.tranche_id)
            .or_default()
            .push(HeldPayment {
                attempt: row.attempt,
                method: row.method,
                supplier: row.supplier,
                invoice: row.invoice_ref,
                payee: row.payee_ref,
                status: row.status,
                released_at: row.released_at,
                settled_at: row.settled_at,
                settlement_ref: row.settlement_ref,
                failure_reason: row.failure_reason,
            });
    }
    rows.into_iter()
        .map(|(id, number, percent, amount, status)| {
            Ok(HeldTranche {
                number,
                percent,
                amount: Money::from_centimes(amount),
                status: TrancheStatus::from_code(&status).ok_or(AppError::Internal)?,
                payments: by_tranche.remove(&id).unwrap_or_default(),
            })
        })
        .collect()
}

/// One evidence file of the person's visits, whole: its number, what it is, its bytes.
#[derive(sqlx::FromRow)]
pub struct EvidenceBytes {
    pub id: i64,
    pub content_type: String,
    pub data: Vec<u8>,
}

/// Every evidence file of the person's visits, oldest first (at most a few per visit, each
/// under 5 MB: read at once for the archive).
pub async fn evidence_files(tx: &mut Tx, person: i64) -> Result<Vec<EvidenceBytes>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_as::<_, EvidenceBytes>(
            "select f.id, f.content_type, f.data from visit_evidence f \
             join monitoring_visits v on v.id = f.visit_id join plans p on p.id = v.plan_id \
             where p.user_id = $1 order by f.id",
        )
        .bind(person)
        .fetch_all(conn)
        .await
    })?)
}
