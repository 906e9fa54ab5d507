//! A training as an admin types it (the edit form) or a spreadsheet holds it (a CSV row): text
//! in, a [`Training`] or one problem per bad field out. Both paths share this one parser, so a
//! row the import accepts is exactly a form the page accepts.

use crate::domain::catalogue::Training;
use crate::domain::profile::{DocumentKind, Education, Language, Programme, TargetGroup};
use crate::domain::shared::problem::{Field, FieldProblem, Problem, Snippet};
use crate::domain::shared::reference::{City, Sector, SkillId};
use time::{Date, Month};

pub const REFERENCE_MAX: usize = 40;
pub const TITLE_MAX: usize = 200;
pub const SEATS_MIN: u32 = 1;
pub const SEATS_MAX: u32 = 10_000;

/// The fields as posted or read from a cell. Lists are already split (see [`split_codes`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct TrainingForm<'a> {
    pub reference: &'a str,
    pub title: &'a str,
    pub programme: &'a str,
    pub sector: &'a str,
    pub city: &'a str,
    pub starts_on: &'a str,
    pub ends_on: &'a str,
    pub seats: &'a str,
    pub languages: &'a [String],
    pub min_education: &'a str,
    pub required_documents: &'a [String],
    pub target_groups: &'a [String],
    pub skills: &'a [String],
}

pub use crate::domain::shared::spreadsheet::looks_like_formula;

/// Codes typed in one box or one cell: separated by `|`, commas, semicolons or white space.
pub fn split_codes(text: &str) -> Vec<String> {
    text.split(|c: char| c == '|' || c == ',' || c == ';' || c.is_whitespace())
        .filter(|code| !code.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `YYYY-MM-DD` (ISO, what the export writes) or `DD/MM/YYYY` (what French spreadsheets show).
pub fn parse_date(text: &str) -> Result<Date, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Problem::DateMissing);
    }
    let number = |part: &str| part.parse::<u16>().ok();
    let parts: Option<(u16, u16, u16)> = if let Some((y, rest)) = text.split_once('-') {
        let (m, d) = rest.split_once('-').ok_or(Problem::DateInvalid)?;
        (y.len() == 4)
            .then_some(())
            .and_then(|_| Some((number(y)?, number(m)?, number(d)?)))
    } else {
        let mut it = text.split('/');
        match (it.next(), it.next(), it.next(), it.next()) {
            (Some(d), Some(m), Some(y), None) if y.len() == 4 => number(y)
                .zip(number(m))
                .zip(number(d))
                .map(|((y, m), d)| (y, m, d)),
            _ => None,
        }
    };
    let (year, month, day) = parts.ok_or(Problem::DateInvalid)?;
    let month = u8::try_from(month)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .ok_or(Problem::DateInvalid)?;
    let day = u8::try_from(day).map_err(|_| Problem::DateInvalid)?;
    Date::from_calendar_date(i32::from(year), month, day).map_err(|_| Problem::DateInvalid)
}

/// Each code read with `read`; the first unknown one is the problem. Duplicates are dropped.
fn codes<T: PartialEq>(
    list: &[String],
    read: impl Fn(&str) -> Option<T>,
    unknown: impl Fn(&str) -> Problem,
) -> Result<Vec<T>, Problem> {
    let mut values = Vec::new();
    for code in list.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        let value = read(code).ok_or_else(|| unknown(code))?;
        if !values.contains(&value) {
            values.push(value);
        }
    }
    Ok(values)
}

pub(crate) fn reference(text: &str) -> Result<String, Problem> {
    let text = text.trim();
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/');
    if text.is_empty() {
        Err(Problem::ReferenceMissing)
    } else if looks_like_formula(text) {
        Err(Problem::FormulaRefused)
    } else if text.len() > REFERENCE_MAX || !text.chars().all(allowed) {
        Err(Problem::ReferenceInvalid { max: REFERENCE_MAX })
    } else {
        Ok(text.to_owned())
    }
}

