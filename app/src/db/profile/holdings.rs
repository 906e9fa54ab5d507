//! The documents and skills of a profile. Every query names the owner, so one person's id can
//! never reach another's rows: a foreign id simply matches nothing.

use crate::db::{now, Tx};
use crate::domain::profile::holdings::NewDocument;
use crate::domain::profile::SkillClaim;
use crate::domain::shared::locale::Lang;
use crate::domain::shared::reference::SkillId;
use crate::error::AppError;
use crate::on_conn;
use crate::wire::profile::{DocumentView, SkillView};
use time::Date;

#[derive(Debug, Clone, sqlx::FromRow)]
struct DocumentRow {
    id: i64,
    kind: String,
    number: Option<String>,
    expires_on: Option<Date>,
}

pub async fn documents(tx: &mut Tx, user_id: i64) -> Result<Vec<DocumentView>, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, DocumentRow>(
            "select id, kind, number, expires_on from profile_documents \
             where user_id = $1 order by id",
        )
        .bind(user_id)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|row| DocumentView {
            id: row.id,
            kind: row.kind,
            number: row.number,
            expires_on: row.expires_on,
        })
        .collect())
}

pub async fn count_documents(tx: &mut Tx, user_id: i64) -> Result<usize, AppError> {
    let count: i64 = on_conn!(tx, |conn| {
        sqlx::query_scalar("select count(*) from profile_documents where user_id = $1")
            .bind(user_id)
            .fetch_one(conn)
            .await
    })?;
    Ok(usize::try_from(count).unwrap_or(usize::MAX))
}

pub async fn add_document(tx: &mut Tx, user_id: i64, new: &NewDocument) -> Result<i64, AppError> {
    let id = on_conn!(tx, |conn| {
        sqlx::query_scalar(
            "insert into profile_documents (user_id, kind, number, expires_on, created_at) \
             values ($1, $2, $3, $4, $5) returning id",
        )
        .bind(user_id)
        .bind(new.document.kind.code())
        .bind(&new.number)
        .bind(new.document.expires_on)
        .bind(now())
        .fetch_one(conn)
        .await
    })?;
    Ok(id)
}

/// Removes one of the person's own documents; `false` when they hold no document with that id.
pub async fn remove_document(tx: &mut Tx, user_id: i64, id: i64) -> Result<bool, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query("delete from profile_documents where id = $1 and user_id = $2")
            .bind(id)
            .bind(user_id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected())
    })?;
    Ok(rows == 1)
}

#[derive(Debug, Clone, sqlx::FromRow)]
struct SkillRow {
    skill: String,
    level: String,
    years: i32,
}

/// The person's skills, labelled in `lang` (a code the taxonomy no longer lists shows as is).
pub async fn skills(tx: &mut Tx, user_id: i64, lang: Lang) -> Result<Vec<SkillView>, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, SkillRow>(
            "select skill, level, years from profile_skills where user_id = $1 order by created_at, skill",
        )
        .bind(user_id)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|row| SkillView {
            label: SkillId::parse(&row.skill)
                .map(|id| id.label(lang).to_owned())
                .unwrap_or_else(|| row.skill.clone()),
            code: row.skill,
            level: row.level,
            years: row.years,
        })
        .collect())
}

/// Adds a skill, or updates its level and years if the person already claims it.
pub async fn put_skill(tx: &mut Tx, user_id: i64, claim: &SkillClaim) -> Result<(), AppError> {
    on_conn!(tx, |conn| {
        sqlx::query(
            "insert into profile_skills (user_id, skill, level, years, created_at) \
             values ($1, $2, $3, $4, $5) \
             on conflict (user_id, skill) do update set level = excluded.level, years = excluded.years",
        )
        .bind(user_id)
        .bind(claim.skill.code())
        .bind(claim.level.code())
        .bind(i32::from(claim.years))
        .bind(now())
        .execute(conn)
        .await
        .map(drop)
    })?;
    Ok(())
}

pub async fn remove_skill(tx: &mut Tx, user_id: i64, skill: &str) -> Result<bool, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query("delete from profile_skills where user_id = $1 and skill = $2")
            .bind(user_id)
            .bind(skill)
            .execute(conn)
            .await
            .map(|done| done.rows_affected())
    })?;
    Ok(rows == 1)
}
