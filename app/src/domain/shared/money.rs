//! Money in Moroccan dirhams, held as integer centimes — never floating point.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("the amount is missing")]
    Missing,
    #[error("the amount is not a number of dirhams")]
    Invalid,
    #[error("the amount is negative")]
    Negative,
    #[error("the amount is too large")]
    TooLarge,
}

impl Money {
    /// Ten billion dirhams: far above any programme's budget, far below `i64` overflow when
    /// thousands of amounts are summed.
    pub const MAX: Money = Money(1_000_000_000_000);

    pub const fn from_centimes(centimes: i64) -> Money {
        Money(centimes)
    }

    pub const fn from_dirhams(dirhams: i64) -> Money {
        Money(dirhams * 100)
    }

    pub const fn centimes(self) -> i64 {
        self.0
    }

    /// Reads what people type: `25000`, `25 000`, `25.000,50`, `25,000.50`, `25000,5`, with or
    /// without `MAD`/`DH`. The last `,` or `.` followed by one or two digits is the decimal mark;
    /// other separators group thousands.
    pub fn parse(input: &str) -> Result<Money, MoneyError> {
        let mut text = input.trim();
        for unit in ["MAD", "mad", "DH", "dh", "Dh", "درهم"] {
            text = text.trim_end_matches(unit).trim();
        }
        if text.is_empty() {
            return Err(MoneyError::Missing);
        }
        if text.starts_with('-') {
            return Err(MoneyError::Negative);
        }
        let cleaned: String = text
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
            .collect();
        let (whole, fraction) = match cleaned.rfind([',', '.']) {
            Some(at) if (1..=2).contains(&(cleaned.len() - at - 1)) => {
                (&cleaned[..at], &cleaned[at + 1..])
            }
            _ => (cleaned.as_str(), ""),
        };
        let digits: String = whole.chars().filter(|c| !matches!(c, ',' | '.')).collect();
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(MoneyError::Invalid);
        }
        if !fraction.chars().all(|c| c.is_ascii_digit()) {
            return Err(MoneyError::Invalid);
        }
        let dirhams: i64 = digits.parse().map_err(|_| MoneyError::TooLarge)?;
        let centimes: i64 = match fraction.len() {
            0 => 0,
            1 => fraction.parse::<i64>().map_err(|_| MoneyError::Invalid)? * 10,
            _ => fraction.parse().map_err(|_| MoneyError::Invalid)?,
        };
        let total = dirhams
            .checked_mul(100)
            .and_then(|c| c.checked_add(centimes))
            .ok_or(MoneyError::TooLarge)?;
        if total > Money::MAX.0 {
            return Err(MoneyError::TooLarge);
        }
        Ok(Money(total))
    }

    /// `percent`% of this amount, rounded down to the centime.
    pub fn percent(self, percent: u8) -> Money {
        Money(self.0 * i64::from(percent) / 100)
    }
}

/// `25 000,50 MAD` — French grouping, which Moroccan readers of all three languages know.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let whole = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                grouped.push('\u{202f}');
            }
            grouped.push(digit);
        }
        write!(f, "{sign}{grouped},{:02}\u{a0}MAD", abs % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_the_ways_people_write_amounts() {
        for (text, centimes) in [
            ("25000", 2_500_000),
            ("25 000", 2_500_000),
            ("25.000,50", 2_500_050),
            ("25,000.50", 2_500_050),
            ("25000,5", 2_500_050),
            ("30 000 MAD", 3_000_000),
            ("1.234.567", 123_456_700),
            ("0", 0),
        ] {
            assert_eq!(Money::parse(text), Ok(Money(centimes)), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        assert_eq!(Money::parse(""), Err(MoneyError::Missing));
        assert_eq!(Money::parse("-5"), Err(MoneyError::Negative));
        assert_eq!(Money::parse("12a"), Err(MoneyError::Invalid));
        assert_eq!(Money::parse("1e5"), Err(MoneyError::Invalid));
        assert_eq!(Money::parse("99999999999999"), Err(MoneyError::TooLarge));
        assert_eq!(
            Money::parse("99999999999999999999999"),
            Err(MoneyError::TooLarge)
        );
    }

    #[test]
    fn shows_grouped_dirhams_and_centimes() {
        assert_eq!(Money(2_500_050).to_string(), "25\u{202f}000,50\u{a0}MAD");
        assert_eq!(Money(5).to_string(), "0,05\u{a0}MAD");
    }

    proptest! {
        #[test]
        fn what_is_shown_reads_back(centimes in 0i64..=Money::MAX.0) {
            let shown = Money(centimes).to_string();
            prop_assert_eq!(Money::parse(&shown), Ok(Money(centimes)));
        }
    }
}
