//! Seat requests and enrolments. Every status change is a guarded write on the status read
//! before it; the seat count lives on the training and moves by guarded updates only.

pub mod step;

pub use step::Step;

use crate::db::shared::constraint::ENROLMENTS_TRAINING_USER;
use crate::db::{now, Tx};
use crate::domain::enrolments::enrolment::EnrolmentStatus;
use crate::domain::enrolments::enrolment::Seats;
use crate::domain::profile::Programme;
use crate::error::AppError;
use crate::on_conn;
use crate::wire::enrolments::EnrolmentLine;
use time::{Date, OffsetDateTime};

/// One enrolment as the transition code needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Enrolment {
    pub id: i64,
    pub training_id: i64,
    pub user_id: i64,
    pub status: EnrolmentStatus,
}

#[derive(sqlx::FromRow)]
struct EnrolmentRow {
    id: i64,
    training_id: i64,
    user_id: i64,
    status: String,
}

impl EnrolmentRow {
    fn into_domain(self) -> Result<Enrolment, AppError> {
        let status = EnrolmentStatus::from_code(&self.status).ok_or_else(|| {
            tracing::error!(id = self.id, "an enrolment with an unknown status");
            AppError::Internal
        })?;
        Ok(Enrolment {
            id: self.id,
            training_id: self.training_id,
            user_id: self.user_id,
            status,
        })
    }
}

pub async fn by_id(tx: &mut Tx, id: i64) -> Result<Option<Enrolment>, AppError> {
    let row = on_conn!(tx, |conn| {
        sqlx::query_as::<_, EnrolmentRow>(
            "select id, training_id, user_id, status from enrolments where id = $1",
        )
        .bind(id)
        .fetch_optional(conn)
        .await
    })?;
    row.map(EnrolmentRow::into_domain).transpose()
}

pub async fn of_user_for(
    tx: &mut Tx,
    user_id: i64,
    training_id: i64,
) -> Result<Option<Enrolment>, AppError> {
    let row = on_conn!(tx, |conn| {
        sqlx::query_as::<_, EnrolmentRow>(
            "select id, training_id, user_id, status from enrolments \
             where user_id = $1 and training_id = $2",
        )
        .bind(user_id)
        .bind(training_id)
        .fetch_optional(conn)
        .await
    })?;
    row.map(EnrolmentRow::into_domain).transpose()
}

/// A first request; `None` if the person already has a row for this training (a concurrent
/// request won the race).
pub async fn create(tx: &mut Tx, user_id: i64, training_id: i64) -> Result<Option<i64>, AppError> {
    let at = now();
    let inserted = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into enrolments (training_id, user_id, status, requested_at, updated_at) \
             values ($1, $2, 'requested', $3, $3) returning id",
        )
        .bind(training_id)
        .bind(user_id)
        .bind(at)
        .fetch_one(conn)
        .await
    });
    match inserted {
        Ok(id) => Ok(Some(id)),
        Err(error) if ENROLMENTS_TRAINING_USER.fired(&error) => Ok(None),
        Err(error) => Err(error.into()),
    }
}

/// Moves an enrolment from `from` to `to`; `false` if it was no longer in `from` (someone else
/// acted first). Admin decisions record who decided.
async fn transition(
    tx: &mut Tx,
    id: i64,
    from: EnrolmentStatus,
    to: EnrolmentStatus,
    decided_by: Option<i64>,
) -> Result<bool, AppError> {
    let at = now();
    let completed_at = (to == EnrolmentStatus::Completed).then_some(at);
    let rows = on_conn!(tx, |conn| {
        sqlx::query(
            "update enrolments set status = $1, updated_at = $2, \
             decided_by = coalesce($3, decided_by), \
             decided_at = case when $3 is null then decided_at else $2 end, \
             completed_at = coalesce($4, completed_at), \
             requested_at = case when $1 = 'requested' then $2 else requested_at end \
             where id = $5 and status = $6",
        )
        .bind(to.code())
        .bind(at)
        .bind(decided_by)
        .bind(completed_at)
        .bind(id)
        .bind(from.code())
        .execute(conn)
        .await
        .map(|done| done.rows_affected())
    })?;
    Ok(rows == 1)
}

/// Takes (`+1`) or frees (`-1`) a seat; taking answers `false` when the training is full. The
/// check and the change are one statement, so two confirmations can never share a last seat.
async fn move_seats(tx: &mut Tx, training_id: i64, change: i32) -> Result<bool, AppError> {
    if change == 0 {
        return Ok(true);
    }
    let rows = on_conn!(tx, |conn| {
        sqlx::query(
            "update trainings set enrolled = enrolled + $1 \
             where id = $2 and enrolled + $1 >= 0 and enrolled + $1 <= seats",
        )
        .bind(change)
        .bind(training_id)
        .execute(conn)
        .await
        .map(|done| done.rows_affected())
    })?;
    Ok(rows == 1)
}

