//! The committee's decision on a plan (domain.md, "Committee practice"): once the call's quorum
//! of scores is in, the chair approves an amount no higher than requested nor the call's
//! maximum, rejects, or returns the plan for revision — always with a justification. That the
//! call's envelope covers an approval is checked where it is committed (`db::money`).

use crate::domain::committee::problem::CommitteeProblem;
use crate::domain::money::problem::MoneyProblem;
use crate::domain::money::tranche::MIN_GRANT;
use crate::domain::plans::plan::PlanAction;
use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::profile::codes;
use crate::domain::shared::money::Money;
use crate::domain::shared::problem::{Field, SharedProblem};
use crate::domain::shared::text::FreeText;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Approved,
    Rejected,
    /// Sent back to the applicant to revise; it comes back to the committee in a new round.
    Returned,
}

codes!(Outcome {
    Approved => "approved",
    Rejected => "rejected",
    Returned => "returned",
});

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Approved, Outcome::Rejected, Outcome::Returned];

    /// The plan step this decision is.
    pub fn action(self) -> PlanAction {
        match self {
            Outcome::Approved => PlanAction::Approve,
            Outcome::Rejected => PlanAction::Reject,
            Outcome::Returned => PlanAction::Return,
        }
    }
}

/// A decision as the chair's form sends it, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub outcome: Outcome,
    /// Only for an approval.
    pub amount: Option<Money>,
    pub justification: String,
}

/// What the decision is held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The grant the plan asks for.
    pub requested: Money,
    /// The call's maximum grant per plan.
    pub max_grant: Money,
    /// Score sheets in for this round, and the call's quorum.
    pub scores_in: u8,
    pub quorum: u8,
}

pub const JUSTIFICATION_MAX: usize = 4000;

impl Decision {
    /// Every problem of the form at once, each on its field.
    pub fn parse(
        outcome: &str,
        amount: &str,
        justification: &str,
        limits: Limits,
    ) -> Result<Decision, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let outcome = Outcome::from_code(outcome.trim());
        if outcome.is_none() {
            problems.push(FieldProblem::new(
                Field::Outcome,
                CommitteeProblem::OutcomeUnknown,
            ));
        }
        if limits.scores_in < limits.quorum {
            problems.push(FieldProblem::new(
                Field::Form,
                CommitteeProblem::QuorumNotReached {
                    have: limits.scores_in,
                    need: limits.quorum,
                },
            ));
        }
        let amount = match outcome {
            Some(Outcome::Approved) => match approved_amount(amount, limits) {
                Ok(amount) => Some(amount),
                Err(problem) => {
                    problems.push(FieldProblem::new(Field::Amount, problem));
                    None
                }
            },
            _ => None,
        };
        let justification = FreeText::<JUSTIFICATION_MAX>::required(justification)
            .map_err(|problem| problems.push(FieldProblem::new(Field::Justification, problem)))
            .ok();
        match (outcome, justification) {
            (Some(outcome), Some(justification)) if problems.is_empty() => Ok(Decision {
                outcome,
                amount,
                justification: justification.into_string(),
            }),
            _ => Err(problems),
        }
    }
}

/// The approved amount: typed like any amount, at least [`MIN_GRANT`], at most the plan's
/// request and the call's maximum.
fn approved_amount(typed: &str, limits: Limits) -> Result<Money, Problem> {
    let amount = Money::parse(typed).map_err(|_| SharedProblem::AmountInvalid)?;
    if amount < MIN_GRANT {
        Err(MoneyProblem::GrantTooSmall {
            min_dirhams: MIN_GRANT.centimes() / 100,
        }
        .into())
    } else if amount > limits.requested {
        Err(CommitteeProblem::AmountAboveRequested {
            requested_centimes: limits.requested.centimes(),
        }
        .into())
    } else if amount > limits.max_grant {
        Err(CommitteeProblem::AmountAboveMaximum {
            max_centimes: limits.max_grant.centimes(),
        }
        .into())
    } else {
        Ok(amount)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> Limits {
        Limits {
            requested: Money::from_dirhams(20_000),
            max_grant: Money::from_dirhams(25_000),
            scores_in: 3,
            quorum: 3,
        }
    }

    fn problems(result: Result<Decision, Vec<FieldProblem>>) -> Vec<(Field, Problem)> {
        result
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|p| (p.field, p.problem))
            .collect()
    }

    #[test]
    fn an_approval_names_an_amount_within_the_request_and_the_maximum() {
        let decision = Decision::parse("approved", "18 000", "Viable, costed.", limits());
        assert_eq!(
            decision,
            Ok(Decision {
                outcome: Outcome::Approved,
                amount: Some(Money::from_dirhams(18_000)),
                justification: "Viable, costed.".into()
            })
        );
        assert_eq!(
            problems(Decision::parse("approved", "20 000,01", "ok", limits())),
            vec![(
                Field::Amount,
                Problem::from(CommitteeProblem::AmountAboveRequested {
                    requested_centimes: 2_000_000
                })
            )]
        );
        let tight = Limits {
            max_grant: Money::from_dirhams(15_000),
            ..limits()
        };
        assert_eq!(
            problems(Decision::parse("approved", "16000", "ok", tight)),
            vec![(
                Field::Amount,
                Problem::from(CommitteeProblem::AmountAboveMaximum {
                    max_centimes: 1_500_000
                })
            )]
        );
        assert_eq!(
            problems(Decision::parse("approved", "99,99", "ok", limits())),
            vec![(
                Field::Amount,
                Problem::from(MoneyProblem::GrantTooSmall { min_dirhams: 100 })
            )]
        );
        assert_eq!(
            problems(Decision::parse("approved", "", "ok", limits())),
            vec![(Field::Amount, Problem::from(SharedProblem::AmountInvalid))]
        );
    }

    #[test]
    fn a_rejection_or_a_return_carries_no_amount_but_a_justification() {
        let decision = Decision::parse("rejected", "5000", "No market.", limits());
        assert_eq!(
            decision.map(|d| (d.outcome, d.amount)),
            Ok((Outcome::Rejected, None))
        );
        assert_eq!(
            problems(Decision::parse("returned", "", "   ", limits())),
            vec![(
                Field::Justification,
                Problem::from(SharedProblem::TextMissing)
            )]
        );
        assert_eq!(
            problems(Decision::parse("maybe", "", "x", limits())),
            vec![(
                Field::Outcome,
                Problem::from(CommitteeProblem::OutcomeUnknown)
            )]
        );
    }

    #[test]
    fn no_decision_before_the_quorum_of_scores() {
        let short = Limits {
            scores_in: 2,
            ..limits()
        };
        assert_eq!(
            problems(Decision::parse("rejected", "", "No market.", short)),
            vec![(
                Field::Form,
                Problem::from(CommitteeProblem::QuorumNotReached { have: 2, need: 3 })
            )]
        );
    }

    #[test]
    fn every_outcome_is_a_plan_step_and_its_code_round_trips() {
        for outcome in Outcome::ALL {
            assert_eq!(Outcome::from_code(outcome.code()), Some(outcome));
        }
        assert_eq!(Outcome::Approved.action(), PlanAction::Approve);
        assert_eq!(Outcome::Returned.action(), PlanAction::Return);
    }
}
