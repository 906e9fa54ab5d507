//! The work-history step of the profile: one job at a time, checked. Months are what people
//! remember of past jobs, so a job runs from a month to a month (or is still going on).

use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::profile::identity::keep;
use crate::domain::profile::problem::ProfileProblem;
use crate::domain::shared::problem::{Field, SharedProblem};
use crate::domain::shared::reference::Country;
use crate::domain::shared::text::{FreeText, TextError};
use serde::{Deserialize, Serialize};
use time::{Date, Month};

pub const JOB_TITLE_MAX: usize = 120;
pub const EMPLOYER_MAX: usize = 120;
pub const TOWN_MAX: usize = 80;
pub const WORK_DESCRIPTION_MAX: usize = 1000;
pub const JOBS_MAX: usize = 20;
/// Nobody applying today started working before this year: an earlier one is a typing mistake.
pub const FIRST_YEAR: i32 = 1950;

/// A calendar month, stored as `YYYY-MM` (which sorts as text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct YearMonth {
    pub year: i32,
    pub month: u8,
}

impl YearMonth {
    pub fn of(date: Date) -> YearMonth {
        YearMonth {
            year: date.year(),
            month: u8::from(date.month()),
        }
    }

    /// `YYYY-MM`, as stored.
    pub fn code(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// Reads a stored `YYYY-MM`.
    pub fn from_code(code: &str) -> Option<YearMonth> {
        let (year, month) = code.split_once('-')?;
        let month: u8 = month.parse().ok()?;
        Month::try_from(month).ok()?;
        Some(YearMonth {
            year: year.parse().ok()?,
            month,
        })
    }
}

/// A job to add, valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub title: String,
    pub employer: Option<String>,
    pub country: Country,
    pub town: Option<String>,
    pub from: YearMonth,
    /// `None` while the job goes on.
    pub to: Option<YearMonth>,
    pub description: Option<String>,
}

/// The job form as posted. `ongoing` is a checkbox: present (any value) when ticked.
#[derive(Debug, Clone, Default)]
pub struct JobForm<'a> {
    pub title: &'a str,
    pub employer: &'a str,
    pub country: &'a str,
    pub town: &'a str,
    pub from_month: &'a str,
    pub from_year: &'a str,
    pub to_month: &'a str,
    pub to_year: &'a str,
    pub ongoing: bool,
    pub description: &'a str,
}

impl JobForm<'_> {
    /// Every field checked at once, so every problem is shown together.
    pub fn parse(&self, today: Date) -> Result<Job, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let title = keep(&mut problems, Field::JobTitle, parse_title(self.title));
        let employer = keep(
            &mut problems,
            Field::Employer,
            parse_text::<EMPLOYER_MAX>(self.employer, |max| {
                ProfileProblem::EmployerTooLong { max }.into()
            }),
        );
        let country = keep(
            &mut problems,
            Field::WorkCountry,
            parse_country(self.country),
        );
        let town = keep(
            &mut problems,
            Field::Town,
            parse_text::<TOWN_MAX>(self.town, |max| ProfileProblem::TownTooLong { max }.into()),
        );
        let period = self.period(today, &mut problems);
        let description = keep(
            &mut problems,
            Field::WorkDescription,
            parse_text::<WORK_DESCRIPTION_MAX>(self.description, |max| {
                ProfileProblem::WorkDescriptionTooLong { max }.into()
            }),
        );
        match (title, employer, country, town, period, description) {
            (
                Some(title),
                Some(employer),
                Some(country),
                Some(town),
                Some((from, to)),
                Some(description),
            ) if problems.is_empty() => Ok(Job {
                title,
                employer,
                country,
                town,
                from,
                to,
                description,
            }),
            _ => Err(problems),
        }
    }

    /// The start month and the end month (`None` while ongoing), the end not before the start.
    fn period(
        &self,
        today: Date,
        problems: &mut Vec<FieldProblem>,
    ) -> Option<(YearMonth, Option<YearMonth>)> {
        let from = keep(
            problems,
            Field::WorkFrom,
            parse_month(self.from_month, self.from_year, today),
        );
        let to = if self.ongoing {
            Some(None)
        } else {
            keep(
                problems,
                Field::WorkTo,
                parse_month(self.to_month, self.to_year, today).map(Some),
            )
        };
        if let (Some(from), Some(Some(to))) = (from, to) {
            if to < from {
                problems.push(FieldProblem::new(
                    Field::WorkTo,
                    ProfileProblem::WorkEndBeforeStart,
                ));
            }
        }
        Some((from?, to?))
    }
}

/// Spaces tidied; required; no invisible characters.
pub fn parse_title(input: &str) -> Result<String, Problem> {
    match parse_text::<JOB_TITLE_MAX>(input, |max| ProfileProblem::JobTitleTooLong { max }.into())?
    {
        Some(title) => Ok(title),
        None => Err(ProfileProblem::JobTitleMissing.into()),
    }
}

/// An optional free text: spaces tidied (line breaks kept), at most `max` characters, no
/// invisible control characters. Empty means none.
fn parse_text<const MAX: usize>(
    input: &str,
    too_long: impl Fn(usize) -> Problem,
) -> Result<Option<String>, Problem> {
    let text = input
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    match FreeText::<MAX>::lines(&text) {
        Ok(text) => Ok(text.map(FreeText::into_string)),
        Err(TextError::TooLong) => Err(too_long(MAX)),
        Err(TextError::Invalid) => Err(SharedProblem::TextInvalid.into()),
    }
}