pub(crate) fn title(text: &str) -> Result<String, Problem> {
    let text = text.trim();
    if text.is_empty() {
        Err(Problem::TitleMissing)
    } else if looks_like_formula(text) {
        Err(Problem::FormulaRefused)
    } else if text.chars().count() > TITLE_MAX || text.chars().any(char::is_control) {
        Err(Problem::TitleTooLong { max: TITLE_MAX })
    } else {
        Ok(text.to_owned())
    }
}

fn seats(text: &str) -> Result<u32, Problem> {
    let invalid = Problem::SeatsInvalid {
        min: SEATS_MIN,
        max: SEATS_MAX,
    };
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (SEATS_MIN..=SEATS_MAX).contains(n))
        .ok_or(invalid)
}

fn optional_education(text: &str) -> Result<Option<Education>, Problem> {
    match text.trim() {
        "" => Ok(None),
        code => Education::from_code(code)
            .map(Some)
            .ok_or(Problem::EducationUnknown),
    }
}

/// The value, or nothing with its problem noted against `field`.
pub fn take<T>(
    problems: &mut Vec<FieldProblem>,
    field: Field,
    result: Result<T, Problem>,
) -> Option<T> {
    result
        .map_err(|p| problems.push(FieldProblem::new(field, p)))
        .ok()
}

impl TrainingForm<'_> {
    pub fn parse(&self) -> Result<Training, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let reference = take(&mut problems, Field::Reference, reference(self.reference));
        let title = take(&mut problems, Field::Title, title(self.title));
        let programme = take(
            &mut problems,
            Field::Programme,
            Programme::from_code(self.programme.trim()).ok_or(Problem::ProgrammeUnknown),
        );
        let sector = take(
            &mut problems,
            Field::Sector,
            Sector::from_code(self.sector.trim()).ok_or(Problem::SectorUnknown),
        );
        let city = take(
            &mut problems,
            Field::City,
            City::parse(self.city.trim()).ok_or(Problem::CityUnknown),
        );
        let starts_on = take(&mut problems, Field::StartsOn, parse_date(self.starts_on));
        let ends_on = take(&mut problems, Field::EndsOn, parse_date(self.ends_on));
        if let (Some(start), Some(end)) = (starts_on, ends_on) {
            if end < start {
                take(
                    &mut problems,
                    Field::EndsOn,
                    Err::<(), _>(Problem::EndsBeforeStart),
                );
            }
        }
        let seats = take(&mut problems, Field::Seats, seats(self.seats));
        let languages = take(
            &mut problems,
            Field::Languages,
            codes(self.languages, Language::from_code, |_| {
                Problem::LanguageUnknown
            }),
        );
        let min_education = take(
            &mut problems,
            Field::Education,
            optional_education(self.min_education),
        );
        let required_documents = take(
            &mut problems,
            Field::Documents,
            codes(self.required_documents, DocumentKind::from_code, |_| {
                Problem::DocumentKindUnknown
            }),
        );
        let target_groups = take(
            &mut problems,
            Field::Groups,
            codes(self.target_groups, TargetGroup::from_code, |_| {
                Problem::GroupUnknown
            }),
        );
        let skills = take(
            &mut problems,
            Field::Skills,
            codes(self.skills, SkillId::parse, |code| {
                Problem::SkillCodeUnknown {
                    skill: Snippet::new(code),
                }
            }),
        );
        match (
            reference,
            title,
            (programme, sector, city),
            (starts_on, ends_on, seats),
            (languages, min_education),
            (required_documents, target_groups, skills),
        ) {
            (
                Some(reference),
                Some(title),
                (Some(programme), Some(sector), Some(city)),
                (Some(starts_on), Some(ends_on), Some(seats)),
                (Some(languages), Some(min_education)),
                (Some(required_documents), Some(target_groups), Some(skills)),
            ) if problems.is_empty() => Ok(Training {
                reference,
                title,
                programme,
                sector,
                city,
                starts_on,
                ends_on,
                seats,
                languages,
                min_education,
                required_documents,
                target_groups,
                skills,
            }),
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
#[path = "training_form_tests.rs"]
mod tests;
