//! Donor reporting: whom the programme reached and where the money went, counted and
//! disaggregated without ever showing a group small enough to point at someone.
//!
//! The database aggregates applicants into a cube (`db::reporting::cube`): one row per
//! combination of the seven reporting dimensions and of the filters' memberships, with the
//! number of people who reached each step. Everything here works on that cube, never on a
//! person. Vulnerability groups (survivors of trafficking, …) are never a dimension.
//!
//! Filters choose a cohort: people registered in a period, who applied to a call, who asked
//! for a training, who live in a city. Every step is then counted within that cohort (a person
//! who applied to a call counts as enrolled if they enrolled in any training).

pub mod matched;
pub mod paid;
pub mod problem;
pub mod protect;
#[cfg(test)]
mod protect_tests;
pub mod settings;

use protect::Tally;
use serde::{Deserialize, Serialize};
use time::{Date, Month};

/// The steps counted in people, in the funnel's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Indicator {
    Registered,
    ProfileComplete,
    /// Found eligible for at least one open training or call (`matched`).
    Matched,
    Enrolled,
    TrainingCompleted,
    PlanStarted,
    PlanSubmitted,
    PlanReady,
    PlanApproved,
    GrantPaid,
    Operating,
    Profitable,
}

/// How many indicators count people (the cube's columns).
pub const INDICATORS: usize = 12;

impl Indicator {
    pub const ALL: [Indicator; INDICATORS] = [
        Indicator::Registered,
        Indicator::ProfileComplete,
        Indicator::Matched,
        Indicator::Enrolled,
        Indicator::TrainingCompleted,
        Indicator::PlanStarted,
        Indicator::PlanSubmitted,
        Indicator::PlanReady,
        Indicator::PlanApproved,
        Indicator::GrantPaid,
        Indicator::Operating,
        Indicator::Profitable,
    ];

    /// The funnel from registration to a business that runs, in the order people go.
    pub const FUNNEL: [Indicator; 8] = [
        Indicator::Registered,
        Indicator::ProfileComplete,
        Indicator::Matched,
        Indicator::Enrolled,
        Indicator::PlanStarted,
        Indicator::PlanApproved,
        Indicator::GrantPaid,
        Indicator::Operating,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Indicator::Registered => "registered",
            Indicator::ProfileComplete => "profile_complete",
            Indicator::Matched => "matched",
            Indicator::Enrolled => "enrolled",
            Indicator::TrainingCompleted => "training_completed",
            Indicator::PlanStarted => "plan_started",
            Indicator::PlanSubmitted => "plan_submitted",
            Indicator::PlanReady => "plan_ready",
            Indicator::PlanApproved => "plan_approved",
            Indicator::GrantPaid => "grant_paid",
            Indicator::Operating => "operating",
            Indicator::Profitable => "profitable",
        }
    }

    pub fn from_code(code: &str) -> Option<Indicator> {
        Indicator::ALL.into_iter().find(|i| i.code() == code)
    }

    /// Its column in the cube.
    pub fn index(self) -> usize {
        Indicator::ALL
            .iter()
            .position(|i| *i == self)
            .expect("every indicator is in ALL")
    }
}

/// Amounts shown beside the people counts they belong to, hidden with them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Grants approved (MAD), with the people approved.
    Committed,
    /// Tranches paid (MAD), with the people paid.
    Paid,
    /// Jobs at the latest visit, with the businesses operating.
    Jobs,
}

impl Measure {
    pub const ALL: [Measure; 3] = [Measure::Committed, Measure::Paid, Measure::Jobs];

    /// The people count the amount is published with (and hidden with).
    pub fn with(self) -> Indicator {
        match self {
            Measure::Committed => Indicator::PlanApproved,
            Measure::Paid => Indicator::GrantPaid,
            Measure::Jobs => Indicator::Operating,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Measure::Committed => "committed",
            Measure::Paid => "paid",
            Measure::Jobs => "jobs",
        }
    }

