//! The documents and skills steps of the profile: one paper or one skill at a time, checked.

use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::profile::identity::join_date;
use crate::domain::profile::problem::ProfileProblem;
use crate::domain::profile::{Document, DocumentKind, SkillClaim, SkillLevel};
use crate::domain::shared::form_date;
use crate::domain::shared::problem::{Field, SharedProblem};
use crate::domain::shared::reference::SkillId;
use time::Date;

pub const DOCUMENT_NUMBER_MAX: usize = 40;
/// Papers are not issued for longer than this; a later expiry is a typing mistake.
pub const DOCUMENT_YEARS_MAX: i32 = 20;
pub const SKILLS_MAX: usize = 30;
pub const DOCUMENTS_MAX: usize = 10;
pub const YEARS_MAX: u8 = 60;

/// A document to add, valid: known kind, tidy number, expiry today or later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDocument {
    pub document: Document,
    pub number: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct DocumentForm<'a> {
    pub kind: &'a str,
    pub number: &'a str,
    pub expires_day: &'a str,
    pub expires_month: &'a str,
    pub expires_year: &'a str,
}

impl DocumentForm<'_> {
    pub fn parse(&self, today: Date) -> Result<NewDocument, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let kind = match self.kind.trim() {
            "" => Err(Problem::from(ProfileProblem::DocumentKindMissing)),
            code => DocumentKind::from_code(code)
                .ok_or(Problem::from(SharedProblem::DocumentKindUnknown)),
        }
        .map_err(|p| problems.push(FieldProblem::new(Field::DocumentKind, p)))
        .ok();
        let number = parse_number(self.number)
            .map_err(|p| problems.push(FieldProblem::new(Field::DocumentNumber, p)))
            .ok();
        let expiry = join_date(self.expires_day, self.expires_month, self.expires_year);
        let expires_on = parse_expiry(&expiry, today)
            .map_err(|p| problems.push(FieldProblem::new(Field::ExpiresOn, p)))
            .ok();
        match (kind, number, expires_on) {
            (Some(kind), Some(number), Some(expires_on)) => Ok(NewDocument {
                document: Document { kind, expires_on },
                number,
            }),
            _ => Err(problems),
        }
    }
}

/// Letters, digits, spaces, dashes and slashes; upper-cased; optional.
pub fn parse_number(input: &str) -> Result<Option<String>, Problem> {
    let number = input
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase();
    if number.is_empty() {
        return Ok(None);
    }
    if number.chars().count() > DOCUMENT_NUMBER_MAX
        || !number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '/'))
    {
        return Err(ProfileProblem::DocumentNumberInvalid {
            max: DOCUMENT_NUMBER_MAX,
        }
        .into());
    }
    Ok(Some(number))
}

/// An expiry date: optional (some papers have none), never already past, never absurdly far.
pub fn parse_expiry(input: &str, today: Date) -> Result<Option<Date>, Problem> {
    let Some(date) = form_date::parse(input)? else {
        return Ok(None);
    };
    if date < today {
        return Err(ProfileProblem::DocumentExpired.into());
    }
    if date.year() > today.year() + DOCUMENT_YEARS_MAX {
        return Err(ProfileProblem::ExpiryImplausible.into());
    }
    Ok(Some(date))
}

#[derive(Debug, Clone, Default)]
pub struct SkillForm<'a> {
    pub skill: &'a str,
    pub level: &'a str,
    pub years: &'a str,
}

impl SkillForm<'_> {
    pub fn parse(&self) -> Result<SkillClaim, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let skill = SkillId::parse(self.skill.trim())
            .ok_or(ProfileProblem::SkillUnknown)
            .map_err(|p| problems.push(FieldProblem::new(Field::Skill, p)))
            .ok();
        let level = match self.level.trim() {
            "" => Err(ProfileProblem::LevelMissing),
            code => SkillLevel::from_code(code).ok_or(ProfileProblem::LevelUnknown),
        }
        .map_err(|p| problems.push(FieldProblem::new(Field::Level, p)))
        .ok();
        let years = match self.years.trim() {
            "" => Ok(0),
            text => text
                .parse::<u8>()
                .ok()
                .filter(|y| *y <= YEARS_MAX)
                .ok_or(ProfileProblem::YearsInvalid { max: YEARS_MAX }),
        }
        .map_err(|p| problems.push(FieldProblem::new(Field::Years, p)))
        .ok();
        match (skill, level, years) {
            (Some(skill), Some(level), Some(years)) => Ok(SkillClaim {
                skill,
                level,
                years,
            }),
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 29);

    #[test]
    fn a_residence_card_with_its_expiry_is_accepted() {
        let new = DocumentForm {
            kind: "residence_card",
            number: " ab 12345 ",
            expires_day: "31",
            expires_month: "3",
            expires_year: "2028",
        }
        .parse(TODAY)
        .expect("valid");
        assert_eq!(new.document.expires_on, Some(date!(2028 - 03 - 31)));
        assert_eq!(new.number.as_deref(), Some("AB 12345"));
    }

    #[test]
    fn expired_impossible_and_far_expiries_are_refused() {
        assert_eq!(
            parse_expiry("1/1/2026", TODAY),
            Err(ProfileProblem::DocumentExpired.into())
        );
        assert_eq!(
            parse_expiry("31/2/2027", TODAY),
            Err(SharedProblem::DateInvalid.into())
        );
        assert_eq!(
            parse_expiry("1/1/2060", TODAY),
            Err(ProfileProblem::ExpiryImplausible.into())
        );
        assert_eq!(parse_expiry("", TODAY), Ok(None));
        assert_eq!(parse_expiry("29/11/2026", TODAY), Ok(Some(TODAY)));
    }

    #[test]
    fn a_document_form_names_every_bad_field() {
        let problems = DocumentForm {
            kind: "driving_licence",
            number: "<script>",
            expires_day: "1",
            expires_month: "1",
            expires_year: "2020",
        }
        .parse(TODAY)
        .expect_err("invalid");
        let fields: Vec<Field> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            vec![Field::DocumentKind, Field::DocumentNumber, Field::ExpiresOn]
        );
    }

    #[test]
    fn skills_must_come_from_the_taxonomy_with_a_level_and_sane_years() {
        let code = SkillId::all().next().expect("a skill").code();
        let claim = SkillForm {
            skill: code,
            level: "advanced",
            years: "4",
        }
        .parse()
        .expect("valid");
        assert_eq!((claim.level, claim.years), (SkillLevel::Advanced, 4));
        let problems = SkillForm {
            skill: "juggling",
            level: "guru",
            years: "-1",
        }
        .parse()
        .expect_err("invalid");
        let found: Vec<Problem> = problems.iter().map(|p| p.problem).collect();
        assert_eq!(
            found,
            vec![
                Problem::from(ProfileProblem::SkillUnknown),
                Problem::from(ProfileProblem::LevelUnknown),
                Problem::from(ProfileProblem::YearsInvalid { max: 60 })
            ]
        );
    }
}
