//! Applicant profiles and their consent records.

use crate::db::{now, Tx};
use crate::domain::profile::identity::Identity;
use crate::domain::profile::situation::Situation;
use crate::domain::profile::{
    Disability, Document, DocumentKind, Education, Facts, Language, LegalStatus, PopulationGroup,
    Sex, SkillClaim, SkillLevel, TargetGroup,
};
use crate::domain::shared::reference::{City, Country, Sector, SkillId};
use crate::error::AppError;
use crate::on_conn;
use crate::wire::profile::{ConsentLine, IdentityView, SituationView};
use time::{Date, OffsetDateTime};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ConsentRow {
    pub notice_version: String,
    pub given: bool,
    pub in_person: bool,
    pub at: OffsetDateTime,
}

/// The person's most recent consent decision, if any.
pub async fn latest_consent(tx: &mut Tx, user_id: i64) -> Result<Option<ConsentRow>, AppError> {
    let row = on_conn!(tx, |conn| {
        sqlx::query_as::<_, ConsentRow>(
            "select notice_version, given, in_person, at from consents \
             where user_id = $1 order by id desc limit 1",
        )
        .bind(user_id)
        .fetch_optional(conn)
        .await
    })?;
    Ok(row)
}

/// Every consent decision of the person, newest first.
pub async fn consent_history(tx: &mut Tx, user_id: i64) -> Result<Vec<ConsentLine>, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, ConsentRow>(
            "select notice_version, given, in_person, at from consents \
             where user_id = $1 order by id desc",
        )
        .bind(user_id)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|row| ConsentLine {
            given: row.given,
            notice_version: row.notice_version,
            in_person: row.in_person,
            at: row.at,
        })
        .collect())
}

/// One consent decision, as given by the person or taken in person by `recorded_by`.
pub struct NewConsent<'a> {
    pub user_id: i64,
    pub notice_version: &'a str,
    pub language: &'a str,
    pub given: bool,
    pub recorded_by: Option<i64>,
}