fn parse_country(input: &str) -> Result<Country, Problem> {
    match input.trim() {
        "" => Err(ProfileProblem::CountryMissing.into()),
        code => Country::parse(code).ok_or(ProfileProblem::CountryUnknown.into()),
    }
}

/// A month and a year typed in two small fields: both needed, a real month, not before
/// [`FIRST_YEAR`], not after this month.
pub fn parse_month(month: &str, year: &str, today: Date) -> Result<YearMonth, Problem> {
    let (month, year) = (month.trim(), year.trim());
    if month.is_empty() && year.is_empty() {
        return Err(ProfileProblem::MonthMissing.into());
    }
    let month: u8 = month.parse().map_err(|_| ProfileProblem::MonthInvalid)?;
    Month::try_from(month).map_err(|_| ProfileProblem::MonthInvalid)?;
    if year.len() != 4 {
        return Err(ProfileProblem::MonthInvalid.into());
    }
    let year: i32 = year.parse().map_err(|_| ProfileProblem::MonthInvalid)?;
    if year < FIRST_YEAR {
        return Err(ProfileProblem::MonthInvalid.into());
    }
    let value = YearMonth { year, month };
    if value > YearMonth::of(today) {
        return Err(ProfileProblem::MonthInFuture.into());
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 29);

    fn form() -> JobForm<'static> {
        JobForm {
            title: "  Couturière  ",
            employer: "Atelier Nour",
            country: "MA",
            town: "Tanger",
            from_month: "3",
            from_year: "2021",
            to_month: "10",
            to_year: "2024",
            ongoing: false,
            description: "Retouches,\r\n  ourlets   et robes",
        }
    }

    #[test]
    fn a_complete_job_is_accepted_and_tidied() {
        let job = form().parse(TODAY).expect("valid");
        assert_eq!(job.title, "Couturière");
        assert_eq!(job.country.code(), "MA");
        assert_eq!(
            job.from,
            YearMonth {
                year: 2021,
                month: 3
            }
        );
        assert_eq!(
            job.to,
            Some(YearMonth {
                year: 2024,
                month: 10
            })
        );
        assert_eq!(
            job.description.as_deref(),
            Some("Retouches,\nourlets et robes")
        );
    }

    #[test]
    fn an_ongoing_job_has_no_end_even_if_one_was_typed() {
        let job = JobForm {
            ongoing: true,
            ..form()
        }
        .parse(TODAY)
        .expect("valid");
        assert_eq!(job.to, None);
    }

    #[test]
    fn a_job_without_end_must_say_it_is_ongoing() {
        let problems = JobForm {
            to_month: "",
            to_year: "",
            ..form()
        }
        .parse(TODAY)
        .expect_err("no end");
        assert_eq!(
            problems,
            vec![FieldProblem::new(
                Field::WorkTo,
                ProfileProblem::MonthMissing
            )]
        );
    }

    #[test]
    fn impossible_months_and_future_months_are_refused() {
        assert_eq!(
            parse_month("13", "2020", TODAY),
            Err(ProfileProblem::MonthInvalid.into())
        );
        assert_eq!(
            parse_month("0", "2020", TODAY),
            Err(ProfileProblem::MonthInvalid.into())
        );
        assert_eq!(
            parse_month("5", "20", TODAY),
            Err(ProfileProblem::MonthInvalid.into())
        );
        assert_eq!(
            parse_month("5", "1900", TODAY),
            Err(ProfileProblem::MonthInvalid.into())
        );
        assert_eq!(
            parse_month("mai", "2020", TODAY),
            Err(ProfileProblem::MonthInvalid.into())
        );
        assert_eq!(
            parse_month("12", "2026", TODAY),
            Err(ProfileProblem::MonthInFuture.into())
        );
        assert_eq!(
            parse_month("11", "2026", TODAY),
            Ok(YearMonth {
                year: 2026,
                month: 11
            })
        );
    }

    #[test]
    fn an_end_before_the_start_is_named_on_the_end() {
        let problems = JobForm {
            to_year: "2020",
            ..form()
        }
        .parse(TODAY)
        .expect_err("backwards");
        assert_eq!(
            problems,
            vec![FieldProblem::new(
                Field::WorkTo,
                ProfileProblem::WorkEndBeforeStart
            )]
        );
    }

    #[test]
    fn every_bad_field_is_named_at_once() {
        let long = "x".repeat(TOWN_MAX + 1);
        let description = "y".repeat(WORK_DESCRIPTION_MAX + 1);
        let problems = JobForm {
            title: " ",
            country: "ZZ",
            town: &long,
            from_month: "",
            from_year: "",
            description: &description,
            ..form()
        }
        .parse(TODAY)
        .expect_err("bad");
        let fields: Vec<Field> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            vec![
                Field::JobTitle,
                Field::WorkCountry,
                Field::Town,
                Field::WorkFrom,
                Field::WorkDescription
            ]
        );
    }

    #[test]
    fn a_title_over_the_limit_or_with_control_characters_is_refused() {
        assert_eq!(
            parse_title(&"a".repeat(JOB_TITLE_MAX + 1)),
            Err(ProfileProblem::JobTitleTooLong { max: JOB_TITLE_MAX }.into())
        );
        assert_eq!(
            parse_title("Ma\u{0}çon"),
            Err(SharedProblem::TextInvalid.into())
        );
    }

    #[test]
    fn stored_months_read_back() {
        let month = YearMonth {
            year: 2024,
            month: 2,
        };
        assert_eq!(month.code(), "2024-02");
        assert_eq!(YearMonth::from_code("2024-02"), Some(month));
        assert_eq!(YearMonth::from_code("2024-13"), None);
    }
}
