//! The work history of a profile. Every query names the owner, so one person's id can never
//! reach another's rows: a foreign id simply matches nothing.

use crate::db::{now, Tx};
use crate::domain::profile::work::Job;
use crate::error::AppError;
use crate::on_conn;
use crate::wire::profile::JobView;

#[derive(Debug, Clone, sqlx::FromRow)]
struct JobRow {
    id: i64,
    title: String,
    employer: Option<String>,
    country: String,
    town: Option<String>,
    start_month: String,
    end_month: Option<String>,
    description: Option<String>,
}

/// The person's jobs, oldest first.
pub async fn jobs(tx: &mut Tx, user_id: i64) -> Result<Vec<JobView>, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, JobRow>(
            "select id, title, employer, country, town, start_month, end_month, description \
             from profile_work where user_id = $1 order by start_month, id",
        )
        .bind(user_id)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|row| JobView {
            id: row.id,
            title: row.title,
            employer: row.employer,
            country: row.country,
            town: row.town,
            start_month: row.start_month,
            end_month: row.end_month,
            description: row.description,
        })
        .collect())
}

pub async fn count_jobs(tx: &mut Tx, user_id: i64) -> Result<usize, AppError> {
    let count: i64 = on_conn!(tx, |conn| {
        sqlx::query_scalar("select count(*) from profile_work where user_id = $1")
            .bind(user_id)
            .fetch_one(conn)
            .await
    })?;
    Ok(usize::try_from(count).unwrap_or(usize::MAX))
}

pub async fn add_job(tx: &mut Tx, user_id: i64, job: &Job) -> Result<i64, AppError> {
    let id = on_conn!(tx, |conn| {
        sqlx::query_scalar(
            "insert into profile_work (user_id, title, employer, country, town, start_month, \
             end_month, description, created_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id",
        )
        .bind(user_id)
        .bind(&job.title)
        .bind(&job.employer)
        .bind(job.country.code())
        .bind(&job.town)
        .bind(job.from.code())
        .bind(job.to.map(|to| to.code()))
        .bind(&job.description)
        .bind(now())
        .fetch_one(conn)
        .await
    })?;
    Ok(id)
}

/// Removes one of the person's own jobs; `false` when they have no job with that id.
pub async fn remove_job(tx: &mut Tx, user_id: i64, id: i64) -> Result<bool, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query("delete from profile_work where id = $1 and user_id = $2")
            .bind(id)
            .bind(user_id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected())
    })?;
    Ok(rows == 1)
}
