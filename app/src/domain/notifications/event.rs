//! What happened to someone, with what the message needs to name. Events never say how they
//! reach the person: every channel (in-app, email, later SMS) is handed each one.

use serde::{Deserialize, Serialize};

/// The page a reset link opens (with `?token=`).
pub const RESET_PATH: &str = "/password/reset";
/// The page a sign-up's link opens (with `?token=`).
pub const FINISH_SIGN_UP_PATH: &str = "/signup/finish";

/// One thing to tell one person. Kept as JSON with the in-app notification and the outbox row,
/// so it is put into words when read or sent, in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// A link to choose a new password. Email only: the link is a secret.
    PasswordReset {
        minutes: i64,
    },
    /// To an address someone signed up with: the link that creates the account. Email only:
    /// the link is a secret, and there is no account yet to list it in.
    ConfirmSignUp {
        hours: i64,
    },
    /// To the owner of an address someone signed up with again (them, having forgotten, or a
    /// stranger): the form answered as for a new address, and this says what happened.
    SignUpAttempted,
    /// The password was changed through a reset link (so a stranger's reset does not go
    /// unnoticed).
    PasswordChanged,
    EnrolmentConfirmed {
        training: String,
    },
    EnrolmentDeclined {
        training: String,
    },
    /// To the mentor: an applicant sent (or sent again) a plan.
    PlanSubmitted {
        plan: i64,
        title: String,
    },
    /// To the applicant: the mentor asked for changes.
    ChangesRequested {
        plan: i64,
        title: String,
    },
    /// To the applicant: the mentor sent the plan on to the committee.
    ReadyForCommittee {
        plan: i64,
        title: String,
    },
    /// To the other side of a plan: a comment was written on it.
    CommentAdded {
        plan: i64,
        title: String,
    },
    /// To the members of the call's committee: a plan is on a review session's agenda.
    PlanOnAgenda {
        plan: i64,
        title: String,
    },
    /// To the applicant and the mentor: the committee approved the plan.
    PlanApproved {
        plan: i64,
        title: String,
    },
    /// To the applicant and the mentor: the committee rejected the plan.
    PlanRejected {
        plan: i64,
        title: String,
    },
    /// To the applicant and the mentor: the committee sent the plan back for revision.
    PlanReturned {
        plan: i64,
        title: String,
    },
    /// To every finance officer: a tranche was sent for payment and waits for confirmation.
    TrancheReleased {
        call: i64,
        title: String,
        number: i32,
    },
    /// To the applicant: a tranche of their grant was paid.
    TranchePaid {
        plan: i64,
        title: String,
        number: i32,
    },
    /// To the applicant: the payment of a tranche failed (it will be sent again).
    TrancheFailed {
        plan: i64,
        title: String,
        number: i32,
    },
    /// To an applicant who asked to be told: a new training they are eligible for.
    NewTraining {
        title: String,
    },
    /// To an applicant who asked to be told: a grant call now open that they are eligible for.
    NewCall {
        title: String,
    },
    /// To the mentor and the owner of a funded business: its monitoring visit `months` after
    /// approval is due (`domain::monitoring::due`).
    VisitDue {
        plan: i64,
        title: String,
        months: i64,
    },
}

