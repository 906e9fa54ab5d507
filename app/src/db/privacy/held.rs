//! Everything held about one person, read for them (`wire::privacy::HeldData`): the account,
//! the seats asked for, the plans (`held_plans`), the sign-in history and the audit entries
//! about them. Other people appear by role only: no query here selects another person's name,
//! address or number.

use crate::db::Tx;
use crate::domain::accounts::role::Role;
use crate::domain::enrolments::enrolment::EnrolmentStatus;
use crate::error::AppError;
use crate::on_conn;
use crate::wire::privacy::{HeldAccount, HeldEnrolment, HeldEntry, HeldSignIn};
use time::{Date, OffsetDateTime};

#[derive(sqlx::FromRow)]
struct AccountRow {
    email: Option<String>,
    role: String,
    created_at: OffsetDateTime,
    registered_in_person: bool,
    disabled_at: Option<OffsetDateTime>,
    first_matched_on: Option<Date>,
    language: String,
    notifications: i64,
    messages: i64,
    offer_alerts_since: Option<OffsetDateTime>,
}

/// The applicant account `person`, if it is one.
pub async fn account(tx: &mut Tx, person: i64) -> Result<Option<HeldAccount>, AppError> {
    let row = on_conn!(tx, |conn| {
        sqlx::query_as::<_, AccountRow>(
            "select u.email, u.role, u.created_at, \
             (p.registered_by is not null) as registered_in_person, u.disabled_at, \
             m.first_on as first_matched_on, u.language, \
             (select count(*) from notifications n where n.user_id = u.id) as notifications, \
             (select count(*) from outbox o where o.user_id = u.id) as messages, \
             u.offer_alerts_since \
             from users u left join profiles p on p.user_id = u.id \
             left join matched_people m on m.user_id = u.id \
             where u.id = $1 and u.role = $2",
        )
        .bind(person)
        .bind(Role::Applicant.as_str())
        .fetch_optional(conn)
        .await
    })?;
    row.map(|row| {
        Ok(HeldAccount {
            email: row.email,
            role: row.role.parse().map_err(|_| AppError::Internal)?,
            created_at: row.created_at,
            registered_in_person: row.registered_in_person,
            closed_at: row.disabled_at,
            first_matched_on: row.first_matched_on,
            language: row.language,
            notifications: row.notifications,
            messages: row.messages,
            offer_alerts_since: row.offer_alerts_since,
        })
    })
    .transpose()
}

#[derive(sqlx::FromRow)]
struct EnrolmentRow {
    reference: String,
    title: String,
    starts_on: Date,
    status: String,
    requested_at: OffsetDateTime,
    decided_at: Option<OffsetDateTime>,
    completed_at: Option<OffsetDateTime>,
}

/// Every seat the person asked for, newest request first.
pub async fn enrolments(tx: &mut Tx, person: i64) -> Result<Vec<HeldEnrolment>, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, EnrolmentRow>(
            "select t.reference, t.title, t.starts_on, e.status, e.requested_at, e.decided_at, \
             e.completed_at from enrolments e join trainings t on t.id = e.training_id \
             where e.user_id = $1 order by e.requested_at desc, e.id desc",
        )
        .bind(person)
        .fetch_all(conn)
        .await
    })?;
    rows.into_iter()
        .map(|row| {
            Ok(HeldEnrolment {
                reference: row.reference,
                title: row.title,
                starts_on: row.starts_on,
                status: EnrolmentStatus::from_code(&row.status).ok_or(AppError::Internal)?,
                requested_at: row.requested_at,
                decided_at: row.decided_at,
                completed_at: row.completed_at,
            })
        })
        .collect()
}

/// Sign-in attempts made with the person's address (`account_key` of it), newest first.
pub async fn sign_ins(tx: &mut Tx, account_key: &str) -> Result<Vec<HeldSignIn>, AppError> {
    let rows: Vec<(OffsetDateTime, String, bool)> = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select at, address, succeeded from login_attempts where account_key = $1 \
             order by at desc, id desc",
        )
        .bind(account_key)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(at, address, succeeded)| HeldSignIn {
            at,
            address,
            succeeded,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct EntryRow {
    at: OffsetDateTime,
    action: String,
    role: Option<String>,
    subject_type: Option<String>,
}

/// Audit entries whose subject is the person, or one of their plans, seats or tranches,
/// newest first. The actor by role only; the details stay out (they may name staff).
pub async fn audit(tx: &mut Tx, person: i64) -> Result<Vec<HeldEntry>, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, EntryRow>(
            "select a.at, a.action, u.role, a.subject_type from audit_log a \
             left join users u on u.id = a.actor_id \
             where (a.subject_type = 'user' and a.subject_id = $1) \
             or (a.subject_type = 'plan' and a.subject_id in \
                 (select id from plans where user_id = $1)) \
             or (a.subject_type = 'enrolment' and a.subject_id in \
                 (select id from enrolments where user_id = $1)) \
             or (a.subject_type = 'tranche' and a.subject_id in \
                 (select t.id from tranches t join plans p on p.id = t.plan_id \
                  where p.user_id = $1)) \
             order by a.id desc",
        )
        .bind(person)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|row| HeldEntry {
            at: row.at,
            action: row.action.parse().ok(),
            code: row.action,
            by: row.role.and_then(|role| role.parse().ok()),
            kind: row.subject_type,
        })
        .collect())
}