    /// Centimes for money, a count for jobs.
    pub(crate) fn of(self, tally: &Tally) -> i64 {
        match self {
            Measure::Committed => tally.committed,
            Measure::Paid => tally.paid,
            Measure::Jobs => i64::try_from(tally.jobs).unwrap_or(i64::MAX),
        }
    }
}

/// What a people indicator is disaggregated by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Sex,
    AgeBand,
    Nationality,
    City,
    PopulationGroup,
    LegalStatus,
    Disability,
}

/// How many dimensions the cube has.
pub const DIMENSIONS: usize = 7;

impl Dimension {
    pub const ALL: [Dimension; DIMENSIONS] = [
        Dimension::Sex,
        Dimension::AgeBand,
        Dimension::Nationality,
        Dimension::City,
        Dimension::PopulationGroup,
        Dimension::LegalStatus,
        Dimension::Disability,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Dimension::Sex => "sex",
            Dimension::AgeBand => "age",
            Dimension::Nationality => "nationality",
            Dimension::City => "city",
            Dimension::PopulationGroup => "population_group",
            Dimension::LegalStatus => "legal_status",
            Dimension::Disability => "disability",
        }
    }

    pub fn from_code(code: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.code() == code)
    }

    pub fn index(self) -> usize {
        Dimension::ALL
            .iter()
            .position(|d| *d == self)
            .expect("every dimension is in ALL")
    }
}

/// The age bands donors report by, as the cube's codes; a person without a birth date is
/// "not stated" (the empty code).
pub const AGE_BANDS: [&str; 5] = ["under_18", "18_24", "25_34", "35_59", "60_plus"];

/// The birth dates that start each band on `today`, youngest first: a person born after the
/// first is under 18, after the second 18–24, after the third 25–34, after the fourth 35–59.
pub fn age_band_limits(today: Date) -> [Date; 4] {
    [18, 25, 35, 60].map(|years| years_before(today, years))
}

/// The same day `years` earlier (29 February becomes 28 February in a common year).
fn years_before(day: Date, years: i32) -> Date {
    let year = day.year() - years;
    Date::from_calendar_date(year, day.month(), day.day())
        .or_else(|_| Date::from_calendar_date(year, day.month(), day.day() - 1))
        .expect("a valid date")
}

/// The cohort's registration period: a calendar year or one of its quarters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub year: i32,
    /// 1 to 4; `None` for the whole year.
    pub quarter: Option<u8>,
}

impl Period {
    /// `2026` or `2026-q3`; anything else is no period.
    pub fn parse(text: &str) -> Option<Period> {
        let text = text.trim().to_ascii_lowercase();
        let (year, quarter) = match text.split_once("-q") {
            Some((year, quarter)) => (year, Some(quarter.parse::<u8>().ok()?)),
            None => (text.as_str(), None),
        };
        let year = year
            .parse::<i32>()
            .ok()
            .filter(|y| (2000..=2100).contains(y))?;
        if quarter.is_some_and(|q| !(1..=4).contains(&q)) {
            return None;
        }
        Some(Period { year, quarter })
    }

    pub fn code(self) -> String {
        match self.quarter {
            Some(q) => format!("{}-q{q}", self.year),
            None => self.year.to_string(),
        }
    }

    /// The first day in the period and the first day after it.
    pub fn bounds(self) -> (Date, Date) {
        let month = |q: u8| Month::try_from(3 * (q - 1) + 1).expect("a quarter's first month");
        let first = |year: i32, month: Month| {
            Date::from_calendar_date(year, month, 1).expect("the first of a month")
        };
        match self.quarter {
            Some(4) => (
                first(self.year, month(4)),
                first(self.year + 1, Month::January),
            ),
            Some(q) => (first(self.year, month(q)), first(self.year, month(q + 1))),
            None => (
                first(self.year, Month::January),
                first(self.year + 1, Month::January),
            ),
        }
    }

    /// The year a quarter is part of: a wider figure the report also publishes.
    pub fn wider(self) -> Option<Period> {
        self.quarter.map(|_| Period {
            year: self.year,
            quarter: None,
        })
    }
}
