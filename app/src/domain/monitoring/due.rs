//! When a funded business's monitoring visit is due (domain.md, "Monitoring": visits at about
//! 3 and 6 months after the committee's approval), so that its mentor and owner are reminded.

use time::{Date, Duration, Month};

/// The visits every funded business gets, in months after the committee's approval.
pub const VISIT_MONTHS: [i64; 2] = [3, 6];

/// How long before a visit's day its reminder goes out: time to arrange it.
pub const REMIND_DAYS_BEFORE: i64 = 7;

/// The visit (1 for the first) to remind of on `today`, if any: the first one not yet done
/// (`visits` recorded so far) whose day, less the lead time, has come. A visit done early
/// counts: the reminder is for the next one.
pub fn due_round(approved: Date, visits: i64, today: Date) -> Option<i64> {
    let months = *VISIT_MONTHS.get(usize::try_from(visits).ok()?)?;
    let day = months_after(approved, months);
    (today >= day - Duration::days(REMIND_DAYS_BEFORE)).then_some(visits + 1)
}

/// How many months after approval visit `round` (1 for the first) falls.
pub fn months_of(round: i64) -> i64 {
    usize::try_from(round - 1)
        .ok()
        .and_then(|i| VISIT_MONTHS.get(i).copied())
        .unwrap_or(0)
}

/// The same day `months` later, or the month's last day when it has fewer (31 May + 3 months
/// is 31 August; 30 November + 3 months is 28 or 29 February).
pub fn months_after(date: Date, months: i64) -> Date {
    let total = i64::from(date.year()) * 12 + i64::from(u8::from(date.month())) - 1 + months;
    let year = i32::try_from(total.div_euclid(12)).unwrap_or(date.year());
    let month = u8::try_from(total.rem_euclid(12) + 1)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .unwrap_or(date.month());
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn months_keep_the_day_or_end_the_month() {
        assert_eq!(
            months_after(date!(2026 - 05 - 31), 3),
            date!(2026 - 08 - 31)
        );
        assert_eq!(
            months_after(date!(2026 - 11 - 30), 3),
            date!(2027 - 02 - 28)
        );
        assert_eq!(
            months_after(date!(2027 - 11 - 30), 3),
            date!(2028 - 02 - 29)
        );
        assert_eq!(
            months_after(date!(2026 - 01 - 15), 6),
            date!(2026 - 07 - 15)
        );
        assert_eq!(
            months_after(date!(2026 - 10 - 01), 3),
            date!(2027 - 01 - 01)
        );
    }

    #[test]
    fn the_first_visit_not_done_is_due_a_week_before_its_day() {
        let approved = date!(2026 - 01 - 15);
        assert_eq!(due_round(approved, 0, date!(2026 - 04 - 07)), None);
        assert_eq!(due_round(approved, 0, date!(2026 - 04 - 08)), Some(1));
        assert_eq!(
            due_round(approved, 0, date!(2026 - 09 - 01)),
            Some(1),
            "overdue"
        );
        assert_eq!(due_round(approved, 1, date!(2026 - 05 - 01)), None);
        assert_eq!(due_round(approved, 1, date!(2026 - 07 - 08)), Some(2));
        assert_eq!(
            due_round(approved, 2, date!(2027 - 01 - 01)),
            None,
            "both done"
        );
        assert_eq!(months_of(1), 3);
        assert_eq!(months_of(2), 6);
    }
}
