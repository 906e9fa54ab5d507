use super::*;
use crate::domain::shared::workflow::TransitionError;
use time::macros::date;

fn call() -> GrantCall {
    crate::domain::catalogue::example_call()
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
        Err(PlansProblem::CallClosed.into())
    );
    assert_eq!(
        may_start(&c, Eligibility::Eligible, date!(2026 - 10 - 31)),
        Err(PlansProblem::CallClosed.into())
    );
    assert_eq!(
        may_start(&c, Eligibility::NotYet, date!(2026 - 12 - 01)),
        Err(MatchingProblem::NotEligible.into())
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
