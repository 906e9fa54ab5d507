//! A business plan's life (domain.md, "The plan's life"). This issue only starts plans; the
//! transitions between the other states come with the plan editor.

use crate::domain::catalogue::GrantCall;
use crate::domain::eligibility::Eligibility;
use crate::domain::problem::Problem;
use crate::domain::profile::codes;
use serde::{Deserialize, Serialize};
use time::Date;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    Draft,
    Submitted,
    ChangesRequested,
    Resubmitted,
    ReadyForCommittee,
    UnderReview,
    Approved,
    Rejected,
    Returned,
    Withdrawn,
    Closed,
}

codes!(PlanStatus {
    Draft => "draft",
    Submitted => "submitted",
    ChangesRequested => "changes_requested",
    Resubmitted => "resubmitted",
    ReadyForCommittee => "ready_for_committee",
    UnderReview => "under_review",
    Approved => "approved",
    Rejected => "rejected",
    Returned => "returned",
    Withdrawn => "withdrawn",
    Closed => "closed",
});

/// A plan is started for a call that is open today, by someone eligible for it today.
pub fn may_start(call: &GrantCall, eligibility: Eligibility, today: Date) -> Result<(), Problem> {
    if !call.is_open(today) {
        Err(Problem::CallClosed)
    } else if eligibility != Eligibility::Eligible {
        Err(Problem::NotEligible)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Money;
    use time::macros::date;

    fn call() -> GrantCall {
        GrantCall {
            reference: "AGR-1".into(),
            title: "AGR Tanger".into(),
            envelope: Money::from_dirhams(100_000),
            max_grant: Money::from_dirhams(20_000),
            own_contribution_percent: 10,
            sectors: vec![],
            cities: vec![],
            opens_on: date!(2026 - 11 - 01),
            closes_on: date!(2026 - 12 - 31),
            rules: vec![],
        }
    }

    #[test]
    fn a_plan_starts_only_for_an_open_call_and_an_eligible_applicant() {
        let c = call();
        assert_eq!(
            may_start(&c, Eligibility::Eligible, date!(2026 - 12 - 31)),
            Ok(())
        );
        assert_eq!(
            may_start(&c, Eligibility::Eligible, date!(2027 - 01 - 01)),
            Err(Problem::CallClosed)
        );
        assert_eq!(
            may_start(&c, Eligibility::Eligible, date!(2026 - 10 - 31)),
            Err(Problem::CallClosed)
        );
        assert_eq!(
            may_start(&c, Eligibility::NotYet, date!(2026 - 12 - 01)),
            Err(Problem::NotEligible)
        );
    }

    #[test]
    fn every_status_code_round_trips() {
        use PlanStatus::*;
        for s in [
            Draft,
            Submitted,
            ChangesRequested,
            Resubmitted,
            ReadyForCommittee,
            UnderReview,
            Approved,
            Rejected,
            Returned,
            Withdrawn,
            Closed,
        ] {
            assert_eq!(PlanStatus::from_code(s.code()), Some(s));
        }
    }
}
