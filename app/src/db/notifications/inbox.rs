//! The in-app notification list.

use crate::db::{now, Tx};
use crate::domain::notifications::event::Event;
use crate::error::AppError;
use crate::on_conn;
use time::OffsetDateTime;

pub async fn insert(tx: &mut Tx, user: i64, event: &Event) -> Result<(), AppError> {
    on_conn!(tx, |conn| {
        sqlx::query(
            "insert into notifications (user_id, event, link, created_at) values ($1, $2, $3, $4)",
        )
        .bind(user)
        .bind(event.to_json())
        .bind(event.path())
        .bind(now())
        .execute(conn)
        .await
        .map(drop)
    })?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Row {
    pub id: i64,
    pub event: String,
    pub link: String,
    pub created_at: OffsetDateTime,
    pub read_at: Option<OffsetDateTime>,
}

/// One page of `user`'s notifications, newest first, older than `before` when given: up to
/// `limit` rows.
pub async fn page(
    tx: &mut Tx,
    user: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Row>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_as(
            "select id, event, link, created_at, read_at from notifications \
             where user_id = $1 and id < $2 order by id desc limit $3",
        )
        .bind(user)
        .bind(before.unwrap_or(i64::MAX))
        .bind(limit)
        .fetch_all(conn)
        .await
    })?)
}

/// `user`'s newest unread notifications, up to `limit` (what a caseworker sees waiting for
/// the person they help).
pub async fn unread_latest(tx: &mut Tx, user: i64, limit: i64) -> Result<Vec<Row>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_as(
            "select id, event, link, created_at, read_at from notifications \
             where user_id = $1 and read_at is null order by id desc limit $2",
        )
        .bind(user)
        .bind(limit)
        .fetch_all(conn)
        .await
    })?)
}

pub async fn unread(tx: &mut Tx, user: i64) -> Result<i64, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "select count(*) from notifications where user_id = $1 and read_at is null",
        )
        .bind(user)
        .fetch_one(conn)
        .await
    })?)
}

/// Marks `user`'s notifications up to `up_to` (the newest they were shown) as read; later
/// ones stay unread. How many changed.
pub async fn mark_read(tx: &mut Tx, user: i64, up_to: i64) -> Result<u64, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query(
            "update notifications set read_at = $1 \
             where user_id = $2 and id <= $3 and read_at is null",
        )
        .bind(now())
        .bind(user)
        .bind(up_to)
        .execute(conn)
        .await
        .map(|done| done.rows_affected())
    })?)
}
