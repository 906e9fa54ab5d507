//! Many applicants at once, for staff: the consenting applicants an offer could suit, with the
//! facts the rules and the matching read, and then — only for the lines shown or exported —
//! their names and contacts. Four queries for the facts whatever the number of people (no query
//! per person), each narrowed by the same conditions so most profiles are never read.

use crate::db::profile::profiles::{document_fact, skill_fact, FactsRow, FACTS_COLUMNS};
use crate::db::Tx;
use crate::domain::matching::narrowing::{Column, Condition};
use crate::domain::profile::{Facts, Programme, Sex};
use crate::domain::shared::reference::{City, Country};
use crate::error::AppError;
use crate::on_conn;
use std::collections::HashMap;
use time::Date;

/// A value bound to a narrowing query.
#[derive(Debug, Clone)]
enum Value {
    Text(String),
    Day(Date),
    Flag(bool),
}

/// `where …` for the consenting applicants who meet every condition, with its values in the
/// order of their `$n`.
struct Narrowed {
    sql: String,
    values: Vec<Value>,
}

impl Narrowed {
    fn new(conditions: &[Condition]) -> Narrowed {
        let mut where_ = Narrowed {
            sql: String::new(),
            values: Vec::new(),
        };
        // Without consent to the current notice nobody is processed, so nobody else appears.
        let given = where_.value(Value::Flag(true));
        let notice = where_.value(Value::Text(
            crate::domain::profile::consent::NOTICE_VERSION.to_owned(),
        ));
        where_.sql = format!(
            "where u.role = 'applicant' and u.disabled_at is null \
             and exists (select 1 from consents c where c.id = \
                 (select max(l.id) from consents l where l.user_id = p.user_id) \
                 and c.given = {given} and c.notice_version = {notice})"
        );
        for condition in conditions {
            let sql = where_.condition(condition);
            where_.sql.push_str(" and ");
            where_.sql.push_str(&sql);
        }
        where_
    }

    /// Adds a value; its placeholder.
    fn value(&mut self, value: Value) -> String {
        self.values.push(value);
        format!("${}", self.values.len())
    }

