//! A seat in an ANAPEC training: the applicant asks, an admin confirms (or declines), and later
//! records completion — which is what a grant call's "completed training" rule reads. Every
//! change is a step of the [`Workflow`] table below.

use crate::domain::accounts::role::Role;
use crate::domain::catalogue::Training;
use crate::domain::enrolments::problem::EnrolmentsProblem;
use crate::domain::matching::eligibility::Eligibility;
use crate::domain::matching::problem::MatchingProblem;
use crate::domain::problem::Problem;
use crate::domain::profile::codes;
use crate::domain::shared::workflow::Workflow;
use serde::{Deserialize, Serialize};
use time::Date;

/// A training's seats and how many are held (enrolled or completed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seats {
    pub seats: u32,
    pub taken: u32,
}

impl Seats {
    pub fn left(self) -> u32 {
        self.seats.saturating_sub(self.taken)
    }
}

/// Whether the applicant may ask for a seat now: before the first day, eligible on it, and
/// while a seat is free (a full training takes no more requests).
pub fn may_request(
    training: &Training,
    eligibility: Eligibility,
    seats: Seats,
    today: Date,
) -> Result<(), Problem> {
    if training.starts_on <= today {
        Err(EnrolmentsProblem::TrainingStarted.into())
    } else if eligibility != Eligibility::Eligible {
        Err(MatchingProblem::NotEligible.into())
    } else if seats.left() == 0 {
        Err(EnrolmentsProblem::TrainingFull.into())
    } else {
        Ok(())
    }
}

/// A seat is given up before the training starts; afterwards the person either completes it
/// or not, as the admin records, and the seat stays counted.
pub fn may_withdraw(starts_on: Date, today: Date) -> Result<(), Problem> {
    if today >= starts_on {
        Err(EnrolmentsProblem::TrainingStarted.into())
    } else {
        Ok(())
    }
}

