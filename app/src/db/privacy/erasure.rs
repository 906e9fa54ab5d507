//! Erasure requests and the erasure itself (`domain::privacy::erasure`).
//!
//! Carrying one out is a list of statements in the caller's transaction: the person's own
//! records are deleted (documents, skills, work history, plan text, comments, evidence files,
//! sign-in attempts, stored answers) or blanked (profile, mentoring notes, visit problems,
//! payees), their account loses its address and password and is closed. The frozen records of
//! their plans (versions, steps, the committee's sheets, declarations and decisions) have their
//! free text blanked through the `erasing` marker (migration 0014); amounts, dates, statuses
//! and the ledger stay as they were, so the money still adds up.

use crate::db::{now, Tx};
use crate::domain::privacy::erasure::{pseudonym, ErasureAsk, ERASED_TEXT};
use crate::error::AppError;
use crate::on_conn;
use time::OffsetDateTime;

/// Records a request; `None` when one is already waiting for this person.
pub async fn ask(tx: &mut Tx, ask: &ErasureAsk, by: i64) -> Result<Option<i64>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into erasure_requests (user_id, reason, note, requested_by, requested_at) \
             values ($1, $2, $3, $4, $5) on conflict do nothing returning id",
        )
        .bind(ask.person)
        .bind(ask.reason.code())
        .bind(ask.note.as_deref())
        .bind(by)
        .bind(now())
        .fetch_optional(conn)
        .await
    })?)
}

/// Whether `person` is an applicant account, and whether it was erased already.
pub async fn standing(tx: &mut Tx, person: i64) -> Result<Option<bool>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, bool>(
            "select exists (select 1 from erasure_requests r where r.user_id = u.id \
             and r.status = 'erased') from users u where u.id = $1 and u.role = 'applicant'",
        )
        .bind(person)
        .fetch_optional(conn)
        .await
    })?)
}

/// Whether a payment to the person was released and awaits its confirmation.
pub async fn money_in_flight(tx: &mut Tx, person: i64) -> Result<bool, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, bool>(
            "select exists (select 1 from tranches t join plans p on p.id = t.plan_id \
             where p.user_id = $1 and t.status = 'released')",
        )
        .bind(person)
        .fetch_one(conn)
        .await
    })?)
}

/// One request as the admins' page shows it. The person's name is the profile's (a pseudonym
/// once erased); staff by the name they are shown by, or their address.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RequestRow {
    pub id: i64,
    pub user_id: i64,
    pub person: Option<String>,
    pub reason: String,
    pub note: Option<String>,
    pub requested_by: i64,
    pub requester: Option<String>,
    pub requested_at: OffsetDateTime,
    pub status: String,
    pub decider: Option<String>,
    pub decided_at: Option<OffsetDateTime>,
}

const SELECT: &str = "select r.id, r.user_id, p.full_name as person, r.reason, r.note, \
     r.requested_by, coalesce(a.display_name, a.email) as requester, r.requested_at, r.status, \
     coalesce(d.display_name, d.email) as decider, r.decided_at \
     from erasure_requests r left join profiles p on p.user_id = r.user_id \
     join users a on a.id = r.requested_by left join users d on d.id = r.decided_by";

/// Requests waiting (oldest first), then at most `limit` decided ones (newest first).
pub async fn requests(tx: &mut Tx, limit: i64) -> Result<Vec<RequestRow>, AppError> {
    let pending = on_conn!(tx, |conn| {
        sqlx::query_as::<_, RequestRow>(&format!(
            "{SELECT} where r.status = 'pending' order by r.id"
        ))
        .fetch_all(conn)
        .await
    })?;
    let decided = on_conn!(tx, |conn| {
        sqlx::query_as::<_, RequestRow>(&format!(
            "{SELECT} where r.status <> 'pending' order by r.decided_at desc, r.id desc limit $1"
        ))
        .bind(limit)
        .fetch_all(conn)
        .await
    })?;
    Ok(pending.into_iter().chain(decided).collect())
}

/// One request, if it exists.
pub async fn request(tx: &mut Tx, id: i64) -> Result<Option<RequestRow>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_as::<_, RequestRow>(&format!("{SELECT} where r.id = $1"))
            .bind(id)
            .fetch_optional(conn)
            .await
    })?)
}

/// Closes a waiting request as `status` (erased or cancelled) by `by`; the note goes (it may
/// name the person). False when it was not waiting any more.
pub async fn close(tx: &mut Tx, id: i64, status: &str, by: i64) -> Result<bool, AppError> {
    let done = on_conn!(tx, |conn| {
        sqlx::query(
            "update erasure_requests set status = $1, decided_by = $2, decided_at = $3, \
             note = null where id = $4 and status = 'pending'",
        )
        .bind(status)
        .bind(by)
        .bind(now())
        .bind(id)
        .execute(conn)
        .await
        .map(|done| done.rows_affected())
    })?;
    Ok(done == 1)
}