    fn list(&mut self, codes: &[&'static str]) -> String {
        let marks: Vec<String> = codes
            .iter()
            .map(|code| self.value(Value::Text((*code).to_owned())))
            .collect();
        marks.join(", ")
    }

    fn condition(&mut self, condition: &Condition) -> String {
        match condition {
            Condition::OneOf {
                column,
                codes,
                or_unknown,
            } => {
                let column = match column {
                    Column::Sex => "p.sex",
                    Column::Nationality => "p.nationality",
                    Column::City => "p.city",
                    Column::Education => "p.education",
                };
                let list = if codes.is_empty() {
                    "false".to_owned()
                } else {
                    format!("{column} in ({})", self.list(codes))
                };
                match or_unknown {
                    true => format!("({list} or {column} is null)"),
                    false => format!("({list})"),
                }
            }
            Condition::BornSince { day, or_unknown } => {
                let day = self.value(Value::Day(*day));
                match or_unknown {
                    true => format!("(p.birth_date >= {day} or p.birth_date is null)"),
                    false => format!("(p.birth_date >= {day})"),
                }
            }
            Condition::BornBy { day } => {
                format!("(p.birth_date <= {})", self.value(Value::Day(*day)))
            }
            Condition::Holds { kinds, on } => {
                let codes: Vec<&'static str> = kinds.iter().map(|k| k.code()).collect();
                let kinds = self.list(&codes);
                let on = self.value(Value::Day(*on));
                format!(
                    "exists (select 1 from profile_documents d where d.user_id = p.user_id \
                     and d.kind in ({kinds}) and (d.expires_on is null or d.expires_on >= {on}))"
                )
            }
            Condition::Speaks { codes } => {
                // Languages are a JSON array of codes: `["fr","ar"]`.
                let each: Vec<String> = codes
                    .iter()
                    .map(|code| {
                        let like = self.value(Value::Text(format!("%\"{code}\"%")));
                        format!("p.languages like {like}")
                    })
                    .collect();
                format!("({})", each.join(" or "))
            }
            Condition::Completed { programme } => {
                let programme = self.value(Value::Text(programme.code().to_owned()));
                format!(
                    "exists (select 1 from enrolments e join trainings t on t.id = e.training_id \
                     where e.user_id = p.user_id and e.status = 'completed' \
                     and t.programme = {programme})"
                )
            }
        }
    }

    /// The accounts it admits, as a subquery.
    fn accounts(&self) -> String {
        format!(
            "select p.user_id from profiles p join users u on u.id = p.user_id {}",
            self.sql
        )
    }
}

/// Runs `sql` with the narrowing's values and reads every row as `T`.
macro_rules! fetch_narrowed {
    ($tx:expr, $row:ty, $sql:expr, $narrowed:expr) => {
        on_conn!($tx, |conn| {
            let sql: String = $sql;
            let mut query = sqlx::query_as::<_, $row>(&sql);
            for value in &$narrowed.values {
                query = match value {
                    Value::Text(v) => query.bind(v.clone()),
                    Value::Day(v) => query.bind(*v),
                    Value::Flag(v) => query.bind(*v),
                };
            }
            query.fetch_all(conn).await
        })
    };
}

#[derive(sqlx::FromRow)]
struct CandidateRow {
    user_id: i64,
    #[sqlx(flatten)]
    facts: FactsRow,
}

/// The facts of every consenting, active applicant who meets all `conditions`, by account
/// (a stable order, so equal scores rank the same from one request to the next).
pub async fn candidates(
    tx: &mut Tx,
    conditions: &[Condition],
) -> Result<Vec<(i64, Facts)>, AppError> {
    let narrowed = Narrowed::new(conditions);
    let accounts = narrowed.accounts();
    let rows = fetch_narrowed!(
        tx,
        CandidateRow,
        format!(
            "select p.user_id, {FACTS_COLUMNS} from profiles p join users u on u.id = p.user_id \
             {} order by p.user_id",
            narrowed.sql
        ),
        narrowed
    )?;
    let documents = fetch_narrowed!(
        tx,
        (i64, String, Option<Date>),
        format!(
            "select user_id, kind, expires_on from profile_documents \
             where user_id in ({accounts})"
        ),
        narrowed
    )?;
    let skills = fetch_narrowed!(
        tx,
        (i64, String, String, i32),
        format!(
            "select user_id, skill, level, years from profile_skills where user_id in ({accounts})"
        ),
        narrowed
    )?;
    let completed = fetch_narrowed!(
        tx,
        (i64, String),
        format!(
            "select distinct e.user_id, t.programme from enrolments e \
             join trainings t on t.id = e.training_id \
             where e.status = 'completed' and e.user_id in ({accounts})"
        ),
        narrowed
    )?;

    let mut people: Vec<(i64, Facts)> = Vec::with_capacity(rows.len());
    let mut at: HashMap<i64, usize> = HashMap::with_capacity(rows.len());
    for row in rows {
        let mut facts = Facts::default();
        row.facts.fill(&mut facts);
        at.insert(row.user_id, people.len());
        people.push((row.user_id, facts));
    }
    let person = |user_id: i64| at.get(&user_id).copied();
    for (user_id, kind, expires_on) in &documents {
        if let (Some(i), Some(doc)) = (person(*user_id), document_fact(kind, *expires_on)) {
            people[i].1.documents.push(doc);
        }
    }
    for (user_id, skill, level, years) in &skills {
        if let (Some(i), Some(claim)) = (person(*user_id), skill_fact(skill, level, *years)) {
            people[i].1.skills.push(claim);
        }
    }
    for (user_id, programme) in &completed {
        if let (Some(i), Some(p)) = (person(*user_id), Programme::from_code(programme)) {
            people[i].1.completed.push(p);
        }
    }
    for (_, facts) in &mut people {
        facts.normalise();
    }
    Ok(people)
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
    let marks: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
    let sql = format!(
        "select p.user_id, p.full_name, p.phone, u.email, p.sex, p.birth_date, p.nationality, \
         p.city from profiles p join users u on u.id = p.user_id where p.user_id in ({})",
        marks.join(", ")
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
