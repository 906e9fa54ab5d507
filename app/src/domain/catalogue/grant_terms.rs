//! How a call's plans are judged and paid: the committee's rubric (criteria with integer
//! weights summing to 100), the tranche template (ordered shares of the grant summing to 100,
//! each released at approval or after a satisfactory monitoring visit), the quorum of scores
//! a decision needs, and whether review is blind. The committee and payment issues read these.

use crate::domain::problem::Problem;

use crate::domain::catalogue::problem::CatalogueProblem;
use crate::domain::shared::problem::{Field, Snippet};
use serde::{Deserialize, Serialize};

/// Criteria of the ILO "Start and Improve Your Business" appraisal practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    /// Does the business make money after costs (break-even, cash flow)?
    Viability,
    /// Are there customers, prices and competitors the plan knows?
    Market,
    /// The applicant's experience and skills in the trade.
    Experience,
    /// Are the costs and the budget realistic?
    BudgetRealism,
    /// Jobs, inclusion, benefit to the host community.
    SocialImpact,
}

impl Criterion {
    pub const ALL: [Criterion; 5] = [
        Criterion::Viability,
        Criterion::Market,
        Criterion::Experience,
        Criterion::BudgetRealism,
        Criterion::SocialImpact,
    ];

    /// The form field of this criterion's score, where its problems are shown.
    pub fn field(self) -> Field {
        Field::Criterion(Snippet::new(self.code()))
    }

    pub fn code(self) -> &'static str {
        match self {
            Criterion::Viability => "viability",
            Criterion::Market => "market",
            Criterion::Experience => "experience",
            Criterion::BudgetRealism => "budget_realism",
            Criterion::SocialImpact => "social_impact",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Weight {
    pub criterion: Criterion,
    pub weight: u8,
}

/// The criteria a committee scores, each with a weight; the weights sum to 100.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Weight>", into = "Vec<Weight>")]
pub struct Rubric(Vec<Weight>);

impl Rubric {
    /// Criteria weighted 0 are left out; each criterion at most once; the rest sum to 100.
    pub fn new(weights: Vec<Weight>) -> Result<Rubric, Problem> {
        let mut kept: Vec<Weight> = Vec::new();
        for weight in weights.into_iter().filter(|w| w.weight > 0) {
            if weight.weight > 100 || kept.iter().any(|k| k.criterion == weight.criterion) {
                return Err(CatalogueProblem::WeightInvalid.into());
            }
            kept.push(weight);
        }
        let sum: u32 = kept.iter().map(|w| u32::from(w.weight)).sum();
        if sum != 100 {
            return Err(CatalogueProblem::WeightsSum { sum }.into());
        }
        Ok(Rubric(kept))
    }

    /// Weights as typed, one per criterion (blank means 0).
    pub fn parse(typed: &[(Criterion, &str)]) -> Result<Rubric, Problem> {
        let weights = typed
            .iter()
            .map(|(criterion, text)| {
                let text = text.trim();
                let weight = if text.is_empty() {
                    0
                } else {
                    text.parse::<u8>()
                        .map_err(|_| CatalogueProblem::WeightInvalid)?
                };
                Ok(Weight {
                    criterion: *criterion,
                    weight,
                })
            })
            .collect::<Result<Vec<_>, Problem>>()?;
        Rubric::new(weights)
    }

    /// Viability first, as SYB appraisals do.
    pub fn syb_default() -> Rubric {
        let w = |criterion, weight| Weight { criterion, weight };
        Rubric(vec![
            w(Criterion::Viability, 30),
            w(Criterion::Market, 20),
            w(Criterion::Experience, 20),
            w(Criterion::BudgetRealism, 15),
            w(Criterion::SocialImpact, 15),
        ])
    }

    pub fn weights(&self) -> &[Weight] {
        &self.0
    }

    pub fn weight_of(&self, criterion: Criterion) -> u8 {
        self.0
            .iter()
            .find(|w| w.criterion == criterion)
            .map_or(0, |w| w.weight)
    }
}

impl TryFrom<Vec<Weight>> for Rubric {
    type Error = String;
    fn try_from(weights: Vec<Weight>) -> Result<Self, Self::Error> {
        Rubric::new(weights).map_err(|p| p.to_string())
    }
}

impl From<Rubric> for Vec<Weight> {
    fn from(rubric: Rubric) -> Self {
        rubric.0
    }
}

/// When a tranche may be released.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Release {
    AtApproval,
    AfterMonitoringVisit,
}

impl Release {
    pub const ALL: [Release; 2] = [Release::AtApproval, Release::AfterMonitoringVisit];

