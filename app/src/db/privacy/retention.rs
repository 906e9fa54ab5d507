//! Applying the retention periods: counting what has expired (a dry run) or removing it, all
//! in one transaction, with the run and every account it closed or draft it withdrew on the
//! audit trail.

use crate::db::shared::audit::{self, Entry};
use crate::db::{now, Db, Tx};
use crate::domain::privacy::retention::{Expiring, Periods, Report, Swept};
use crate::domain::shared::audit::AuditAction;
use crate::error::AppError;
use crate::on_conn;
use time::OffsetDateTime;

/// Which applicant accounts are unfinished sign-ups created before `$1`: no profile was ever
/// saved (a caseworker's registrations always have one), and the address is still held.
const UNFINISHED: &str = "role = 'applicant' and created_at < $1 and email is not null \
     and not exists (select 1 from profiles p where p.user_id = users.id)";

/// Counts (`dry_run`) or removes the records of one kind older than `before`.
pub async fn sweep(
    tx: &mut Tx,
    what: Expiring,
    before: OffsetDateTime,
    dry_run: bool,
) -> Result<u64, AppError> {
    match what {
        Expiring::ExpiredSessions => expired_sessions(tx, before, dry_run).await,
        Expiring::SignInAttempts => rows(tx, "login_attempts where at < $1", before, dry_run).await,
        Expiring::IdempotencyReceipts => {
            rows(
                tx,
                "idempotency_keys where created_at < $1",
                before,
                dry_run,
            )
            .await
        }
        Expiring::UnfinishedSignUps if dry_run => {
            let sql = format!("select count(*) from users where {UNFINISHED}");
            count(tx, &sql, before).await
        }
        Expiring::UnfinishedSignUps => close_unfinished(tx, before).await,
        Expiring::StaleDrafts if dry_run => {
            let sql = format!("select count(*) from plans where {STALE}");
            count(tx, &sql, before).await
        }
        Expiring::StaleDrafts => withdraw_stale(tx, before).await,
    }
}

/// Which plans are drafts nobody touched (text, figures or step) since `$1`.
const STALE: &str = "status = 'draft' and updated_at < $1";

/// Withdraws each stale draft as a step of Passerelle's own (no actor), removes its text, its
/// figures and any unmerged edit, one audit entry per plan. The plan's call can be applied to
/// again from a new draft.
async fn withdraw_stale(tx: &mut Tx, before: OffsetDateTime) -> Result<u64, AppError> {
    let at = now();
    // Set-based, in this order: the text and the step while the plans are still drafts, then
    // the status, which names the plans for their audit rows.
    for sql in [
        format!("delete from plan_sections where plan_id in (select id from plans where {STALE})"),
        format!("delete from plan_conflicts where plan_id in (select id from plans where {STALE})"),
    ] {
        on_conn!(tx, |conn| {
            sqlx::query(&sql).bind(before).execute(conn).await.map(drop)
        })?;
    }
    let step = format!(
        "insert into plan_events (plan_id, action, from_status, to_status, at) \
         select id, 'withdraw', 'draft', 'withdrawn', $2 from plans where {STALE}"
    );
    on_conn!(tx, |conn| {
        sqlx::query(&step)
            .bind(before)
            .bind(at)
            .execute(conn)
            .await
            .map(drop)
    })?;
    let sql = format!(
        "update plans set status = 'withdrawn', figures = '{{}}', status_changed_at = $2, \
         updated_at = $2 where {STALE} returning id"
    );
    let withdrawn: Vec<i64> = on_conn!(tx, |conn| {
        sqlx::query_scalar(&sql)
            .bind(before)
            .bind(at)
            .fetch_all(conn)
            .await
    })?;
    for id in &withdrawn {
        let entry = Entry::new(None, AuditAction::DraftExpired).subject("plan", *id);
        audit::record(tx, entry).await?;
    }
    Ok(withdrawn.len() as u64)
}

/// Counts or deletes the rows of `from_where` (a table and its condition on `$1`).
async fn rows(
    tx: &mut Tx,
    from_where: &str,
    before: OffsetDateTime,
    dry_run: bool,
) -> Result<u64, AppError> {
    if dry_run {
        return count(tx, &format!("select count(*) from {from_where}"), before).await;
    }
    let sql = format!("delete from {from_where}");
    Ok(on_conn!(tx, |conn| {
        sqlx::query(&sql)
            .bind(before)
            .execute(conn)
            .await
            .map(|done| done.rows_affected())
    })?)
}

async fn count(tx: &mut Tx, sql: &str, before: OffsetDateTime) -> Result<u64, AppError> {
    let n: i64 = on_conn!(tx, |conn| {
        sqlx::query_scalar(sql).bind(before).fetch_one(conn).await
    })?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// The session tables are tower-sessions' own: SQLite keeps the expiry as RFC 3339 text (read
/// through `datetime`, as the store itself does), PostgreSQL as a timestamp in its own schema.
async fn expired_sessions(
    tx: &mut Tx,
    before: OffsetDateTime,
    dry_run: bool,
) -> Result<u64, AppError> {
    let from_where = match tx {
        Tx::Sqlite(..) => "tower_sessions where datetime(expiry_date) < datetime($1)",
        Tx::Postgres(_) => "tower_sessions.session where expiry_date < $1",
    };
    rows(tx, from_where, before, dry_run).await
}

/// Removes the address and password of each unfinished sign-up and closes the account, one
/// audit entry per account: the address can sign up again as a new person.
async fn close_unfinished(tx: &mut Tx, before: OffsetDateTime) -> Result<u64, AppError> {
    let sql = format!(
        "update users set email = null, password_hash = null, display_name = null, \
         disabled_at = coalesce(disabled_at, $2) where {UNFINISHED} returning id"
    );
    let closed: Vec<i64> = on_conn!(tx, |conn| {
        sqlx::query_scalar(&sql)
            .bind(before)
            .bind(now())
            .fetch_all(conn)
            .await
    })?;
    for id in &closed {
        let entry = Entry::new(None, AuditAction::SignUpExpired).subject("user", *id);
        audit::record(tx, entry).await?;
    }
    Ok(closed.len() as u64)
}

/// Applies every period as of now. A dry run counts and changes nothing; a real run that
/// removed anything records what it removed on the audit trail.
pub async fn apply(db: &Db, periods: Periods, dry_run: bool) -> Result<Report, AppError> {
    let at = now();
    let mut tx = if dry_run {
        db.read().await?
    } else {
        db.begin().await?
    };
    let mut swept = Vec::with_capacity(Expiring::ALL.len());
    for what in Expiring::ALL {
        let before = periods.cutoff(what, at);
        let count = sweep(&mut tx, what, before, dry_run).await?;
        swept.push(Swept {
            what,
            before,
            count,
        });
    }
    let report = Report { dry_run, swept };
    if dry_run || report.total() == 0 {
        return Ok(report);
    }
    let counts: serde_json::Map<String, serde_json::Value> = report
        .swept
        .iter()
        .map(|s| (s.what.as_str().to_owned(), s.count.into()))
        .collect();
    let entry = Entry::new(None, AuditAction::RetentionApplied).details(counts.into());
    audit::record(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(report)
}
