//! A training as an admin types it (the edit form) or a spreadsheet holds it (a CSV row): text
//! in, a [`Training`] or one problem per bad field out. Both paths share this one parser, so a
//! row the import accepts is exactly a form the page accepts.

use crate::domain::catalogue::problem::CatalogueProblem;
use crate::domain::catalogue::Training;
use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::profile::{DocumentKind, Education, Language, Programme, TargetGroup};
use crate::domain::shared::form_date;
use crate::domain::shared::problem::{Field, SharedProblem, Snippet};
use crate::domain::shared::reference::{City, Sector, SkillId};
use crate::domain::shared::text::{FreeText, TextError};
use time::Date;

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
        Err(CatalogueProblem::ReferenceMissing.into())
    } else if looks_like_formula(text) {
        Err(CatalogueProblem::FormulaRefused.into())
    } else if text.len() > REFERENCE_MAX || !text.chars().all(allowed) {
        Err(CatalogueProblem::ReferenceInvalid { max: REFERENCE_MAX }.into())
    } else {
        Ok(text.to_owned())
    }
}

pub(crate) fn title(text: &str) -> Result<String, Problem> {
    match FreeText::<TITLE_MAX>::line(text) {
        Ok(None) => Err(CatalogueProblem::TitleMissing.into()),
        Ok(Some(text)) if looks_like_formula(text.as_str()) => {
            Err(CatalogueProblem::FormulaRefused.into())
        }
        Ok(Some(text)) => Ok(text.into_string()),
        Err(TextError::TooLong) => Err(CatalogueProblem::TitleTooLong { max: TITLE_MAX }.into()),
        Err(TextError::Invalid) => Err(SharedProblem::TextInvalid.into()),
    }
}

fn seats(text: &str) -> Result<u32, Problem> {
    let invalid = CatalogueProblem::SeatsInvalid {
        min: SEATS_MIN,
        max: SEATS_MAX,
    };
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (SEATS_MIN..=SEATS_MAX).contains(n))
        .ok_or(invalid.into())
}

fn optional_education(text: &str) -> Result<Option<Education>, Problem> {
    match text.trim() {
        "" => Ok(None),
        code => Education::from_code(code)
            .map(Some)
            .ok_or(SharedProblem::EducationUnknown.into()),
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
            Programme::from_code(self.programme.trim())
                .ok_or(CatalogueProblem::ProgrammeUnknown.into()),
        );
        let sector = take(
            &mut problems,
            Field::Sector,
            Sector::from_code(self.sector.trim()).ok_or(SharedProblem::SectorUnknown.into()),
        );
        let city = take(
            &mut problems,
            Field::City,
            City::parse(self.city.trim()).ok_or(SharedProblem::CityUnknown.into()),
        );
        let (starts_on, ends_on) = self.dates(&mut problems);
        let seats = take(&mut problems, Field::Seats, seats(self.seats));
        let languages = take(
            &mut problems,
            Field::Languages,
            codes(self.languages, Language::from_code, |_| {
                SharedProblem::LanguageUnknown.into()
            }),
        );
        let min_education = take(
            &mut problems,
            Field::Education,
            optional_education(self.min_education),
        );
        let (required_documents, target_groups, skills) = self.requirements(&mut problems);
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

    /// The start and end, the end not before the start.
    fn dates(&self, problems: &mut Vec<FieldProblem>) -> (Option<Date>, Option<Date>) {
        let starts_on = take(
            problems,
            Field::StartsOn,
            form_date::required(self.starts_on).map_err(Problem::from),
        );
        let ends_on = take(
            problems,
            Field::EndsOn,
            form_date::required(self.ends_on).map_err(Problem::from),
        );
        if let (Some(start), Some(end)) = (starts_on, ends_on) {
            if end < start {
                let before = CatalogueProblem::EndsBeforeStart;
                problems.push(FieldProblem::new(Field::EndsOn, before));
            }
        }
        (starts_on, ends_on)
    }

    /// The papers asked for, the groups aimed at and the skills taught, each a list of codes.
    #[allow(clippy::type_complexity)]
    fn requirements(
        &self,
        problems: &mut Vec<FieldProblem>,
    ) -> (
        Option<Vec<DocumentKind>>,
        Option<Vec<TargetGroup>>,
        Option<Vec<SkillId>>,
    ) {
        let documents = take(
            problems,
            Field::Documents,
            codes(self.required_documents, DocumentKind::from_code, |_| {
                SharedProblem::DocumentKindUnknown.into()
            }),
        );
        let groups = take(
            problems,
            Field::Groups,
            codes(self.target_groups, TargetGroup::from_code, |_| {
                SharedProblem::GroupUnknown.into()
            }),
        );
        let skills = take(
            problems,
            Field::Skills,
            codes(self.skills, SkillId::parse, |code| {
                CatalogueProblem::SkillCodeUnknown {
                    skill: Snippet::new(code),
                }
                .into()
            }),
        );
        (documents, groups, skills)
    }
}

#[cfg(test)]
#[path = "training_form_tests.rs"]
mod tests;
