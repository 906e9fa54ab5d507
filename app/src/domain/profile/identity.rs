//! The identity step of the profile: what a form sends, checked into valid values. Every
//! problem names its field, so the page can show it next to the input in the reader's language.

use crate::domain::profile::{age_on, Sex};
use crate::domain::shared::problem::{Field, FieldProblem, Problem};
use crate::domain::shared::reference::{City, Country};
use time::{Date, Month};

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
            Country::parse(self.nationality.trim()).ok_or(Problem::NationalityUnknown),
        );
        let city = keep(
            &mut problems,
            Field::City,
            City::parse(self.city.trim()).ok_or(Problem::CityUnknown),
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
    let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(Problem::FullNameMissing);
    }
    if name.chars().count() > FULL_NAME_MAX {
        return Err(Problem::FullNameTooLong { max: FULL_NAME_MAX });
    }
    if name.chars().any(char::is_control) {
        return Err(Problem::FullNameInvalid);
    }
    Ok(name)
}

pub fn parse_sex(input: &str) -> Result<Sex, Problem> {
    match input.trim() {
        "" => Err(Problem::SexMissing),
        code => Sex::from_code(code).ok_or(Problem::SexUnknown),
    }
}

/// `YYYY-MM-DD` (what a date input sends) or `DD/MM/YYYY` (what people type without one).
pub fn parse_date(input: &str) -> Option<Date> {
    let input = input.trim();
    let parts: Vec<&str> = input.split(['-', '/', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let (year, month, day) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
    if year.len() != 4 {
        return None;
    }
    let month = Month::try_from(month.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(year.parse().ok()?, month, day.parse().ok()?).ok()
}

/// The three fields of a date (day, month, year) as one text for `parse_date`; empty when all
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
    if input.trim().is_empty() {
        return Err(Problem::BirthDateMissing);
    }
    let date = parse_date(input).ok_or(Problem::DateInvalid)?;
    if date > today {
        return Err(Problem::BirthDateInFuture);
    }
    match age_on(date, today) {
        Some(age) if age > 110 => Err(Problem::BirthDateImplausible),
        Some(age) if age < MINIMUM_AGE => Err(Problem::TooYoung { min: MINIMUM_AGE }),
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
        return Err(Problem::PhoneInvalid);
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    if !(9..=PHONE_MAX_DIGITS).contains(&digits.len()) {
        return Err(Problem::PhoneInvalid);
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
        assert_eq!(problems[2].problem, Problem::DateInvalid);
    }

    #[test]
    fn impossible_future_and_minor_birth_dates_are_refused() {
        assert_eq!(
            parse_birth_date("31/04/1990", TODAY),
            Err(Problem::DateInvalid)
        );
        assert_eq!(
            parse_birth_date("2027-01-01", TODAY),
            Err(Problem::BirthDateInFuture)
        );
        assert_eq!(
            parse_birth_date("1900-01-01", TODAY),
            Err(Problem::BirthDateImplausible)
        );
        assert_eq!(
            parse_birth_date("2010-05-05", TODAY),
            Err(Problem::TooYoung { min: 18 })
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
            Err(Problem::BirthDateMissing)
        );
        assert_eq!(
            parse_birth_date(&join_date("4", "", "1997"), TODAY),
            Err(Problem::DateInvalid)
        );
        assert_eq!(
            parse_birth_date(&join_date("4", "3", "97"), TODAY),
            Err(Problem::DateInvalid)
        );
    }

    #[test]
    fn names_are_tidied_and_bounded() {
        assert_eq!(parse_full_name("a\u{7}b"), Err(Problem::FullNameInvalid));
        assert_eq!(
            parse_full_name(&"x".repeat(121)),
            Err(Problem::FullNameTooLong { max: 120 })
        );
        assert_eq!(parse_full_name("عائشة   بنت"), Ok("عائشة بنت".to_owned()));
    }

    #[test]
    fn phones_keep_digits_and_an_international_plus() {
        assert_eq!(parse_phone("06 12-34.56.78"), Ok(Some("0612345678".into())));
        assert_eq!(parse_phone(""), Ok(None));
        assert_eq!(parse_phone("12345"), Err(Problem::PhoneInvalid));
        assert_eq!(parse_phone("+33 abc"), Err(Problem::PhoneInvalid));
    }
}
