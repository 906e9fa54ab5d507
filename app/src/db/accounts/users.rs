//! Accounts.

use crate::db::shared::constraint::{on_constraint, USERS_EMAIL};
use crate::db::{now, Tx};
use crate::domain::accounts::email::Email;
use crate::domain::accounts::problem::AccountsProblem;
use crate::domain::accounts::role::Role;
use crate::domain::shared::problem::Field;
use crate::error::AppError;
use crate::on_conn;
use crate::wire::accounts::UserSummary;
use time::OffsetDateTime;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub email: Option<String>,
    /// The name staff are shown by (applicants' names are in their profile).
    pub display_name: Option<String>,
    pub password_hash: Option<String>,
    pub role: String,
    pub created_at: OffsetDateTime,
    pub disabled_at: Option<OffsetDateTime>,
    /// Set when someone else chose the password (a hand-over): its owner must replace it.
    pub password_change_required: bool,
    /// When a first password an admin chose stops working (staff accounts); `None` otherwise.
    pub password_expires_at: Option<OffsetDateTime>,
}

impl UserRow {
    /// A first password someone else chose, not replaced in time: it no longer signs in.
    pub fn first_password_expired(&self, at: OffsetDateTime) -> bool {
        self.password_change_required && self.password_expires_at.is_some_and(|end| end <= at)
    }

    /// The stored role. A value the database check would have refused is an internal error.
    pub fn role(&self) -> Result<Role, AppError> {
        self.role.parse().map_err(|_| {
            tracing::error!(user_id = self.id, "user row has an unknown role");
            AppError::Internal
        })
    }

    pub fn summary(&self) -> Result<UserSummary, AppError> {
        Ok(UserSummary {
            id: self.id,
            email: self.email.clone(),
            display_name: self.display_name.clone(),
            role: self.role()?,
            created_at: self.created_at,
        })
    }
}

/// A `select` of every user column, followed by the rest of the query.
macro_rules! select_users {
    ($rest:literal) => {
        concat!(
            "select id, email, display_name, password_hash, role, created_at, disabled_at, \
             password_change_required, password_expires_at from users ",
            $rest
        )
    };
}

/// Inserts an account (staff with the name they are shown by). A taken address answers
/// `EmailTaken` on the email field.
pub async fn insert(
    tx: &mut Tx,
    email: &Email,
    password_hash: &str,
    role: Role,
    display_name: Option<&str>,
) -> Result<i64, AppError> {
    insert_with(tx, email, password_hash, role, display_name, None).await
}

/// Inserts a staff account whose password an admin chose: its owner must replace it before
/// `expires_at`, after which it no longer signs in.
pub async fn insert_with_first_password(
    tx: &mut Tx,
    email: &Email,
    password_hash: &str,
    role: Role,
    display_name: &str,
    expires_at: OffsetDateTime,
) -> Result<i64, AppError> {
    let name = Some(display_name);
    insert_with(tx, email, password_hash, role, name, Some(expires_at)).await
}

async fn insert_with(
    tx: &mut Tx,
    email: &Email,
    password_hash: &str,
    role: Role,
    display_name: Option<&str>,
    first_password_until: Option<OffsetDateTime>,
) -> Result<i64, AppError> {
    let result: Result<i64, sqlx::Error> = on_conn!(tx, |conn| {
        sqlx::query_scalar(
            "insert into users (email, password_hash, role, created_at, display_name, \
             password_change_required, password_expires_at) \
             values ($1, $2, $3, $4, $5, $6, $7) returning id",
        )
        .bind(email.as_str())
        .bind(password_hash)
        .bind(role.as_str())
        .bind(now())
        .bind(display_name)
        .bind(first_password_until.is_some())
        .bind(first_password_until)
        .fetch_one(conn)
        .await
    });
    on_constraint(result, &[USERS_EMAIL], || {
        AppError::field(Field::Email, AccountsProblem::EmailTaken)
    })
}

pub async fn find_by_email(tx: &mut Tx, email: &Email) -> Result<Option<UserRow>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_as::<_, UserRow>(select_users!("where email = $1"))
            .bind(email.as_str())
            .fetch_optional(conn)
            .await
    })?)
}

pub async fn find_by_id(tx: &mut Tx, id: i64) -> Result<Option<UserRow>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_as::<_, UserRow>(select_users!("where id = $1"))
            .bind(id)
            .fetch_optional(conn)
            .await
    })?)
}

/// Every account, newest first.
pub async fn list(tx: &mut Tx) -> Result<Vec<UserRow>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_as::<_, UserRow>(select_users!("order by id desc"))
            .fetch_all(conn)
            .await
    })?)
}

/// Number of accounts per role.
pub async fn count_by_role(tx: &mut Tx) -> Result<Vec<(Role, i64)>, AppError> {
    let rows: Vec<(String, i64)> = on_conn!(tx, |conn| {
        sqlx::query_as("select role, count(*) from users group by role order by role")
            .fetch_all(conn)
            .await
    })?;
    let mut counts: Vec<(Role, i64)> = Role::ALL.iter().map(|r| (*r, 0)).collect();
    for (role, count) in rows {
        if let Some(slot) = counts.iter_mut().find(|(r, _)| r.as_str() == role) {
            slot.1 = count;
        }
    }
    Ok(counts)
}

