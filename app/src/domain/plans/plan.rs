//! A business plan's life (domain.md, "The plan's life"): every change of state goes through
//! the table of [`Workflow`] steps below, which knows who may do what from where: the applicant and mentor up
//! to "ready for committee", an admin putting it on a committee's agenda, the committee's
//! chair deciding, and the applicant revising a plan the committee returned.

use crate::domain::accounts::role::Role;
use crate::domain::catalogue::GrantCall;
use crate::domain::matching::eligibility::Eligibility;
use crate::domain::profile::codes;
use crate::domain::shared::problem::Problem;
use crate::domain::shared::workflow::Workflow;
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

/// What someone does to a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanAction {
    /// The applicant sends the draft to their mentor.
    Submit,
    /// The mentor asks for changes, with a reason.
    RequestChanges,
    /// The applicant sends the plan back after changing it.
    Resubmit,
    /// The mentor signs the plan off for the committee.
    MarkReady,
    /// The applicant gives the plan up (before the committee has it).
    Withdraw,
    /// An admin puts the plan on a review session's agenda.
    PutOnAgenda,
    /// The committee's chair approves an amount.
    Approve,
    Reject,
    /// The chair sends the plan back for revision; it comes back in the next round.
    Return,
}

codes!(PlanAction {
    Submit => "submit",
    RequestChanges => "request_changes",
    Resubmit => "resubmit",
    MarkReady => "mark_ready",
    Withdraw => "withdraw",
    PutOnAgenda => "put_on_agenda",
    Approve => "approve",
    Reject => "reject",
    Return => "return",
});

impl PlanAction {
    pub const ALL: [PlanAction; 9] = [
        PlanAction::Submit,
        PlanAction::RequestChanges,
        PlanAction::Resubmit,
        PlanAction::MarkReady,
        PlanAction::Withdraw,
        PlanAction::PutOnAgenda,
        PlanAction::Approve,
        PlanAction::Reject,
        PlanAction::Return,
    ];
}

/// The plan's life as a table: each row is a step someone may take.
impl Workflow for PlanStatus {
    type Action = PlanAction;
    type Actor = Role;
    type Facts = ();

    const STEPS: &'static [(PlanStatus, PlanAction, PlanStatus)] = {
        use PlanAction as A;
        use PlanStatus as S;
        &[
            (S::Draft, A::Submit, S::Submitted),
            (S::Submitted, A::RequestChanges, S::ChangesRequested),
            (S::Resubmitted, A::RequestChanges, S::ChangesRequested),
            (S::ChangesRequested, A::Resubmit, S::Resubmitted),
            (S::Returned, A::Resubmit, S::Resubmitted),
            (S::Submitted, A::MarkReady, S::ReadyForCommittee),
            (S::Resubmitted, A::MarkReady, S::ReadyForCommittee),
            (S::Draft, A::Withdraw, S::Withdrawn),
            (S::Submitted, A::Withdraw, S::Withdrawn),
            (S::ChangesRequested, A::Withdraw, S::Withdrawn),
            (S::Resubmitted, A::Withdraw, S::Withdrawn),
            (S::ReadyForCommittee, A::Withdraw, S::Withdrawn),
            (S::ReadyForCommittee, A::PutOnAgenda, S::UnderReview),
            (S::UnderReview, A::Approve, S::Approved),
            (S::UnderReview, A::Reject, S::Rejected),
            (S::UnderReview, A::Return, S::Returned),
        ]
    };

    /// The applicant drafts, sends and withdraws; the mentor asks for changes and signs off;
    /// an admin sets the agenda; the committee's chair decides.
    fn actor(action: PlanAction) -> Role {
        match action {
            PlanAction::Submit | PlanAction::Resubmit | PlanAction::Withdraw => Role::Applicant,
            PlanAction::RequestChanges | PlanAction::MarkReady => Role::Mentor,
            PlanAction::PutOnAgenda => Role::Admin,
            PlanAction::Approve | PlanAction::Reject | PlanAction::Return => Role::Committee,
        }
    }

    fn not_from(from: PlanStatus, action: PlanAction) -> Problem {
        Problem::PlanIs {
            status: from,
            action,
        }
    }
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 11] = [
        PlanStatus::Draft,
        PlanStatus::Submitted,
        PlanStatus::ChangesRequested,
        PlanStatus::Resubmitted,
        PlanStatus::ReadyForCommittee,
        PlanStatus::UnderReview,
        PlanStatus::Approved,
        PlanStatus::Rejected,
        PlanStatus::Returned,
        PlanStatus::Withdrawn,
        PlanStatus::Closed,
    ];

    /// Whether the applicant may edit the text and figures now (their turn).
    pub fn editable(self) -> bool {
        matches!(
            self,
            PlanStatus::Draft | PlanStatus::ChangesRequested | PlanStatus::Returned
        )
    }
}

/// How someone stands towards one plan. Anyone else does not see it at all (404, not 403).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Viewer {
    /// The applicant whose plan it is: edits it on their turn, submits, withdraws.
    Owner,
    /// The mentor assigned to it: comments, logs sessions, requests changes, signs off.
    Mentor,
    /// A programme admin: reads everything, assigns mentors.
    Admin,
}

