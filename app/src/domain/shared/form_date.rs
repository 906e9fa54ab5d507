//! The one way a date typed into a form (or a spreadsheet cell) is read, wherever it is typed.

use crate::domain::shared::problem::SharedProblem;
use time::{Date, Month};

/// A date as `YYYY-MM-DD` (what `<input type="date">` sends and our exports write) or
/// `DD/MM/YYYY` (what people type, and what French spreadsheets show; one-digit day and month
/// are fine). Nothing else: `01/01/27` or `2027/01/01` is refused rather than guessed. An empty
/// text is `None`, so a missing date is told apart from a wrong one.
pub fn parse(input: &str) -> Result<Option<Date>, SharedProblem> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = input.split(['-', '/']).collect();
    let (year, month, day) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 && input.contains('-') && !input.contains('/') => (y, m, d),
        [d, m, y] if y.len() == 4 && input.contains('/') && !input.contains('-') => (y, m, d),
        _ => return Err(SharedProblem::DateInvalid),
    };
    let number = |part: &str| {
        (!part.is_empty() && part.len() <= 4 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u16>().ok())
            .flatten()
    };
    let (Some(year), Some(month), Some(day)) = (number(year), number(month), number(day)) else {
        return Err(SharedProblem::DateInvalid);
    };
    let month = u8::try_from(month)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .ok_or(SharedProblem::DateInvalid)?;
    let day = u8::try_from(day).map_err(|_| SharedProblem::DateInvalid)?;
    Date::from_calendar_date(i32::from(year), month, day)
        .map(Some)
        .map_err(|_| SharedProblem::DateInvalid)
}

/// A date that must be there: empty is [`SharedProblem::DateMissing`].
pub fn required(input: &str) -> Result<Date, SharedProblem> {
    parse(input)?.ok_or(SharedProblem::DateMissing)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_date_is_read_in_iso_or_day_first_order_and_nothing_else() {
        assert_eq!(parse("2027-01-09"), Ok(Some(date!(2027 - 01 - 09))));
        assert_eq!(parse(" 9/1/2027 "), Ok(Some(date!(2027 - 01 - 09))));
        assert_eq!(parse("04/03/1997"), Ok(Some(date!(1997 - 03 - 04))));
        assert_eq!(parse(""), Ok(None));
        assert_eq!(required("  "), Err(SharedProblem::DateMissing));
        for bad in [
            "2027-13-01",
            "29/02/2027",
            "01/01/27",
            "2027/01/01",
            "9-1-2027",
            "2027-01/09",
            "+2027-01-09",
            "demain",
            "1/2/3/2027",
        ] {
            assert_eq!(parse(bad), Err(SharedProblem::DateInvalid), "{bad}");
        }
    }
}
