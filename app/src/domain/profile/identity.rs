//! The identity step of the profile: what a form sends, checked into valid values. Every
//! problem names its field, so the page can show it next to the input in the reader's language.

use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::profile::problem::ProfileProblem;
use crate::domain::profile::{age_on, Sex};
use crate::domain::shared::form_date;
use crate::domain::shared::problem::{Field, SharedProblem};
use crate::domain::shared::reference::{City, Country};
use crate::domain::shared::text::{FreeText, TextError};
use time::Date;

pub const FULL_NAME_MAX: usize = 120;
pub const PHONE_MAX_DIGITS: usize = 15;
/// Applicants are adults (domain.md: "Minors are not applicants").
pub const MINIMUM_AGE: u8 = 18;

/// The identity step, valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub full_name: String,
    pub sex: Sex,
    pub birth_date: Date,
    pub nationality: Country,
    pub city: City,
    /// Digits only, with a leading `+` for international numbers; optional.
    pub phone: Option<String>,
}

/// The identity form as posted: every field is text, possibly empty.
#[derive(Debug, Clone, Default)]
pub struct IdentityForm<'a> {
    pub full_name: &'a str,
    pub sex: &'a str,
    pub birth_date: &'a str,
    pub nationality: &'a str,
    pub city: &'a str,
    pub phone: &'a str,
}

impl IdentityForm<'_> {
    /// Checks every field and reports every problem at once (not just the first).
    pub fn parse(&self, today: Date) -> Result<Identity, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let full_name = keep(
            &mut problems,
            Field::FullName,
            parse_full_name(self.full_name),
        );
        let sex = keep(&mut problems, Field::Sex, parse_sex(self.sex));
        let birth_date = keep(
            &mut problems,
            Field::BirthDate,
            parse_birth_date(self.birth_date, today),
        );
        let nationality = keep(
            &mut problems,
            Field::Nationality,
            Country::parse(self.nationality.trim()).ok_or(SharedProblem::NationalityUnknown.into()),
        );
        let city = keep(
            &mut problems,
            Field::City,
            City::parse(self.city.trim()).ok_or(SharedProblem::CityUnknown.into()),
        );
        let phone = keep(&mut problems, Field::Phone, parse_phone(self.phone));
        match (full_name, sex, birth_date, nationality, city, phone) {
            (
                Some(full_name),
                Some(sex),
                Some(birth_date),
                Some(nationality),
                Some(city),
                Some(phone),
            ) if problems.is_empty() => Ok(Identity {
                full_name,
                sex,
                birth_date,
                nationality,
                city,
                phone,
            }),
            _ => Err(problems),
        }
    }
}

/// The value, or `None` with its problem noted against `field`.
pub(crate) fn keep<T>(
    problems: &mut Vec<FieldProblem>,
    field: Field,
    result: Result<T, Problem>,
) -> Option<T> {
    result
        .map_err(|problem| problems.push(FieldProblem::new(field, problem)))
        .ok()
}

pub fn parse_full_name(input: &str) -> Result<String, Problem> {
    match FreeText::<FULL_NAME_MAX>::line(input) {
        Ok(Some(name)) => Ok(name.into_string()),
        Ok(None) => Err(ProfileProblem::FullNameMissing.into()),
        Err(TextError::TooLong) => {
            Err(ProfileProblem::FullNameTooLong { max: FULL_NAME_MAX }.into())
        }
        Err(TextError::Invalid) => Err(ProfileProblem::FullNameInvalid.into()),
    }
}

pub fn parse_sex(input: &str) -> Result<Sex, Problem> {
    match input.trim() {
        "" => Err(ProfileProblem::SexMissing.into()),
        code => Sex::from_code(code).ok_or(SharedProblem::SexUnknown.into()),
    }
}

/// The three fields of a date (day, month, year) as one text for `form_date::parse`; empty when all
/// three are empty, so a missing date is told apart from a wrong one.
pub fn join_date(day: &str, month: &str, year: &str) -> String {
    let parts = [day.trim(), month.trim(), year.trim()];
    if parts.iter().all(|p| p.is_empty()) {
        String::new()
    } else {
        parts.join("/")
    }
}

pub fn parse_birth_date(input: &str, today: Date) -> Result<Date, Problem> {
    let Some(date) = form_date::parse(input)? else {
        return Err(ProfileProblem::BirthDateMissing.into());
    };
    if date > today {
        return Err(ProfileProblem::BirthDateInFuture.into());
    }
    match age_on(date, today) {
        Some(age) if age > 110 => Err(ProfileProblem::BirthDateImplausible.into()),
        Some(age) if age < MINIMUM_AGE => Err(ProfileProblem::TooYoung { min: MINIMUM_AGE }.into()),
        _ => Ok(date),
    }
}

