//! A step in a seat's life as the database keeps it, the same for every step: the guarded
//! move from the state the enrolment was read in, the training's seat count moved with it in
//! the same transaction, and the audit row.

use crate::db::shared::audit;
use crate::db::Tx;
use crate::domain::enrolments::enrolment::{seat_change, EnrolmentStatus};
use crate::domain::enrolments::problem::EnrolmentsProblem;
use crate::domain::shared::audit::AuditAction;
use crate::error::AppError;

pub struct Step {
    pub enrolment_id: i64,
    pub training_id: i64,
    pub actor_id: i64,
    pub from: EnrolmentStatus,
    pub to: EnrolmentStatus,
    /// Set when an admin decides, so the enrolment records who did.
    pub decided_by: Option<i64>,
}

impl Step {
    /// Moves the enrolment, only from the state it was read in (someone who moved it first
    /// makes this a conflict), and takes or frees its seat: taking the last one twice is
    /// impossible, the check and the change being one statement.
    pub async fn take(&self, tx: &mut Tx) -> Result<(), AppError> {
        let moved =
            super::transition(tx, self.enrolment_id, self.from, self.to, self.decided_by).await?;
        if !moved {
            return Err(AppError::Conflict);
        }
        let change = seat_change(self.from, self.to);
        if super::move_seats(tx, self.training_id, change).await? {
            Ok(())
        } else if change > 0 {
            Err(AppError::form(EnrolmentsProblem::TrainingFull))
        } else {
            tracing::error!(
                enrolment = self.enrolment_id,
                "a seat count that cannot move back"
            );
            Err(AppError::Internal)
        }
    }

    /// The step's audit row: the training, the states, and `action`.
    pub async fn record(&self, tx: &mut Tx, action: AuditAction) -> Result<(), AppError> {
        audit::record(
            tx,
            audit::Entry::new(Some(self.actor_id), action)
                .subject("enrolment", self.enrolment_id)
                .details(serde_json::json!({
                    "training": self.training_id,
                    "from": self.from.code(),
                    "to": self.to.code(),
                })),
        )
        .await
    }
}
