//! Many applicants at once, for staff: everyone who consented, with the facts the rules and the
//! matching read. Four queries whatever the number of people (no query per person).

use crate::db::profile::profiles::{document_fact, skill_fact, FactsRow, FACTS_COLUMNS};
use crate::db::Tx;
use crate::domain::profile::{Facts, Programme};
use crate::error::AppError;
use crate::on_conn;
use std::collections::HashMap;
use time::Date;

/// An applicant as staff lists show them.
#[derive(Debug, Clone)]
pub struct Applicant {
    pub user_id: i64,
    pub full_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub facts: Facts,
}

#[derive(sqlx::FromRow)]
struct ApplicantRow {
    user_id: i64,
    full_name: String,
    phone: Option<String>,
    email: Option<String>,
    #[sqlx(flatten)]
    facts: FactsRow,
}

/// Every active applicant whose latest consent is given to the current notice, in a stable
/// order (by account). Without consent nobody is processed, so nobody else appears.
pub async fn consenting_applicants(tx: &mut Tx) -> Result<Vec<Applicant>, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, ApplicantRow>(&format!(
            "select p.user_id, p.full_name, p.phone, u.email, {FACTS_COLUMNS} \
             from profiles p join users u on u.id = p.user_id \
             where u.role = 'applicant' and u.disabled_at is null \
             and exists (select 1 from consents c where c.id = \
                 (select max(l.id) from consents l where l.user_id = p.user_id) \
                 and c.given = $1 and c.notice_version = $2) \
             order by p.user_id"
        ))
        .bind(true)
        .bind(crate::domain::profile::consent::NOTICE_VERSION)
        .fetch_all(conn)
        .await
    })?;
    let documents: Vec<(i64, String, Option<Date>)> = on_conn!(tx, |conn| {
        sqlx::query_as("select user_id, kind, expires_on from profile_documents")
            .fetch_all(conn)
            .await
    })?;
    let skills: Vec<(i64, String, String, i32)> = on_conn!(tx, |conn| {
        sqlx::query_as("select user_id, skill, level, years from profile_skills")
            .fetch_all(conn)
            .await
    })?;
    let completed: Vec<(i64, String)> = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select distinct e.user_id, t.programme from enrolments e \
             join trainings t on t.id = e.training_id where e.status = 'completed'",
        )
        .fetch_all(conn)
        .await
    })?;

    let mut people: Vec<Applicant> = Vec::with_capacity(rows.len());
    let mut at: HashMap<i64, usize> = HashMap::with_capacity(rows.len());
    for row in rows {
        let mut facts = Facts::default();
        row.facts.fill(&mut facts);
        at.insert(row.user_id, people.len());
        people.push(Applicant {
            user_id: row.user_id,
            full_name: row.full_name,
            phone: row.phone,
            email: row.email,
            facts,
        });
    }
    let person = |user_id: i64| at.get(&user_id).copied();
    for (user_id, kind, expires_on) in &documents {
        if let (Some(i), Some(doc)) = (person(*user_id), document_fact(kind, *expires_on)) {
            people[i].facts.documents.push(doc);
        }
    }
    for (user_id, skill, level, years) in &skills {
        if let (Some(i), Some(claim)) = (person(*user_id), skill_fact(skill, level, *years)) {
            people[i].facts.skills.push(claim);
        }
    }
    for (user_id, programme) in &completed {
        if let (Some(i), Some(p)) = (person(*user_id), Programme::from_code(programme)) {
            people[i].facts.completed.push(p);
        }
    }
    for applicant in &mut people {
        applicant.facts.normalise();
    }
    Ok(people)
}