/// Completion is recorded once the training is over, never before its last day.
pub fn may_complete(training: &Training, today: Date) -> Result<(), Problem> {
    if today < training.ends_on {
        Err(EnrolmentsProblem::TrainingNotOver.into())
    } else {
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnrolmentStatus {
    /// Asked for by the applicant, waiting for an admin.
    Requested,
    /// Confirmed: the person holds a seat.
    Enrolled,
    /// Followed to the end, as the admin recorded: counts for call eligibility.
    Completed,
    Declined,
    /// Given up by the applicant (their seat, if any, is free again).
    Withdrawn,
}

codes!(EnrolmentStatus {
    Requested => "requested",
    Enrolled => "enrolled",
    Completed => "completed",
    Declined => "declined",
    Withdrawn => "withdrawn",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnrolmentAction {
    /// Ask again after withdrawing (a first request creates the row as `Requested`).
    Request,
    Confirm,
    Decline,
    Complete,
    Withdraw,
}

codes!(EnrolmentAction {
    Request => "request",
    Confirm => "confirm",
    Decline => "decline",
    Complete => "complete",
    Withdraw => "withdraw",
});

impl EnrolmentStatus {
    pub const ALL: [EnrolmentStatus; 5] = [
        EnrolmentStatus::Requested,
        EnrolmentStatus::Enrolled,
        EnrolmentStatus::Completed,
        EnrolmentStatus::Declined,
        EnrolmentStatus::Withdrawn,
    ];

    /// Whether the person occupies one of the training's seats.
    pub fn holds_seat(self) -> bool {
        matches!(self, EnrolmentStatus::Enrolled | EnrolmentStatus::Completed)
    }
}

/// How the count of seats taken changes when an enrolment goes from `from` to `to`.
pub fn seat_change(from: EnrolmentStatus, to: EnrolmentStatus) -> i32 {
    i32::from(to.holds_seat()) - i32::from(from.holds_seat())
}

/// A seat's life as a table: each row is a step someone may take.
impl Workflow for EnrolmentStatus {
    type Action = EnrolmentAction;
    type Actor = Role;
    type Facts = ();
    type Problem = EnrolmentsProblem;

    const STEPS: &'static [(EnrolmentStatus, EnrolmentAction, EnrolmentStatus)] = {
        use EnrolmentAction as A;
        use EnrolmentStatus as S;
        &[
            (S::Withdrawn, A::Request, S::Requested),
            (S::Requested, A::Confirm, S::Enrolled),
            (S::Requested, A::Decline, S::Declined),
            (S::Enrolled, A::Complete, S::Completed),
            (S::Requested, A::Withdraw, S::Withdrawn),
            (S::Enrolled, A::Withdraw, S::Withdrawn),
        ]
    };

    /// The applicant asks and gives up; an admin decides and records completion.
    fn actor(action: EnrolmentAction) -> Role {
        match action {
            EnrolmentAction::Request | EnrolmentAction::Withdraw => Role::Applicant,
            EnrolmentAction::Confirm | EnrolmentAction::Decline | EnrolmentAction::Complete => {
                Role::Admin
            }
        }
    }

    fn not_from(from: EnrolmentStatus, _action: EnrolmentAction) -> Self::Problem {
        EnrolmentsProblem::EnrolmentIs { status: from }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::shared::workflow::TransitionError;
    use EnrolmentAction as A;
    use EnrolmentStatus as S;

    const ACTIONS: [EnrolmentAction; 5] =
        [A::Request, A::Confirm, A::Decline, A::Complete, A::Withdraw];

    /// Every legal move; anything else must be refused.
    const LEGAL: [(EnrolmentStatus, EnrolmentAction, Role, EnrolmentStatus); 6] = [
        (S::Withdrawn, A::Request, Role::Applicant, S::Requested),
        (S::Requested, A::Confirm, Role::Admin, S::Enrolled),
        (S::Requested, A::Decline, Role::Admin, S::Declined),
        (S::Enrolled, A::Complete, Role::Admin, S::Completed),
        (S::Requested, A::Withdraw, Role::Applicant, S::Withdrawn),
        (S::Enrolled, A::Withdraw, Role::Applicant, S::Withdrawn),
    ];

    #[test]
    fn every_status_action_and_role_is_legal_only_if_listed() {
        for from in S::ALL {
            for action in ACTIONS {
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
    fn only_admins_decide_and_only_applicants_ask_or_give_up() {
        assert_eq!(
            S::Requested.apply(A::Confirm, Role::Caseworker, &()),
            Err(TransitionError::NotYourStep {
                action: A::Confirm,
                actor: Role::Caseworker
            })
        );
        assert!(matches!(
            S::Requested.apply(A::Withdraw, Role::Admin, &()),
            Err(TransitionError::NotYourStep { .. })
        ));
    }

    #[test]
    fn a_completed_training_cannot_be_withdrawn_or_completed_twice() {
        assert!(S::Completed
            .apply(A::Withdraw, Role::Applicant, &())
            .is_err());
        assert!(S::Completed.apply(A::Complete, Role::Admin, &()).is_err());
    }

    #[test]
    fn seats_are_taken_on_confirmation_and_freed_on_withdrawal_only() {
        assert_eq!(seat_change(S::Requested, S::Enrolled), 1);
        assert_eq!(seat_change(S::Enrolled, S::Completed), 0);
        assert_eq!(seat_change(S::Enrolled, S::Withdrawn), -1);
        assert_eq!(seat_change(S::Requested, S::Withdrawn), 0);
        assert_eq!(seat_change(S::Requested, S::Declined), 0);
    }

    fn training(starts_on: Date, ends_on: Date) -> Training {
        use crate::domain::profile::Programme;
        use crate::domain::shared::reference::{City, Sector};
        Training {
            reference: "T-1".into(),
            title: "Couture".into(),
            programme: Programme::Taehil,
            sector: Sector::SewingFashion,
            city: City::parse("tanger").expect("tanger"),
            starts_on,
            ends_on,
            seats: 2,
            languages: vec![],
            min_education: None,
            required_documents: vec![],
            target_groups: vec![],
            skills: vec![],
        }
    }

    #[test]
    fn a_seat_is_asked_for_before_the_start_by_someone_eligible_while_one_is_free() {
        use time::macros::date;
        let t = training(date!(2026 - 12 - 10), date!(2027 - 01 - 10));
        let free = Seats { seats: 2, taken: 1 };
        let full = Seats { seats: 2, taken: 2 };
        let today = date!(2026 - 12 - 01);
        assert_eq!(may_request(&t, Eligibility::Eligible, free, today), Ok(()));
        assert_eq!(
            may_request(&t, Eligibility::NotYet, free, today),
            Err(MatchingProblem::NotEligible.into())
        );
        assert_eq!(
            may_request(&t, Eligibility::Eligible, full, today),
            Err(EnrolmentsProblem::TrainingFull.into())
        );
        assert_eq!(
            may_request(&t, Eligibility::Eligible, free, date!(2026 - 12 - 10)),
            Err(EnrolmentsProblem::TrainingStarted.into())
        );
    }

    #[test]
    fn a_seat_is_given_up_only_before_the_first_day() {
        use time::macros::date;
        let t = training(date!(2026 - 12 - 10), date!(2027 - 01 - 10));
        assert_eq!(may_withdraw(t.starts_on, date!(2026 - 12 - 09)), Ok(()));
        assert_eq!(
            may_withdraw(t.starts_on, date!(2026 - 12 - 10)),
            Err(EnrolmentsProblem::TrainingStarted.into())
        );
    }

    #[test]
    fn completion_waits_for_the_last_day() {
        use time::macros::date;
        let t = training(date!(2026 - 12 - 10), date!(2027 - 01 - 10));
        assert_eq!(
            may_complete(&t, date!(2027 - 01 - 09)),
            Err(EnrolmentsProblem::TrainingNotOver.into())
        );
        assert_eq!(may_complete(&t, date!(2027 - 01 - 10)), Ok(()));
    }

    #[test]
    fn codes_round_trip() {
        for status in S::ALL {
            assert_eq!(S::from_code(status.code()), Some(status));
        }
        for action in ACTIONS {
            assert_eq!(A::from_code(action.code()), Some(action));
        }
    }
}
