//! Many applicants at once, for staff: the consenting applicants and the facts the rules and
//! the matching read (for the index kept by each server, `db::matching::index`), and then —
//! only for the lines shown or exported — their names and contacts. One query for the facts
//! whatever the number of people, never one per person.

use crate::db::profile::profiles::{document_fact, skill_fact, FactsRow, FACTS_COLUMNS};
use crate::db::Tx;
use crate::domain::profile::consent::NOTICE_VERSION;
use crate::domain::profile::{Facts, Programme, Sex};
use crate::domain::shared::reference::{City, Country};
use crate::error::AppError;
use crate::on_conn;
use futures::TryStreamExt;
use std::collections::HashMap;
use time::Date;

/// Who is processed: active applicants whose latest consent is to the current notice
/// (`$1` true, `$2` the notice's version). Nobody else appears on any staff list.
const CONSENTING: &str = "u.role = 'applicant' and u.disabled_at is null \
     and exists (select 1 from consents c where c.id = \
         (select max(l.id) from consents l where l.user_id = p.user_id) \
         and c.given = $1 and c.notice_version = $2)";

/// Accounts bound to one query when some people are read again (far under both databases'
/// limits on parameters).
const BATCH: usize = 500;

#[derive(sqlx::FromRow)]
struct CandidateRow {
    user_id: i64,
    #[sqlx(flatten)]
    facts: FactsRow,
    /// `kind|expires_on;…` (an empty date when the paper does not expire).
    documents: Option<String>,
    /// `skill|level|years;…`
    skills: Option<String>,
    /// `programme;…`: the programmes of the trainings completed.
    completed: Option<String>,
}

/// The facts of every consenting, active applicant, by account.
pub async fn candidates(tx: &mut Tx) -> Result<Vec<(i64, Facts)>, AppError> {
    read_facts(tx, None).await
}

/// The facts of those of `accounts` who are consenting, active applicants, by account.
pub async fn candidates_among(
    tx: &mut Tx,
    accounts: &[i64],
) -> Result<Vec<(i64, Facts)>, AppError> {
    let mut found = Vec::with_capacity(accounts.len());
    for batch in accounts.chunks(BATCH) {
        found.extend(read_facts(tx, Some(batch)).await?);
    }
    found.sort_by_key(|(id, _)| *id);
    Ok(found)
}

/// One query: each person's papers, skills and completed programmes come joined into one text
/// each (`group_concat` in SQLite, `string_agg` in PostgreSQL) from their indexes, instead of
/// three more lists to read and match up.
async fn read_facts(tx: &mut Tx, among: Option<&[i64]>) -> Result<Vec<(i64, Facts)>, AppError> {
    let join = match tx {
        Tx::Sqlite(..) => "group_concat",
        Tx::Postgres(_) => "string_agg",
    };
    let among_sql = match among {
        Some(accounts) => {
            format!(
                " and p.user_id in ({})",
                crate::db::placeholders(3, accounts.len())
            )
        }
        None => String::new(),
    };
    let sql = format!(
        "select p.user_id, {FACTS_COLUMNS}, \
         (select {join}(d.kind || '|' || coalesce(cast(d.expires_on as text), ''), ';' \
            order by d.id) \
            from profile_documents d where d.user_id = p.user_id) as documents, \
         (select {join}(s.skill || '|' || s.level || '|' || cast(s.years as text), ';') \
            from profile_skills s where s.user_id = p.user_id) as skills, \
         (select {join}(t.programme, ';') from enrolments e \
            join trainings t on t.id = e.training_id \
            where e.user_id = p.user_id and e.status = 'completed') as completed \
         from profiles p join users u on u.id = p.user_id \
         where {CONSENTING}{among_sql} order by p.user_id"
    );
    // Each row becomes facts as it arrives: tens of thousands of rows are never held at once.
    Ok(on_conn!(tx, |conn| {
        let mut query = sqlx::query_as::<_, CandidateRow>(&sql)
            .bind(true)
            .bind(NOTICE_VERSION);
        for id in among.unwrap_or_default() {
            query = query.bind(*id);
        }
        query
            .fetch(conn)
            .map_ok(CandidateRow::into_facts)
            .try_collect::<Vec<_>>()
            .await
    })?)
}

impl CandidateRow {
    /// The person's facts; codes and dates the app never writes are left out, as for one
    /// person's facts.
    fn into_facts(self) -> (i64, Facts) {
        let mut facts = Facts::default();
        self.facts.fill(&mut facts);
        // Groups a person declares (survivors of trafficking, disability, women heads of
        // household) never select or rank anyone on a staff list: an offer targeting one would
        // make its shortlist and CSV a list of that group. People see such offers in their
        // own matches, where their own declaration counts.
        facts.declared_groups.clear();
        for entry in entries(self.documents.as_deref()) {
            let [kind, expires] = entry[..] else { continue };
            let expires_on = match expires {
                "" => None,
                day => match Date::parse(day, ISO_DAY) {
                    Ok(day) => Some(day),
                    Err(_) => continue,
                },
            };
            facts.documents.extend(document_fact(kind, expires_on));
        }
        for entry in entries(self.skills.as_deref()) {
            let [skill, level, years] = entry[..] else {
                continue;
            };
            let Ok(years) = years.parse() else { continue };
            facts.skills.extend(skill_fact(skill, level, years));
        }
        for entry in entries(self.completed.as_deref()) {
            let [programme] = entry[..] else { continue };
            facts.completed.extend(Programme::from_code(programme));
        }
        facts.normalise();
        (self.user_id, facts)
    }
}

/// `YYYY-MM-DD`, as both databases write a date as text.
const ISO_DAY: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

/// The fields of each entry of a joined list: `a|b;c|d` → `[a, b]`, `[c, d]`.
fn entries(joined: Option<&str>) -> impl Iterator<Item = Vec<&str>> {
    joined
        .unwrap_or_default()
        .split(';')
        .filter(|entry| !entry.is_empty())
        .map(|entry| entry.split('|').collect())
}

/// Who a line names, and what it says of them.
#[derive(Debug, Clone)]
pub struct Contact {
    pub full_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub sex: Option<Sex>,
    pub birth_date: Option<Date>,
    pub nationality: Option<Country>,
    pub city: Option<City>,
}

#[derive(sqlx::FromRow)]
struct ContactRow {
    user_id: i64,
    full_name: String,
    phone: Option<String>,
    email: Option<String>,
    sex: Option<String>,
    birth_date: Option<Date>,
    nationality: Option<String>,
    city: Option<String>,
}

/// Names and contacts of these accounts (at most a page or an export's batch at a time).
pub async fn contacts(tx: &mut Tx, ids: &[i64]) -> Result<HashMap<i64, Contact>, AppError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = format!(
        "select p.user_id, p.full_name, p.phone, u.email, p.sex, p.birth_date, p.nationality, \
         p.city from profiles p join users u on u.id = p.user_id where p.user_id in ({})",
        crate::db::placeholders(1, ids.len())
    );
    let rows = on_conn!(tx, |conn| {
        let mut query = sqlx::query_as::<_, ContactRow>(&sql);
        for id in ids {
            query = query.bind(*id);
        }
        query.fetch_all(conn).await
    })?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let contact = Contact {
                full_name: row.full_name,
                phone: row.phone,
                email: row.email,
                sex: row.sex.as_deref().and_then(Sex::from_code),
                birth_date: row.birth_date,
                nationality: row.nationality.as_deref().and_then(Country::parse),
                city: row.city.as_deref().and_then(City::parse),
            };
            (row.user_id, contact)
        })
        .collect())
}