/// The person's own records, deleted.
const DELETE: &[&str] = &[
    "delete from profile_documents where user_id = $1",
    "delete from notifications where user_id = $1",
    "delete from outbox where user_id = $1",
    "delete from account_tokens where user_id = $1",
    "delete from offer_alerts where user_id = $1",
    // Sign-ups with their address, and the mails those sent before there was an account.
    "delete from sign_ups where email = (select email from users where id = $1)",
    "delete from outbox where user_id is null \
     and address = (select email from users where id = $1)",
    "delete from profile_skills where user_id = $1",
    "delete from profile_work where user_id = $1",
    "delete from plan_sections where plan_id in (select id from plans where user_id = $1)",
    "delete from plan_conflicts where plan_id in (select id from plans where user_id = $1)",
    "delete from plan_comments where plan_id in (select id from plans where user_id = $1)",
    "delete from visit_evidence where visit_id in (select v.id from monitoring_visits v \
     join plans p on p.id = v.plan_id where p.user_id = $1)",
    "delete from idempotency_keys where actor_id = $1",
];

/// Free text in records that stay (the money, the committee's work, the plan's history).
const BLANK: &[&str] = &[
    "update plans set figures = '{}' where user_id = $1",
    "update plan_versions set sections = '{}', figures = '{}' \
     where plan_id in (select id from plans where user_id = $1)",
    "update plan_events set reason = null where reason is not null \
     and plan_id in (select id from plans where user_id = $1)",
    "update score_sheets set comment = '' where comment <> '' \
     and plan_id in (select id from plans where user_id = $1)",
    "update conflict_declarations set note = '' where note <> '' \
     and plan_id in (select id from plans where user_id = $1)",
    "update mentoring_sessions set topics = '', next_steps = '' \
     where plan_id in (select id from plans where user_id = $1)",
    "update monitoring_visits set problems = '' \
     where plan_id in (select id from plans where user_id = $1)",
    "update payees set detail = '', holder = '' where user_id = $1",
    "update payments set payee_ref = null, failure_reason = null \
     where tranche_id in (select t.id from tranches t join plans p on p.id = t.plan_id \
     where p.user_id = $1)",
];

/// Erases `person` (an applicant) in `tx`; `account_key` is the sign-in key of their address,
/// if they had one (`db::accounts::login_attempts::account_key`).
pub async fn erase(tx: &mut Tx, person: i64, account_key: Option<&str>) -> Result<(), AppError> {
    run(tx, "insert into erasing (user_id) values ($1)", person).await?;
    for sql in DELETE.iter().chain(BLANK) {
        run(tx, sql, person).await?;
    }
    on_conn!(tx, |conn| {
        sqlx::query(
            "update decisions set justification = $1 \
             where plan_id in (select id from plans where user_id = $2)",
        )
        .bind(ERASED_TEXT)
        .bind(person)
        .execute(conn)
        .await
        .map(drop)
    })?;
    let at = now();
    on_conn!(tx, |conn| {
        sqlx::query(
            "update profiles set full_name = $1, sex = null, birth_date = null, \
             nationality = null, city = null, phone = null, education = null, languages = '[]', \
             sectors = '[]', declared_groups = '[]', availability = null, \
             population_group = null, legal_status = null, disability = null, \
             version = version + 1, updated_at = $2 where user_id = $3",
        )
        .bind(pseudonym(person))
        .bind(at)
        .bind(person)
        .execute(conn)
        .await
        .map(drop)
    })?;
    on_conn!(tx, |conn| {
        sqlx::query(
            "update users set email = null, password_hash = null, display_name = null, \
             offer_alerts_since = null, offer_alerts_checked = null, \
             password_change_required = $1, disabled_at = coalesce(disabled_at, $2) \
             where id = $3",
        )
        .bind(false)
        .bind(at)
        .bind(person)
        .execute(conn)
        .await
        .map(drop)
    })?;
    if let Some(key) = account_key {
        on_conn!(tx, |conn| {
            sqlx::query("delete from login_attempts where account_key = $1")
                .bind(key)
                .execute(conn)
                .await
                .map(drop)
        })?;
    }
    run(tx, "delete from erasing where user_id = $1", person).await
}

async fn run(tx: &mut Tx, sql: &str, person: i64) -> Result<(), AppError> {
    on_conn!(tx, |conn| {
        sqlx::query(sql).bind(person).execute(conn).await.map(drop)
    })?;
    Ok(())
}