/// One training's seats and how many are held.
pub async fn seats_of(tx: &mut Tx, training_id: i64) -> Result<Option<Seats>, AppError> {
    let row: Option<(i32, i32)> = on_conn!(tx, |conn| {
        sqlx::query_as("select seats, enrolled from trainings where id = $1")
            .bind(training_id)
            .fetch_optional(conn)
            .await
    })?;
    Ok(row.map(|(seats, enrolled)| Seats {
        seats: u32::try_from(seats).unwrap_or(0),
        taken: u32::try_from(enrolled).unwrap_or(0),
    }))
}

/// Seats and how many are held, for these trainings (a page of them).
pub async fn seat_counts(tx: &mut Tx, ids: &[i64]) -> Result<Vec<(i64, Seats)>, AppError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "select id, seats, enrolled from trainings where id in ({})",
        crate::db::placeholders(1, ids.len())
    );
    let rows: Vec<(i64, i32, i32)> = on_conn!(tx, |conn| {
        let mut query = sqlx::query_as(&sql);
        for id in ids {
            query = query.bind(*id);
        }
        query.fetch_all(conn).await
    })?;
    Ok(rows
        .into_iter()
        .map(|(id, seats, enrolled)| {
            let count = Seats {
                seats: u32::try_from(seats).unwrap_or(0),
                taken: u32::try_from(enrolled).unwrap_or(0),
            };
            (id, count)
        })
        .collect())
}

/// The programmes of the trainings a person completed: what "completed training" rules read.
pub async fn completed_programmes(tx: &mut Tx, user_id: i64) -> Result<Vec<Programme>, AppError> {
    let codes: Vec<String> = on_conn!(tx, |conn| {
        sqlx::query_scalar(
            "select distinct t.programme from enrolments e join trainings t on t.id = e.training_id \
             where e.user_id = $1 and e.status = 'completed'",
        )
        .bind(user_id)
        .fetch_all(conn)
        .await
    })?;
    Ok(codes
        .iter()
        .filter_map(|c| Programme::from_code(c))
        .collect())
}

/// The statuses a person has, by training, for the match page.
pub async fn statuses_of(
    tx: &mut Tx,
    user_id: i64,
) -> Result<Vec<(i64, i64, EnrolmentStatus)>, AppError> {
    let rows: Vec<(i64, i64, String)> = on_conn!(tx, |conn| {
        sqlx::query_as("select id, training_id, status from enrolments where user_id = $1")
            .bind(user_id)
            .fetch_all(conn)
            .await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, training, status)| {
            Some((id, training, EnrolmentStatus::from_code(&status)?))
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct LineRow {
    id: i64,
    training_id: i64,
    reference: String,
    title: String,
    starts_on: Date,
    ends_on: Date,
    seats: i32,
    enrolled: i32,
    status: String,
    person: Option<String>,
    requested_at: OffsetDateTime,
}

impl LineRow {
    fn into_line(self) -> Option<EnrolmentLine> {
        Some(EnrolmentLine {
            id: self.id,
            training_id: self.training_id,
            reference: self.reference,
            title: self.title,
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            seats: Seats {
                seats: u32::try_from(self.seats).ok()?,
                taken: u32::try_from(self.enrolled).ok()?,
            },
            status: EnrolmentStatus::from_code(&self.status)?,
            person: self.person,
            requested_at: self.requested_at,
            can_withdraw: false,
        })
    }
}

const LINE_SELECT: &str = "select e.id, e.training_id, t.reference, t.title, t.starts_on, \
     t.ends_on, t.seats, t.enrolled, e.status, p.full_name as person, e.requested_at \
     from enrolments e join trainings t on t.id = e.training_id \
     left join profiles p on p.user_id = e.user_id";

/// A person's own enrolments, newest training first.
pub async fn of_user(tx: &mut Tx, user_id: i64) -> Result<Vec<EnrolmentLine>, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, LineRow>(&format!(
            "{LINE_SELECT} where e.user_id = $1 order by t.starts_on desc, e.id desc"
        ))
        .bind(user_id)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows.into_iter().filter_map(LineRow::into_line).collect())
}

/// Enrolments in one status for the admin's desk, oldest request first (first come, first
/// served), at most `limit`.
pub async fn in_status(
    tx: &mut Tx,
    status: EnrolmentStatus,
    limit: i64,
) -> Result<Vec<EnrolmentLine>, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, LineRow>(&format!(
            "{LINE_SELECT} where e.status = $1 order by t.starts_on, e.requested_at, e.id limit $2"
        ))
        .bind(status.code())
        .bind(limit)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows.into_iter().filter_map(LineRow::into_line).collect())
}