/// Who `person` (with `role`) is to a plan owned by `owner` and mentored by `mentor`. A mentor
/// sees only the plans of their caseload; an applicant only their own; other staff none.
pub fn viewer(owner: i64, mentor: Option<i64>, person: i64, role: Role) -> Option<Viewer> {
    match role {
        Role::Applicant if person == owner => Some(Viewer::Owner),
        Role::Mentor if mentor == Some(person) => Some(Viewer::Mentor),
        Role::Admin => Some(Viewer::Admin),
        _ => None,
    }
}

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
    use crate::domain::shared::money::Money;
    use crate::domain::shared::workflow::TransitionError;
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
    fn a_plan_is_seen_by_its_owner_its_mentor_and_admins_only() {
        assert_eq!(viewer(7, Some(9), 7, Role::Applicant), Some(Viewer::Owner));
        assert_eq!(viewer(7, Some(9), 8, Role::Applicant), None);
        assert_eq!(viewer(7, Some(9), 9, Role::Mentor), Some(Viewer::Mentor));
        assert_eq!(viewer(7, Some(9), 10, Role::Mentor), None);
        assert_eq!(viewer(7, None, 9, Role::Mentor), None);
        assert_eq!(viewer(7, None, 1, Role::Admin), Some(Viewer::Admin));
        for role in [Role::Caseworker, Role::Committee, Role::Finance] {
            assert_eq!(viewer(7, Some(9), 9, role), None, "{role}");
        }
        // The same account id as owner but signed in with a staff role sees nothing.
        assert_eq!(viewer(7, None, 7, Role::Finance), None);
    }

    /// Every legal step; any other (state, action, role) must be refused.
    const LEGAL: [(PlanStatus, PlanAction, Role, PlanStatus); 16] = {
        use PlanAction as A;
        use PlanStatus as S;
        [
            (S::Draft, A::Submit, Role::Applicant, S::Submitted),
            (
                S::Submitted,
                A::RequestChanges,
                Role::Mentor,
                S::ChangesRequested,
            ),
            (
                S::Resubmitted,
                A::RequestChanges,
                Role::Mentor,
                S::ChangesRequested,
            ),
            (
                S::ChangesRequested,
                A::Resubmit,
                Role::Applicant,
                S::Resubmitted,
            ),
            (
                S::Submitted,
                A::MarkReady,
                Role::Mentor,
                S::ReadyForCommittee,
            ),
            (
                S::Resubmitted,
                A::MarkReady,
                Role::Mentor,
                S::ReadyForCommittee,
            ),
            (S::Draft, A::Withdraw, Role::Applicant, S::Withdrawn),
            (S::Submitted, A::Withdraw, Role::Applicant, S::Withdrawn),
            (
                S::ChangesRequested,
                A::Withdraw,
                Role::Applicant,
                S::Withdrawn,
            ),
            (S::Resubmitted, A::Withdraw, Role::Applicant, S::Withdrawn),
            (
                S::ReadyForCommittee,
                A::Withdraw,
                Role::Applicant,
                S::Withdrawn,
            ),
            (S::Returned, A::Resubmit, Role::Applicant, S::Resubmitted),
            (
                S::ReadyForCommittee,
                A::PutOnAgenda,
                Role::Admin,
                S::UnderReview,
            ),
            (S::UnderReview, A::Approve, Role::Committee, S::Approved),
            (S::UnderReview, A::Reject, Role::Committee, S::Rejected),
            (S::UnderReview, A::Return, Role::Committee, S::Returned),
        ]
    };

    #[test]
    fn every_state_action_and_role_is_allowed_only_if_listed() {
        for from in PlanStatus::ALL {
            for action in PlanAction::ALL {
                for role in Role::ALL {
                    let legal = LEGAL
                        .iter()
                        .find(|(f, a, r, _)| *f == from && *a == action && *r == role)
                        .map(|(_, _, _, to)| *to);
                    match (from.apply(action, role, &()), legal) {
                        (Ok(to), Some(expected)) => assert_eq!(to, expected),
                        (Err(_), None) => {}
                        (got, want) => {
                            panic!("{from:?} {action:?} by {role}: got {got:?}, want {want:?}")
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_mentor_cannot_submit_and_an_applicant_cannot_sign_off() {
        assert_eq!(
            PlanStatus::Draft.apply(PlanAction::Submit, Role::Mentor, &()),
            Err(TransitionError::NotYourStep {
                action: PlanAction::Submit,
                actor: Role::Mentor
            })
        );
        assert!(matches!(
            PlanStatus::Submitted.apply(PlanAction::MarkReady, Role::Applicant, &()),
            Err(TransitionError::NotYourStep { .. })
        ));
    }

    #[test]
    fn a_plan_before_the_committee_can_be_withdrawn_and_nothing_after() {
        assert!(PlanStatus::ReadyForCommittee
            .apply(PlanAction::Withdraw, Role::Applicant, &())
            .is_ok());
        for late in [
            PlanStatus::UnderReview,
            PlanStatus::Approved,
            PlanStatus::Withdrawn,
        ] {
            assert_eq!(
                late.apply(PlanAction::Withdraw, Role::Applicant, &()),
                Err(TransitionError::NotFrom {
                    from: late,
                    action: PlanAction::Withdraw
                })
            );
        }
    }

    #[test]
    fn only_a_draft_or_a_plan_sent_back_is_the_applicants_to_edit() {
        let editable: Vec<PlanStatus> = PlanStatus::ALL
            .into_iter()
            .filter(|s| s.editable())
            .collect();
        assert_eq!(
            editable,
            vec![
                PlanStatus::Draft,
                PlanStatus::ChangesRequested,
                PlanStatus::Returned
            ]
        );
    }

    #[test]
    fn every_status_code_round_trips() {
        for s in PlanStatus::ALL {
            assert_eq!(PlanStatus::from_code(s.code()), Some(s));
        }
        for a in PlanAction::ALL {
            assert_eq!(PlanAction::from_code(a.code()), Some(a));
        }
    }
}