/// Accounts of `role` created at or after `since`.
pub async fn count_created_since(
    tx: &mut Tx,
    role: Role,
    since: OffsetDateTime,
) -> Result<i64, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar("select count(*) from users where role = $1 and created_at >= $2")
            .bind(role.as_str())
            .bind(since)
            .fetch_one(conn)
            .await
    })?)
}

/// Changes a role only if it is still `expected`: a guarded write, so two admins acting at
/// once cannot silently overwrite each other. Returns whether the row changed.
pub async fn set_role(tx: &mut Tx, id: i64, expected: Role, new: Role) -> Result<bool, AppError> {
    let changed = on_conn!(tx, |conn| {
        sqlx::query("update users set role = $1 where id = $2 and role = $3")
            .bind(new.as_str())
            .bind(id)
            .bind(expected.as_str())
            .execute(conn)
            .await
            .map(|done| done.rows_affected())
    })?;
    Ok(changed == 1)
}

/// Gives a staff account the name others see it by (applicants are named by their profile).
/// Whether a staff account with that id was there.
pub async fn set_display_name(tx: &mut Tx, id: i64, name: &str) -> Result<bool, AppError> {
    let changed = on_conn!(tx, |conn| {
        sqlx::query("update users set display_name = $1 where id = $2 and role <> 'applicant'")
            .bind(name)
            .bind(id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected())
    })?;
    Ok(changed == 1)
}

/// Active admins, counted so that concurrent role changes cannot both pass the check: on
/// PostgreSQL the admin rows are locked (`for update`); on SQLite the transaction already
/// holds the database's write lock (`BEGIN IMMEDIATE`).
pub async fn count_active_admins_locked(tx: &mut Tx) -> Result<i64, AppError> {
    let ids: Vec<i64> = match tx {
        Tx::Sqlite(tx, _) => {
            sqlx::query_scalar("select id from users where role = 'admin' and disabled_at is null")
                .fetch_all(&mut **tx)
                .await?
        }
        Tx::Postgres(tx) => {
            sqlx::query_scalar(
                "select id from users where role = 'admin' and disabled_at is null for update",
            )
            .fetch_all(&mut **tx)
            .await?
        }
    };
    Ok(ids.len() as i64)
}

/// Replaces the password of account `id` if it is still `old_hash` (a guarded write: two
/// changes at once cannot both win) and clears the obligation to change it. `false` when the
/// password had changed meanwhile.
pub async fn change_password(
    tx: &mut Tx,
    id: i64,
    old_hash: &str,
    new_hash: &str,
) -> Result<bool, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query(
            "update users set password_hash = $1, password_change_required = $2, \
             password_expires_at = null where id = $3 and password_hash = $4",
        )
        .bind(new_hash)
        .bind(false)
        .bind(id)
        .bind(old_hash)
        .execute(conn)
        .await
        .map(|done| done.rows_affected())
    })?;
    Ok(rows == 1)
}

/// Gives a staff account (not `admin_id`'s own) a new first password, to be replaced at its
/// next sign-in before `expires_at`. Its sessions end, since the password changed. `false` when
/// no such enabled staff account exists.
pub async fn set_first_password(
    tx: &mut Tx,
    id: i64,
    admin_id: i64,
    password_hash: &str,
    expires_at: OffsetDateTime,
) -> Result<bool, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query(
            "update users set password_hash = $1, password_change_required = $2, \
             password_expires_at = $3 \
             where id = $4 and id <> $5 and role <> 'applicant' and disabled_at is null",
        )
        .bind(password_hash)
        .bind(true)
        .bind(expires_at)
        .bind(id)
        .bind(admin_id)
        .execute(conn)
        .await
        .map(|done| done.rows_affected())
    })?;
    Ok(rows == 1)
}

/// The admins who created account `id`, gave it a role or a first password, at any time: read
/// from the audit trail, which no one can rewrite. Such an admin knew, or chose, how the account
/// signs in and what it may do.
pub async fn made_by(tx: &mut Tx, id: i64) -> Result<Vec<i64>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar(
            "select distinct actor_id from audit_log \
             where subject_type = 'user' and subject_id = $1 and actor_id is not null \
             and action in ('user_created', 'role_changed', 'first_password_set')",
        )
        .bind(id)
        .fetch_all(conn)
        .await
    })?)
}

/// Sets the password chosen through a reset link: the obligation to replace a first password
/// and its expiry go with it. Every session of the account ends (its fingerprint changed).
pub async fn reset_password(tx: &mut Tx, id: i64, new_hash: &str) -> Result<(), AppError> {
    on_conn!(tx, |conn| {
        sqlx::query(
            "update users set password_hash = $1, password_change_required = $2, \
             password_expires_at = null where id = $3",
        )
        .bind(new_hash)
        .bind(false)
        .bind(id)
        .execute(conn)
        .await
        .map(drop)
    })?;
    Ok(())
}

/// The enabled accounts of `role` (to tell every finance officer of a payment to confirm).
pub async fn ids_with_role(tx: &mut Tx, role: Role) -> Result<Vec<i64>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "select id from users where role = $1 and disabled_at is null order by id",
        )
        .bind(role.as_str())
        .fetch_all(conn)
        .await
    })?)
}
