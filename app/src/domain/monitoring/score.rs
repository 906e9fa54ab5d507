//! The sustainability score of a monitoring visit: one number from 0 to 100 that says how
//! well a funded business stands, read the same way at every visit so a programme can follow
//! a business over time and see, by call, which ones need help first. It is built like the
//! post-disbursement surveys microgrant programmes use: a few plain facts the mentor saw,
//! each worth a fixed share.
//!
//! | Part | Points |
//! |---|---|
//! | The business operates | 30 |
//! | Last month's revenue covers its costs (revenue above zero) | 25; 10 when it covers at least three quarters |
//! | Jobs kept or created: as many as at the previous visit (the first visit: at least one) | 20; 10 when fewer but some |
//! | Stock and equipment bought with the grant present | 15; 7 when partly |
//! | Problems reported | 10 when none; 5 when manageable; 0 when they threaten the business |
//!
//! A business that does not operate earns only its stock and equipment part: what is still
//! there if it restarts. Bands: below 40 at risk, 40 to 69 fragile, 70 and above sustainable.
//! Visits recorded before the score existed lack the equipment and problem answers and have
//! no score.

use crate::domain::shared::money::Money;
use serde::{Deserialize, Serialize};

pub const OPERATING_POINTS: u8 = 30;
pub const REVENUE_POINTS: u8 = 25;
pub const REVENUE_NEAR_POINTS: u8 = 10;
pub const JOBS_POINTS: u8 = 20;
pub const JOBS_FEWER_POINTS: u8 = 10;
pub const EQUIPMENT_POINTS: u8 = 15;
pub const EQUIPMENT_PARTLY_POINTS: u8 = 7;
pub const PROBLEMS_POINTS: u8 = 10;
pub const PROBLEMS_MANAGEABLE_POINTS: u8 = 5;
/// Below this a business is at risk.
pub const FRAGILE_FROM: u8 = 40;
/// From this a business is sustainable.
pub const SUSTAINABLE_FROM: u8 = 70;

/// Whether the stock and equipment bought with the grant were seen at the visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Equipment {
    Present,
    Partly,
    Missing,
}

/// How serious the problems the mentor reports are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemLevel {
    Nothing,
    Manageable,
    Threatening,
}

macro_rules! codes {
    ($kind:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        impl $kind {
            pub const ALL: &'static [$kind] = &[$($kind::$variant),+];

            /// The code forms send and the database stores.
            pub fn code(self) -> &'static str {
                match self {
                    $($kind::$variant => $code),+
                }
            }

            pub fn from_code(code: &str) -> Option<$kind> {
                match code {
                    $($code => Some($kind::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

codes!(Equipment { Present => "present", Partly => "partly", Missing => "missing" });
codes!(ProblemLevel { Nothing => "none", Manageable => "manageable", Threatening => "threatening" });
codes!(Band { AtRisk => "at_risk", Fragile => "fragile", Sustainable => "sustainable" });

/// What the score is read from: one visit's answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoreFacts {
    pub operating: bool,
    pub revenue: Money,
    pub costs: Money,
    pub jobs: u16,
    /// `None` for a visit recorded before the score existed.
    pub equipment: Option<Equipment>,
    pub problem_level: Option<ProblemLevel>,
}

/// A visit's score, part by part, so a page can show how it was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub operating: u8,
    pub revenue: u8,
    pub jobs: u8,
    pub equipment: u8,
    pub problems: u8,
}

/// Where a score falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    AtRisk,
    Fragile,
    Sustainable,
}

impl Score {
    /// The score of a visit, given the jobs counted at the plan's previous visit (`None` for
    /// its first); `None` when the visit lacks the answers the score needs.
    pub fn of(facts: ScoreFacts, previous_jobs: Option<u16>) -> Option<Score> {
        let equipment = match facts.equipment? {
            Equipment::Present => EQUIPMENT_POINTS,
            Equipment::Partly => EQUIPMENT_PARTLY_POINTS,
            Equipment::Missing => 0,
        };
        let problems = match facts.problem_level? {
            ProblemLevel::Nothing => PROBLEMS_POINTS,
            ProblemLevel::Manageable => PROBLEMS_MANAGEABLE_POINTS,
            ProblemLevel::Threatening => 0,
        };
        if !facts.operating {
            return Some(Score {
                operating: 0,
                revenue: 0,
                jobs: 0,
                equipment,
                problems: 0,
            });
        }
        Some(Score {
            operating: OPERATING_POINTS,
            revenue: revenue_points(facts.revenue, facts.costs),
            jobs: jobs_points(facts.jobs, previous_jobs),
            equipment,
            problems,
        })
    }

    pub fn total(self) -> u8 {
        self.operating + self.revenue + self.jobs + self.equipment + self.problems
    }

    pub fn band(self) -> Band {
        match self.total() {
            total if total >= SUSTAINABLE_FROM => Band::Sustainable,
            total if total >= FRAGILE_FROM => Band::Fragile,
            _ => Band::AtRisk,
        }
    }
}

/// Revenue covers costs when it is above zero and at least the costs; near when it covers
/// three quarters of them (compared in centimes, without rounding).
fn revenue_points(revenue: Money, costs: Money) -> u8 {
    let (revenue, costs) = (revenue.centimes(), costs.centimes());
    if revenue > 0 && revenue >= costs {
        REVENUE_POINTS
    } else if revenue > 0 && revenue * 4 >= costs * 3 {
        REVENUE_NEAR_POINTS
    } else {
        0
    }
}

/// Jobs kept or created since the previous visit; at a first visit, the business employs at
/// least its owner.
fn jobs_points(jobs: u16, previous_jobs: Option<u16>) -> u8 {
    let kept = jobs >= previous_jobs.unwrap_or(1).max(1);
    if kept {
        JOBS_POINTS
    } else if jobs > 0 {
        JOBS_FEWER_POINTS
    } else {
        0
    }
}

/// Scores a plan's visits, given oldest first: each against the one before it.
pub fn score_in_order(visits: &[ScoreFacts]) -> Vec<Option<Score>> {
    let mut previous_jobs = None;
    visits
        .iter()
        .map(|facts| {
            let score = Score::of(*facts, previous_jobs);
            previous_jobs = Some(facts.jobs);
            score
        })
        .collect()
}

#[cfg(test)]
#[path = "score_tests.rs"]
mod tests;