pub async fn record_consent(tx: &mut Tx, consent: NewConsent<'_>) -> Result<(), AppError> {
    on_conn!(tx, |conn| {
        sqlx::query(
            "insert into consents (user_id, notice_version, language, given, in_person, recorded_by, at) \
             values ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(consent.user_id)
        .bind(consent.notice_version)
        .bind(consent.language)
        .bind(consent.given)
        .bind(consent.recorded_by.is_some())
        .bind(consent.recorded_by)
        .bind(now())
        .execute(conn)
        .await
        .map(drop)
    })?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct IdentityRow {
    pub full_name: String,
    pub sex: Option<String>,
    pub birth_date: Option<Date>,
    pub nationality: Option<String>,
    pub city: Option<String>,
    pub phone: Option<String>,
    pub version: i32,
}

impl From<IdentityRow> for IdentityView {
    fn from(row: IdentityRow) -> Self {
        IdentityView {
            full_name: row.full_name,
            sex: row.sex.as_deref().and_then(Sex::from_code),
            birth_date: row.birth_date,
            nationality: row.nationality,
            city: row.city,
            phone: row.phone,
            version: row.version,
        }
    }
}

pub async fn identity(tx: &mut Tx, user_id: i64) -> Result<Option<IdentityRow>, AppError> {
    let row = on_conn!(tx, |conn| {
        sqlx::query_as::<_, IdentityRow>(
            "select full_name, sex, birth_date, nationality, city, phone, version \
             from profiles where user_id = $1",
        )
        .bind(user_id)
        .fetch_optional(conn)
        .await
    })?;
    Ok(row)
}

/// Saves the identity step. `expected_version` is the version the form was filled from (0 for
/// a profile not yet created): if someone saved meanwhile, nothing is written and the answer is
/// `Conflict`. Returns the new version.
pub async fn save_identity(
    tx: &mut Tx,
    user_id: i64,
    identity: &Identity,
    expected_version: i32,
    registered_by: Option<i64>,
) -> Result<i32, AppError> {
    let at = now();
    let nationality: &str = Country::code(identity.nationality);
    let city: &str = City::code(identity.city);
    let rows = if expected_version == 0 {
        on_conn!(tx, |conn| {
            sqlx::query(
                "insert into profiles (user_id, full_name, sex, birth_date, nationality, city, phone, \
                 registered_by, version, created_at, updated_at) \
                 values ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9) \
                 on conflict (user_id) do nothing",
            )
            .bind(user_id)
            .bind(&identity.full_name)
            .bind(identity.sex.code())
            .bind(identity.birth_date)
            .bind(nationality)
            .bind(city)
            .bind(&identity.phone)
            .bind(registered_by)
            .bind(at)
            .execute(conn)
            .await
            .map(|done| done.rows_affected())
        })?
    } else {
        on_conn!(tx, |conn| {
            sqlx::query(
                "update profiles set full_name = $1, sex = $2, birth_date = $3, nationality = $4, \
                 city = $5, phone = $6, version = version + 1, updated_at = $7 \
                 where user_id = $8 and version = $9",
            )
            .bind(&identity.full_name)
            .bind(identity.sex.code())
            .bind(identity.birth_date)
            .bind(nationality)
            .bind(city)
            .bind(&identity.phone)
            .bind(at)
            .bind(user_id)
            .bind(expected_version)
            .execute(conn)
            .await
            .map(|done| done.rows_affected())
        })?
    };
    if rows == 1 {
        Ok(expected_version + 1)
    } else {
        Err(AppError::Conflict)
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SituationRow {
    pub education: Option<String>,
    pub languages: String,
    pub sectors: String,
    pub availability: Option<String>,
    pub declared_groups: String,
    pub population_group: Option<String>,
    pub legal_status: Option<String>,
    pub disability: Option<String>,
}

/// A stored JSON list of codes; a malformed one (never written by the app) reads as empty.
fn codes(json: &str) -> Vec<String> {
    serde_json::from_str(json).unwrap_or_else(|error| {
        tracing::error!(%error, "a profile list is not a JSON array of codes");
        Vec::new()
    })
}

impl From<SituationRow> for SituationView {
    fn from(row: SituationRow) -> Self {
        SituationView {
            education: row.education,
            languages: codes(&row.languages),
            sectors: codes(&row.sectors),
            availability: row.availability,
            groups: codes(&row.declared_groups),
            population_group: row.population_group,
            legal_status: row.legal_status,
            disability: row.disability,
        }
    }
}

pub async fn situation(tx: &mut Tx, user_id: i64) -> Result<Option<SituationRow>, AppError> {
    let row = on_conn!(tx, |conn| {
        sqlx::query_as::<_, SituationRow>(
            "select education, languages, sectors, availability, declared_groups, \
             population_group, legal_status, disability from profiles where user_id = $1",
        )
        .bind(user_id)
        .fetch_optional(conn)
        .await
    })?;
    Ok(row)
}

/// Saves the situation step on an existing profile, guarded by `expected_version` like
/// `save_identity`. Without a profile yet the answer is `IdentityFirst`.
pub async fn save_situation(
    tx: &mut Tx,
    user_id: i64,
    situation: &Situation,
    expected_version: i32,
) -> Result<i32, AppError> {
    let list = |codes: Vec<&str>| serde_json::Value::from(codes).to_string();
    let languages = list(situation.languages.iter().map(|l| l.code()).collect());
    let sectors = list(situation.sectors.iter().map(|s| s.code()).collect());
    let groups = list(situation.groups.iter().map(|g| g.code()).collect());
    let rows = on_conn!(tx, |conn| {
        sqlx::query(
            "update profiles set education = $1, languages = $2, sectors = $3, availability = $4, \
             declared_groups = $5, population_group = $6, legal_status = $7, disability = $8, \
             version = version + 1, updated_at = $9 \
             where user_id = $10 and version = $11",
        )
        .bind(situation.education.code())
        .bind(&languages)
        .bind(&sectors)
        .bind(situation.availability.code())
        .bind(&groups)
        .bind(situation.population_group.map(PopulationGroup::code))
        .bind(situation.legal_status.map(LegalStatus::code))
        .bind(situation.disability.map(Disability::code))
        .bind(now())
        .bind(user_id)
        .bind(expected_version)
        .execute(conn)
        .await
        .map(|done| done.rows_affected())
    })?;
    if rows == 1 {
        return Ok(expected_version + 1);
    }
    if identity(tx, user_id).await?.is_none() {
        Err(AppError::field(
            crate::domain::shared::problem::Field::Form,
            crate::domain::profile::problem::ProfileProblem::IdentityFirst,
        ))
    } else {
        Err(AppError::Conflict)
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct FactsRow {
    sex: Option<String>,
    birth_date: Option<Date>,
    nationality: Option<String>,
    city: Option<String>,
    education: Option<String>,
    languages: String,
    sectors: String,
    declared_groups: String,
}

/// The columns of [`FactsRow`], for queries that read many people at once.
pub(crate) const FACTS_COLUMNS: &str =
    "sex, birth_date, nationality, city, education, languages, sectors, declared_groups";

impl FactsRow {
    /// Fills the profile's part of `facts`; unknown codes (never written by the app) are left out.
    pub(crate) fn fill(self, facts: &mut Facts) {
        facts.sex = self.sex.as_deref().and_then(Sex::from_code);
        facts.birth_date = self.birth_date;
        facts.nationality = self.nationality.as_deref().and_then(Country::parse);
        facts.city = self.city.as_deref().and_then(City::parse);
        facts.education = self.education.as_deref().and_then(Education::from_code);
        facts.languages = codes(&self.languages)
            .iter()
            .filter_map(|c| Language::from_code(c))
            .collect();
        facts.sectors_of_interest = codes(&self.sectors)
            .iter()
            .filter_map(|c| Sector::from_code(c))
            .collect();
        facts.declared_groups = codes(&self.declared_groups)
            .iter()
            .filter_map(|c| TargetGroup::from_code(c))
            .collect();
    }
}

pub(crate) fn document_fact(kind: &str, expires_on: Option<Date>) -> Option<Document> {
    Some(Document {
        kind: DocumentKind::from_code(kind)?,
        expires_on,
    })
}

pub(crate) fn skill_fact(skill: &str, level: &str, years: i32) -> Option<SkillClaim> {
    Some(SkillClaim {
        skill: SkillId::parse(skill)?,
        level: SkillLevel::from_code(level)?,
        years: u8::try_from(years).ok()?,
    })
}

/// Everything the eligibility rules and the matching read about a person, from the profile,
/// documents, skills and completed trainings. Facts not given yet stay unknown.
pub async fn facts(tx: &mut Tx, user_id: i64) -> Result<Facts, AppError> {
    let row = on_conn!(tx, |conn| {
        sqlx::query_as::<_, FactsRow>(&format!(
            "select {FACTS_COLUMNS} from profiles where user_id = $1"
        ))
        .bind(user_id)
        .fetch_optional(conn)
        .await
    })?;
    let documents: Vec<(String, Option<Date>)> = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select kind, expires_on from profile_documents where user_id = $1 order by id",
        )
        .bind(user_id)
        .fetch_all(conn)
        .await
    })?;
    let skills: Vec<(String, String, i32)> = on_conn!(tx, |conn| {
        sqlx::query_as("select skill, level, years from profile_skills where user_id = $1")
            .bind(user_id)
            .fetch_all(conn)
            .await
    })?;
    let mut facts = Facts::default();
    if let Some(row) = row {
        row.fill(&mut facts);
    }
    facts.documents = documents
        .iter()
        .filter_map(|(kind, expires_on)| document_fact(kind, *expires_on))
        .collect();
    facts.skills = skills
        .iter()
        .filter_map(|(skill, level, years)| skill_fact(skill, level, *years))
        .collect();
    facts.completed = crate::db::enrolments::completed_programmes(tx, user_id).await?;
    facts.normalise();
    Ok(facts)
}
