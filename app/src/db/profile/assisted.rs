//! Accounts a caseworker registers for someone without an email, the list of people a
//! caseworker can help, and the hand-over of such an account to its owner.

use crate::db::shared::constraint::{on_constraint, USERS_EMAIL};
use crate::db::{now, Tx};
use crate::domain::accounts::email::Email;
use crate::domain::accounts::problem::AccountsProblem;
use crate::domain::accounts::role::Role;
use crate::domain::profile::consent::NOTICE_VERSION;
use crate::domain::shared::problem::Field;
use crate::error::AppError;
use crate::on_conn;
use crate::wire::profile::ApplicantListing;

/// How many people one search shows.
pub const LISTING_MAX: i64 = 50;

/// A new applicant account with neither email nor password: nobody can sign in to it until a
/// caseworker hands it over (the database refuses a password without an email).
pub async fn insert_account(tx: &mut Tx) -> Result<i64, AppError> {
    let id = on_conn!(tx, |conn| {
        sqlx::query_scalar(
            "insert into users (email, password_hash, role, created_at) \
             values (null, null, $1, $2) returning id",
        )
        .bind(Role::Applicant.as_str())
        .bind(now())
        .fetch_one(conn)
        .await
    })?;
    Ok(id)
}

/// The first profile row of an assisted registration: the name (and phone) the caseworker
/// took, and who registered the person. The rest of the identity step is filled afterwards.
pub async fn insert_profile(
    tx: &mut Tx,
    user_id: i64,
    full_name: &str,
    phone: Option<&str>,
    registered_by: i64,
) -> Result<(), AppError> {
    let at = now();
    on_conn!(tx, |conn| {
        sqlx::query(
            "insert into profiles (user_id, full_name, phone, registered_by, version, created_at, \
             updated_at) values ($1, $2, $3, $4, 1, $5, $5)",
        )
        .bind(user_id)
        .bind(full_name)
        .bind(phone)
        .bind(registered_by)
        .bind(at)
        .execute(conn)
        .await
        .map(drop)
    })?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
struct ListingRow {
    id: i64,
    full_name: Option<String>,
    phone: Option<String>,
    handed_over: bool,
    mine: bool,
    waiting: i64,
}

/// Applicants whose latest consent is to the current notice, matching `query` by name (any
/// part, case-insensitive) or phone digits; those `caseworker` registered come first.
pub async fn applicants(
    tx: &mut Tx,
    caseworker: i64,
    query: &str,
) -> Result<Vec<ApplicantListing>, AppError> {
    let query = query.trim();
    let escaped = query
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    let name = format!("%{escaped}%");
    let digits: String = query.chars().filter(char::is_ascii_digit).collect();
    let phone = if digits.is_empty() {
        String::new()
    } else {
        format!("%{digits}%")
    };
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, ListingRow>(
            "select u.id, p.full_name, p.phone, (u.email is not null) as handed_over, \
             (p.registered_by is not null and p.registered_by = $1) as mine, \
             (select count(*) from notifications n \
              where n.user_id = u.id and n.read_at is null) as waiting \
             from users u left join profiles p on p.user_id = u.id \
             where u.role = 'applicant' and u.disabled_at is null \
             and exists (select 1 from consents c where c.user_id = u.id and c.given = true \
                 and c.notice_version = $2 \
                 and c.id = (select max(l.id) from consents l where l.user_id = u.id)) \
             and ($3 = '' or lower(p.full_name) like $4 escape '\\' or ($5 <> '' and p.phone like $5)) \
             order by case when p.registered_by = $1 then 0 else 1 end, \
             case when p.full_name is null then 1 else 0 end, p.full_name, u.id \
             limit $6",
        )
        .bind(caseworker)
        .bind(NOTICE_VERSION)
        .bind(query)
        .bind(&name)
        .bind(&phone)
        .bind(LISTING_MAX)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|row| ApplicantListing {
            id: row.id,
            full_name: row.full_name,
            phone: row.phone,
            handed_over: row.handed_over,
            mine: row.mine,
            waiting: row.waiting,
        })
        .collect())
}

/// Gives an assisted account its email and first password, only if it still has no email (a
/// guarded write: two hand-overs at once cannot both win). `false` when it already had one. A
/// taken address answers `EmailTaken` on the email field. The caseworker knows that password,
/// so its owner must replace it at their first sign-in.
pub async fn hand_over(
    tx: &mut Tx,
    user_id: i64,
    email: &Email,
    password_hash: &str,
) -> Result<bool, AppError> {
    let result: Result<u64, sqlx::Error> = on_conn!(tx, |conn| {
        sqlx::query(
            "update users set email = $1, password_hash = $2, password_change_required = $4 \
             where id = $3 and role = 'applicant' and email is null",
        )
        .bind(email.as_str())
        .bind(password_hash)
        .bind(user_id)
        .bind(true)
        .execute(conn)
        .await
        .map(|done| done.rows_affected())
    });
    let updated = on_constraint(result, &[USERS_EMAIL], || {
        AppError::field(Field::Email, AccountsProblem::EmailTaken)
    })?;
    Ok(updated == 1)
}
