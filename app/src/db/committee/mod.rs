//! The grant committee's records: members of a call (one chair), review sessions and their
//! agenda, conflict declarations and score sheets (both append-only), and what members and the
//! chair read back. Applicants are read for their name, nationality and papers only, never
//! their declared groups.

pub mod sessions;
pub mod sheets;

use crate::db::mentoring::NAME;
use crate::db::shared::constraint::{on_constraint, COMMITTEE_MEMBERS_PKEY};
use crate::db::{now, Tx};
use crate::domain::accounts::email::Email;
use crate::domain::committee::problem::CommitteeProblem;
use crate::domain::committee::Identity;
use crate::domain::shared::problem::Field;
use crate::error::AppError;
use crate::on_conn;
use crate::wire::committee::MemberLine;

/// Whether `user_id` sits on the committee of `call_id`.
pub async fn is_member(tx: &mut Tx, call_id: i64, user_id: i64) -> Result<bool, AppError> {
    let found = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "select user_id from committee_members where call_id = $1 and user_id = $2",
        )
        .bind(call_id)
        .bind(user_id)
        .fetch_optional(conn)
        .await
    })?;
    Ok(found.is_some())
}

/// Whether `user_id` chairs the committee of `call_id`.
pub async fn is_chair(tx: &mut Tx, call_id: i64, user_id: i64) -> Result<bool, AppError> {
    let found = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, bool>(
            "select chair from committee_members where call_id = $1 and user_id = $2",
        )
        .bind(call_id)
        .bind(user_id)
        .fetch_optional(conn)
        .await
    })?;
    Ok(found.unwrap_or(false))
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    user_id: i64,
    name: String,
    email: Option<String>,
    chair: bool,
    deputy: bool,
}

/// The committee of a call, the chair first.
pub async fn members(tx: &mut Tx, call_id: i64) -> Result<Vec<MemberLine>, AppError> {
    let sql = format!(
        "select m.user_id, {NAME} as name, u.email, m.chair, m.deputy from committee_members m \
         join users u on u.id = m.user_id left join profiles pr on pr.user_id = u.id \
         where m.call_id = $1 order by m.chair desc, m.deputy desc, m.added_at, m.user_id"
    );
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, MemberRow>(&sql)
            .bind(call_id)
            .fetch_all(conn)
            .await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| MemberLine {
            user_id: r.user_id,
            name: r.name,
            email: r.email.unwrap_or_default(),
            chair: r.chair,
            deputy: r.deputy,
        })
        .collect())
}

/// Adds the active committee account with this email; its id. Any other account, or none, is
/// the same problem on the email field.
pub async fn add_member(
    tx: &mut Tx,
    call_id: i64,
    email: &Email,
    by: i64,
) -> Result<i64, AppError> {
    let not_committee = || AppError::field(Field::Email, CommitteeProblem::NotACommitteeAccount);
    let user = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "select id from users where email = $1 and role = 'committee' and disabled_at is null",
        )
        .bind(email.as_str())
        .fetch_optional(conn)
        .await
    })?
    .ok_or_else(not_committee)?;
    let at = now();
    let inserted = on_conn!(tx, |conn| {
        sqlx::query(
            "insert into committee_members (call_id, user_id, chair, added_by, added_at) \
             values ($1, $2, $3, $4, $5)",
        )
        .bind(call_id)
        .bind(user)
        .bind(false)
        .bind(by)
        .bind(at)
        .execute(conn)
        .await
        .map(drop)
    });
    on_constraint(inserted, &[COMMITTEE_MEMBERS_PKEY], || {
        AppError::field(Field::Email, CommitteeProblem::AlreadyMember)
    })?;
    Ok(user)
}

/// Removes a member; false when they were not one.
pub async fn remove_member(tx: &mut Tx, call_id: i64, user_id: i64) -> Result<bool, AppError> {
    let done = on_conn!(tx, |conn| {
        sqlx::query("delete from committee_members where call_id = $1 and user_id = $2")
            .bind(call_id)
            .bind(user_id)
            .execute(conn)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(done == 1)
}

/// Makes `user_id` the chair, or the deputy chair (whoever held that seat steps down first, so
/// the one-per-call indexes hold; a chair made deputy stops chairing, and the other way
/// round). False when they are not a member.
pub async fn set_seat(
    tx: &mut Tx,
    call_id: i64,
    user_id: i64,
    deputy: bool,
) -> Result<bool, AppError> {
    let (seat, other) = if deputy {
        ("deputy", "chair")
    } else {
        ("chair", "deputy")
    };
    let step_down =
        format!("update committee_members set {seat} = $1 where call_id = $2 and {seat} = $3");
    on_conn!(tx, |conn| {
        sqlx::query(&step_down)
            .bind(false)
            .bind(call_id)
            .bind(true)
            .execute(conn)
            .await
            .map(drop)
    })?;
    let take = format!(
        "update committee_members set {seat} = $1, {other} = $2 where call_id = $3 and user_id = $4"
    );
    let done = on_conn!(tx, |conn| {
        sqlx::query(&take)
            .bind(true)
            .bind(false)
            .bind(call_id)
            .bind(user_id)
            .execute(conn)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(done == 1)
}

/// Who chairs the call's committee and who is its deputy.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Leads {
    pub chair: Option<i64>,
    pub deputy: Option<i64>,
}

pub async fn leads(tx: &mut Tx, call_id: i64) -> Result<Leads, AppError> {
    let rows: Vec<(i64, bool, bool)> = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select user_id, chair, deputy from committee_members \
             where call_id = $1 and (chair = $2 or deputy = $2)",
        )
        .bind(call_id)
        .bind(true)
        .fetch_all(conn)
        .await
    })?;
    Ok(Leads {
        chair: rows.iter().find(|r| r.1).map(|r| r.0),
        deputy: rows.iter().find(|r| r.2).map(|r| r.0),
    })
}

/// The applicant's name, nationality and papers (nothing else of their profile).
pub async fn identity(tx: &mut Tx, user_id: i64) -> Result<Identity, AppError> {
    let sql = format!(
        "select {NAME}, pr.nationality from users u left join profiles pr on pr.user_id = u.id \
         where u.id = $1"
    );
    let (name, nationality) = on_conn!(tx, |conn| {
        sqlx::query_as::<_, (String, Option<String>)>(&sql)
            .bind(user_id)
            .fetch_optional(conn)
            .await
    })?
    .unwrap_or_default();
    let papers = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, String>(
            "select distinct kind from profile_documents where user_id = $1 order by kind",
        )
        .bind(user_id)
        .fetch_all(conn)
        .await
    })?;
    Ok(Identity {
        name,
        nationality,
        papers,
    })
}

/// The calls whose committee the user sits on: (id, reference, title, chair), newest first.
pub async fn calls_of(
    tx: &mut Tx,
    user_id: i64,
) -> Result<Vec<(i64, String, String, bool)>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_as::<_, (i64, String, String, bool)>(
            "select c.id, c.reference, c.title, m.chair from committee_members m \
             join grant_calls c on c.id = m.call_id where m.user_id = $1 order by c.id desc",
        )
        .bind(user_id)
        .fetch_all(conn)
        .await
    })?)
}

/// The members of `call`'s committee (to tell them of a plan on its agenda).
pub async fn member_ids(tx: &mut Tx, call: i64) -> Result<Vec<i64>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "select user_id from committee_members where call_id = $1 order by user_id",
        )
        .bind(call)
        .fetch_all(conn)
        .await
    })?)
}