/// A Moroccan or international phone number: digits, spaces, dots, dashes, an optional
/// leading `+`. Stored as `+` and digits. Empty means none given.
pub fn parse_phone(input: &str) -> Result<Option<String>, Problem> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    let (plus, rest) = match input.strip_prefix('+') {
        Some(rest) => ("+", rest),
        None => ("", input),
    };
    if !rest
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '(' | ')'))
    {
        return Err(SharedProblem::PhoneInvalid.into());
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    if !(9..=PHONE_MAX_DIGITS).contains(&digits.len()) {
        return Err(SharedProblem::PhoneInvalid.into());
    }
    Ok(Some(format!("{plus}{digits}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 29);

    fn form() -> IdentityForm<'static> {
        IdentityForm {
            full_name: "  Awa   Koné ",
            sex: "female",
            birth_date: "1997-03-14",
            nationality: "CI",
            city: "tanger",
            phone: "+212 6 12 34 56 78",
        }
    }

    #[test]
    fn a_complete_form_gives_a_clean_identity() {
        let identity = form().parse(TODAY).expect("valid");
        assert_eq!(identity.full_name, "Awa Koné");
        assert_eq!(identity.birth_date, date!(1997 - 03 - 14));
        assert_eq!(identity.phone.as_deref(), Some("+212612345678"));
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let bad = IdentityForm {
            full_name: "",
            sex: "x",
            birth_date: "2026-02-30",
            nationality: "ZZ",
            city: "atlantis",
            phone: "call me",
        };
        let problems = bad.parse(TODAY).expect_err("invalid");
        let fields: Vec<Field> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            vec![
                Field::FullName,
                Field::Sex,
                Field::BirthDate,
                Field::Nationality,
                Field::City,
                Field::Phone
            ]
        );
        assert_eq!(problems[2].problem, SharedProblem::DateInvalid.into());
    }

    #[test]
    fn impossible_future_and_minor_birth_dates_are_refused() {
        assert_eq!(
            parse_birth_date("31/04/1990", TODAY),
            Err(SharedProblem::DateInvalid.into())
        );
        assert_eq!(
            parse_birth_date("2027-01-01", TODAY),
            Err(ProfileProblem::BirthDateInFuture.into())
        );
        assert_eq!(
            parse_birth_date("1900-01-01", TODAY),
            Err(ProfileProblem::BirthDateImplausible.into())
        );
        assert_eq!(
            parse_birth_date("2010-05-05", TODAY),
            Err(ProfileProblem::TooYoung { min: 18 }.into())
        );
        assert_eq!(
            parse_birth_date("14/03/1997", TODAY),
            Ok(date!(1997 - 03 - 14))
        );
    }

    #[test]
    fn a_date_in_three_fields_is_read_day_month_year() {
        let joined = join_date(" 4", "3 ", "1997");
        assert_eq!(parse_birth_date(&joined, TODAY), Ok(date!(1997 - 03 - 04)));
        assert_eq!(
            parse_birth_date(&join_date("", "", ""), TODAY),
            Err(ProfileProblem::BirthDateMissing.into())
        );
        assert_eq!(
            parse_birth_date(&join_date("4", "", "1997"), TODAY),
            Err(SharedProblem::DateInvalid.into())
        );
        assert_eq!(
            parse_birth_date(&join_date("4", "3", "97"), TODAY),
            Err(SharedProblem::DateInvalid.into())
        );
    }

    #[test]
    fn names_are_tidied_and_bounded() {
        assert_eq!(
            parse_full_name("a\u{7}b"),
            Err(ProfileProblem::FullNameInvalid.into())
        );
        assert_eq!(
            parse_full_name(&"x".repeat(121)),
            Err(ProfileProblem::FullNameTooLong { max: 120 }.into())
        );
        assert_eq!(parse_full_name("عائشة   بنت"), Ok("عائشة بنت".to_owned()));
    }

    #[test]
    fn phones_keep_digits_and_an_international_plus() {
        assert_eq!(parse_phone("06 12-34.56.78"), Ok(Some("0612345678".into())));
        assert_eq!(parse_phone(""), Ok(None));
        assert_eq!(
            parse_phone("12345"),
            Err(SharedProblem::PhoneInvalid.into())
        );
        assert_eq!(
            parse_phone("+33 abc"),
            Err(SharedProblem::PhoneInvalid.into())
        );
    }
}
