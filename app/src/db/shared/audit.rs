//! The append-only audit trail. `record` takes the caller's transaction, so the row commits or
//! rolls back together with the action it describes.

use crate::db::{now, Db, Tx};
use crate::domain::shared::audit::AuditAction;
use crate::error::AppError;
use crate::on_conn;
use crate::wire::shared::AuditEvent;
use time::OffsetDateTime;

/// One audit row about to be written.
#[derive(Debug, Clone)]
pub struct Entry {
    pub actor_id: Option<i64>,
    pub action: AuditAction,
    /// What the action was done to, e.g. `("user", 42)`.
    pub subject: Option<(&'static str, i64)>,
    /// Facts a reviewer needs (old and new role…); never passwords or personal data.
    pub details: serde_json::Value,
}

impl Entry {
    pub fn new(actor_id: Option<i64>, action: AuditAction) -> Self {
        Self {
            actor_id,
            action,
            subject: None,
            details: serde_json::json!({}),
        }
    }

    pub fn subject(mut self, kind: &'static str, id: i64) -> Self {
        self.subject = Some((kind, id));
        self
    }

    pub fn details(mut self, details: serde_json::Value) -> Self {
        self.details = details;
        self
    }
}

pub async fn record(tx: &mut Tx, entry: Entry) -> Result<(), AppError> {
    let (subject_type, subject_id) = entry.subject.unzip();
    on_conn!(tx, |conn| {
        sqlx::query(
            "insert into audit_log (at, actor_id, action, subject_type, subject_id, details) \
             values ($1, $2, $3, $4, $5, $6)",
        )
        .bind(now())
        .bind(entry.actor_id)
        .bind(entry.action.as_str())
        .bind(subject_type)
        .bind(subject_id)
        .bind(entry.details.to_string())
        .execute(conn)
        .await
        .map(drop)
    })?;
    Ok(())
}

/// Records a staff read of someone's data in a short write transaction of its own, after the
/// read-only one that fetched it: no row, no answer (the caller returns the error).
pub async fn record_read(db: &Db, entry: Entry) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    record(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(())
}

#[derive(Debug, sqlx::FromRow)]
struct EventRow {
    id: i64,
    at: OffsetDateTime,
    action: String,
    actor_email: Option<String>,
}

impl EventRow {
    fn into_event(self) -> Option<AuditEvent> {
        Some(AuditEvent {
            id: self.id,
            at: self.at,
            action: self.action.parse().ok()?,
            actor_email: self.actor_email,
        })
    }
}

/// The latest sign-in events of one account, for the "recent sign-ins" card.
pub async fn sign_ins_of(
    tx: &mut Tx,
    user_id: i64,
    limit: i64,
) -> Result<Vec<AuditEvent>, AppError> {
    let rows: Vec<EventRow> = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select a.id, a.at, a.action, u.email as actor_email from audit_log a \
             left join users u on u.id = a.actor_id \
             where a.actor_id = $1 and a.action in ('login_succeeded', 'login_failed', 'signed_up') \
             order by a.id desc limit $2",
        )
        .bind(user_id)
        .bind(limit)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows.into_iter().filter_map(EventRow::into_event).collect())
}

/// The latest events of the whole programme, for admins.
pub async fn latest(tx: &mut Tx, limit: i64) -> Result<Vec<AuditEvent>, AppError> {
    let rows: Vec<EventRow> = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select a.id, a.at, a.action, u.email as actor_email from audit_log a \
             left join users u on u.id = a.actor_id order by a.id desc limit $1",
        )
        .bind(limit)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows.into_iter().filter_map(EventRow::into_event).collect())
}