    pub fn code(self) -> &'static str {
        match self {
            Release::AtApproval => "at_approval",
            Release::AfterMonitoringVisit => "after_monitoring_visit",
        }
    }

    pub fn from_code(code: &str) -> Option<Release> {
        Release::ALL.into_iter().find(|r| r.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tranche {
    pub percent: u8,
    pub release: Release,
}

/// The shares in which an approved grant is paid, in order; they sum to 100.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Tranche>", into = "Vec<Tranche>")]
pub struct TrancheTemplate(Vec<Tranche>);

impl TrancheTemplate {
    pub const MAX_TRANCHES: usize = 4;

    pub fn new(tranches: Vec<Tranche>) -> Result<TrancheTemplate, Problem> {
        let invalid = CatalogueProblem::TrancheInvalid {
            max: TrancheTemplate::MAX_TRANCHES,
        };
        if tranches.is_empty()
            || tranches.len() > TrancheTemplate::MAX_TRANCHES
            || tranches.iter().any(|t| t.percent == 0 || t.percent > 100)
        {
            return Err(invalid.into());
        }
        let sum: u32 = tranches.iter().map(|t| u32::from(t.percent)).sum();
        if sum != 100 {
            return Err(CatalogueProblem::TranchesSum { sum }.into());
        }
        Ok(TrancheTemplate(tranches))
    }

    /// Rows as typed: a percent and a release code each; rows with a blank percent are skipped.
    pub fn parse(percents: &[String], releases: &[String]) -> Result<TrancheTemplate, Problem> {
        let invalid = CatalogueProblem::TrancheInvalid {
            max: TrancheTemplate::MAX_TRANCHES,
        };
        let mut tranches = Vec::new();
        for (i, percent) in percents.iter().enumerate() {
            let percent = percent.trim();
            if percent.is_empty() {
                continue;
            }
            let percent = percent.parse::<u8>().map_err(|_| invalid)?;
            let release = releases
                .get(i)
                .and_then(|code| Release::from_code(code.trim()))
                .ok_or(invalid)?;
            tranches.push(Tranche { percent, release });
        }
        TrancheTemplate::new(tranches)
    }

    /// 70% at approval to buy the equipment, 30% once a visit found the business running.
    pub fn standard() -> TrancheTemplate {
        TrancheTemplate(vec![
            Tranche {
                percent: 70,
                release: Release::AtApproval,
            },
            Tranche {
                percent: 30,
                release: Release::AfterMonitoringVisit,
            },
        ])
    }

    pub fn tranches(&self) -> &[Tranche] {
        &self.0
    }
}

impl TryFrom<Vec<Tranche>> for TrancheTemplate {
    type Error = String;
    fn try_from(tranches: Vec<Tranche>) -> Result<Self, Self::Error> {
        TrancheTemplate::new(tranches).map_err(|p| p.to_string())
    }
}

impl From<TrancheTemplate> for Vec<Tranche> {
    fn from(template: TrancheTemplate) -> Self {
        template.0
    }
}

/// A call's review and payment terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallTerms {
    pub rubric: Rubric,
    pub tranches: TrancheTemplate,
    /// The least number of committee scores before a decision (at least [`Self::QUORUM_MIN`]).
    pub quorum: u8,
    /// Committee members see no name, nationality or legal status.
    pub blind_review: bool,
}

impl CallTerms {
    /// No grant is decided on fewer than three committee members' scores (issue 17): one or
    /// two people must never be able to award money alone.
    pub const QUORUM_MIN: u8 = 3;
    pub const QUORUM_MAX: u8 = 15;

    pub fn parse_quorum(text: &str) -> Result<u8, Problem> {
        text.trim()
            .parse::<u8>()
            .ok()
            .filter(|q| (CallTerms::QUORUM_MIN..=CallTerms::QUORUM_MAX).contains(q))
            .ok_or(
                CatalogueProblem::QuorumInvalid {
                    min: CallTerms::QUORUM_MIN,
                    max: CallTerms::QUORUM_MAX,
                }
                .into(),
            )
    }

    /// The quorum a decision needs: the call's, and never under [`Self::QUORUM_MIN`] (a call
    /// saved before that rule may hold a smaller one).
    pub fn effective_quorum(stored: u8) -> u8 {
        stored.max(CallTerms::QUORUM_MIN)
    }
}

impl Default for CallTerms {
    fn default() -> Self {
        CallTerms {
            rubric: Rubric::syb_default(),
            tranches: TrancheTemplate::standard(),
            quorum: 3,
            blind_review: false,
        }
    }
}

#[cfg(test)]
#[path = "grant_terms_tests.rs"]
mod tests;
