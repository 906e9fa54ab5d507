//! A business plan's life (domain.md, "The plan's life"): every change of state goes through
//! the table of [`Workflow`] steps below, which knows who may do what from where: the applicant and mentor up
//! to "ready for committee", an admin putting it on a committee's agenda, the committee's
//! chair deciding, and the applicant revising a plan the committee returned.

use crate::domain::accounts::role::Role;
use crate::domain::catalogue::GrantCall;
use crate::domain::matching::eligibility::Eligibility;
use crate::domain::matching::problem::MatchingProblem;
use crate::domain::plans::problem::PlansProblem;
use crate::domain::problem::Problem;
use crate::domain::profile::codes;
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
    type Problem = PlansProblem;

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

    fn not_from(from: PlanStatus, action: PlanAction) -> Self::Problem {
        PlansProblem::PlanIs {
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

    /// Whether the plan's story has ended in a decision (funded, refused, given up or closed):
    /// its text and figures are then read, not discussed, so its comment threads are closed.
    pub fn decided(self) -> bool {
        matches!(
            self,
            PlanStatus::Approved
                | PlanStatus::Rejected
                | PlanStatus::Withdrawn
                | PlanStatus::Closed
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
        Err(PlansProblem::CallClosed.into())
    } else if eligibility != Eligibility::Eligible {
        Err(MatchingProblem::NotEligible.into())
    } else {
        Ok(())
    }
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