impl Event {
    /// A short stable name (the outbox's and the admin page's column, file names).
    pub fn code(&self) -> &'static str {
        match self {
            Event::PasswordReset { .. } => "password_reset",
            Event::PasswordChanged => "password_changed",
            Event::ConfirmSignUp { .. } => "confirm_sign_up",
            Event::SignUpAttempted => "sign_up_attempted",
            Event::EnrolmentConfirmed { .. } => "enrolment_confirmed",
            Event::EnrolmentDeclined { .. } => "enrolment_declined",
            Event::PlanSubmitted { .. } => "plan_submitted",
            Event::ChangesRequested { .. } => "changes_requested",
            Event::ReadyForCommittee { .. } => "ready_for_committee",
            Event::CommentAdded { .. } => "comment_added",
            Event::PlanOnAgenda { .. } => "plan_on_agenda",
            Event::PlanApproved { .. } => "plan_approved",
            Event::PlanRejected { .. } => "plan_rejected",
            Event::PlanReturned { .. } => "plan_returned",
            Event::TrancheReleased { .. } => "tranche_released",
            Event::TranchePaid { .. } => "tranche_paid",
            Event::TrancheFailed { .. } => "tranche_failed",
            Event::VisitDue { .. } => "visit_due",
            Event::NewTraining { .. } => "new_training",
            Event::NewCall { .. } => "new_call",
        }
    }

    /// Whether the message carries a one-time link: it goes to the address alone and is never
    /// listed in the app (whoever holds a session would otherwise hold the link too).
    pub fn carries_secret(&self) -> bool {
        matches!(
            self,
            Event::PasswordReset { .. } | Event::ConfirmSignUp { .. }
        )
    }

    /// For a message carrying a one-time link, how long the link works from the moment the
    /// message is queued: sending it later would be sending a dead link.
    pub fn link_minutes(&self) -> Option<i64> {
        match self {
            Event::PasswordReset { minutes } => Some(*minutes),
            Event::ConfirmSignUp { hours } => Some(hours * 60),
            _ => None,
        }
    }

    /// The page the message points to (a path on this site).
    pub fn path(&self) -> String {
        match self {
            Event::PasswordReset { .. } => RESET_PATH.into(),
            Event::ConfirmSignUp { .. } => FINISH_SIGN_UP_PATH.into(),
            Event::PasswordChanged | Event::SignUpAttempted => "/login".into(),
            Event::EnrolmentConfirmed { .. } | Event::EnrolmentDeclined { .. } => {
                "/enrolments".into()
            }
            Event::PlanSubmitted { plan, .. }
            | Event::ChangesRequested { plan, .. }
            | Event::ReadyForCommittee { plan, .. }
            | Event::CommentAdded { plan, .. }
            | Event::PlanApproved { plan, .. }
            | Event::PlanRejected { plan, .. }
            | Event::PlanReturned { plan, .. }
            | Event::TranchePaid { plan, .. }
            | Event::TrancheFailed { plan, .. }
            | Event::VisitDue { plan, .. } => format!("/plans/plan?id={plan}"),
            Event::PlanOnAgenda { plan, .. } => format!("/committee/review?plan={plan}"),
            Event::TrancheReleased { call, .. } => format!("/admin/money/call?id={call}"),
            Event::NewTraining { .. } => "/matches?kind=training".into(),
            Event::NewCall { .. } => "/matches?kind=call".into(),
        }
    }

    /// As stored (the server only: the browser never reads the tables).
    #[cfg(feature = "ssr")]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }

    #[cfg(feature = "ssr")]
    pub fn from_json(json: &str) -> Option<Event> {
        serde_json::from_str(json).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "ssr")]
    #[test]
    fn events_read_back_as_written() {
        let events = [
            Event::PasswordReset { minutes: 30 },
            Event::PasswordChanged,
            Event::ConfirmSignUp { hours: 24 },
            Event::SignUpAttempted,
            Event::EnrolmentConfirmed {
                training: "Couture".into(),
            },
            Event::PlanSubmitted {
                plan: 3,
                title: "Épicerie".into(),
            },
        ];
        for event in events {
            let json = event.to_json();
            assert!(json.contains(event.code()), "{json}");
            assert_eq!(Event::from_json(&json), Some(event));
        }
        assert_eq!(Event::from_json("{\"event\":\"unknown\"}"), None);
    }

    #[test]
    fn only_one_time_links_are_secret_and_they_say_how_long_they_work() {
        assert!(Event::PasswordReset { minutes: 30 }.carries_secret());
        assert!(Event::ConfirmSignUp { hours: 24 }.carries_secret());
        assert!(!Event::PasswordChanged.carries_secret());
        assert!(!Event::SignUpAttempted.carries_secret());
        assert_eq!(
            Event::PasswordReset { minutes: 30 }.link_minutes(),
            Some(30)
        );
        assert_eq!(
            Event::ConfirmSignUp { hours: 24 }.link_minutes(),
            Some(1440)
        );
        assert_eq!(Event::SignUpAttempted.link_minutes(), None);
        assert_eq!(
            Event::ConfirmSignUp { hours: 24 }.path(),
            FINISH_SIGN_UP_PATH
        );
        let plan = Event::CommentAdded {
            plan: 7,
            title: "x".into(),
        };
        assert!(!plan.carries_secret());
        assert_eq!(plan.path(), "/plans/plan?id=7");
    }
}
