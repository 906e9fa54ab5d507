//! Seat requests as pages see them.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

impl EnrolmentLine {
    /// The state giving this seat up leads to, if the person may still give it up themself:
    /// the workflow allows it and the training has not started.
    pub fn withdrawn_status(
        &self,
        today: time::Date,
    ) -> Option<crate::domain::enrolments::enrolment::EnrolmentStatus> {
        use crate::domain::accounts::role::Role;
        use crate::domain::enrolments::enrolment::{may_withdraw, EnrolmentAction};
        use crate::domain::shared::workflow::Workflow;
        may_withdraw(self.starts_on, today).ok()?;
        self.status
            .apply(EnrolmentAction::Withdraw, Role::Applicant, &())
            .ok()
    }
}

/// The applicant's own enrolment in an offered training, for the match page's buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyEnrolment {
    pub id: i64,
    pub status: crate::domain::enrolments::enrolment::EnrolmentStatus,
}

/// One enrolment, with its training: for the applicant's list and the admin's desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolmentLine {
    pub id: i64,
    pub training_id: i64,
    pub reference: String,
    pub title: String,
    pub starts_on: time::Date,
    pub ends_on: time::Date,
    pub seats: crate::domain::enrolments::enrolment::Seats,
    pub status: crate::domain::enrolments::enrolment::EnrolmentStatus,
    /// The person's name (admin desk); `None` before their identity step.
    pub person: Option<String>,
    pub requested_at: OffsetDateTime,
    /// Whether the applicant may still give it up (before the first day).
    pub can_withdraw: bool,
}
