//! Amounts, days and moments as a reader of each language writes them: `8 000,00 MAD` and
//! `15 mars 2027` in French, `MAD 8,000.00` and `15 March 2027` in English, `8 000,00 درهم` and
//! `15 مارس 2027` in Arabic (Moroccan month names and the digits Morocco writes).
//! Times are stored and shown in UTC, as the pages' labels say.

use crate::domain::shared::locale::Lang;
use crate::domain::shared::money::Money;
use time::{Date, OffsetDateTime, UtcOffset};

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_AR: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
];

/// The whole dirhams with their thousands marked by `mark`.
fn grouped(whole: u64, mark: char) -> String {
    let digits = whole.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(mark);
        }
        out.push(digit);
    }
    out
}

/// An amount in dirhams, with its centimes.
pub fn money(lang: Lang, amount: Money) -> String {
    let sign = if amount.centimes() < 0 { "-" } else { "" };
    let abs = amount.centimes().unsigned_abs();
    let (whole, cents) = (abs / 100, abs % 100);
    match lang {
        Lang::Fr => format!("{sign}{},{cents:02}\u{a0}MAD", grouped(whole, '\u{202f}')),
        Lang::En => format!("{sign}MAD\u{a0}{}.{cents:02}", grouped(whole, ',')),
        Lang::Ar => format!("{sign}{},{cents:02}\u{a0}درهم", grouped(whole, '\u{202f}')),
    }
}

/// A day: `15 mars 2027`.
pub fn date(lang: Lang, day: Date) -> String {
    let months = match lang {
        Lang::Fr => &MONTHS_FR,
        Lang::En => &MONTHS_EN,
        Lang::Ar => &MONTHS_AR,
    };
    let month = months[usize::from(u8::from(day.month())) - 1];
    format!("{} {month} {}", day.day(), day.year())
}

/// A moment, in UTC: `15 mars 2027, 14:05`.
pub fn moment(lang: Lang, at: OffsetDateTime) -> String {
    let at = at.to_offset(UtcOffset::UTC);
    let comma = if lang == Lang::Ar { "،" } else { "," };
    format!(
        "{}{comma} {:02}:{:02}",
        date(lang, at.date()),
        at.hour(),
        at.minute()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn amounts_read_as_each_language_writes_them() {
        let amount = Money::from_centimes(800_050);
        assert_eq!(money(Lang::Fr, amount), "8\u{202f}000,50\u{a0}MAD");
        assert_eq!(money(Lang::En, amount), "MAD\u{a0}8,000.50");
        assert_eq!(money(Lang::Ar, amount), "8\u{202f}000,50\u{a0}درهم");
        assert_eq!(money(Lang::En, Money::from_centimes(-5)), "-MAD\u{a0}0.05");
        assert_eq!(
            money(Lang::Fr, Money::from_dirhams(1_234_567)),
            "1\u{202f}234\u{202f}567,00\u{a0}MAD"
        );
        // The French form is the amount's own `Display`.
        assert_eq!(money(Lang::Fr, amount), amount.to_string());
    }

    #[test]
    fn days_and_moments_use_the_languages_month_names() {
        assert_eq!(date(Lang::Fr, date!(2027 - 03 - 15)), "15 mars 2027");
        assert_eq!(date(Lang::En, date!(2027 - 08 - 01)), "1 August 2027");
        assert_eq!(date(Lang::Ar, date!(2027 - 08 - 01)), "1 غشت 2027");
        assert_eq!(date(Lang::Ar, date!(2027 - 12 - 31)), "31 دجنبر 2027");
        let at = datetime!(2026-11-29 23:40 -02:00);
        assert_eq!(moment(Lang::Fr, at), "30 novembre 2026, 01:40");
        assert_eq!(moment(Lang::Ar, at), "30 نونبر 2026، 01:40");
    }
}
