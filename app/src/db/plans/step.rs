//! A step in a plan's life as the database keeps it, the same for every step: the guarded move
//! from the state the plan was read in, then (once whatever else the step writes is written)
//! its timeline event and its audit row, all in the caller's transaction.

use crate::db::plans::plan_content::{record_event, NewEvent};
use crate::db::shared::audit;
use crate::db::Tx;
use crate::domain::plans::plan::{PlanAction, PlanStatus};
use crate::domain::shared::audit::AuditAction;
use crate::error::AppError;

pub struct Step<'a> {
    pub plan_id: i64,
    pub actor_id: i64,
    pub action: PlanAction,
    pub from: PlanStatus,
    pub to: PlanStatus,
    /// Why, where the step asks for a reason (changes requested, a decision's justification).
    pub reason: Option<&'a str>,
}

impl Step<'_> {
    /// Moves the plan, only from the state it was read in: someone who moved it first makes
    /// this a conflict, never a silent overwrite.
    pub async fn take(&self, tx: &mut Tx) -> Result<(), AppError> {
        if super::transition(tx, self.plan_id, self.from, self.to).await? {
            Ok(())
        } else {
            Err(AppError::Conflict)
        }
    }

    /// The step's timeline event (with the version it froze, if any) and its audit row: the
    /// step itself plus `details`.
    pub async fn record(
        &self,
        tx: &mut Tx,
        version: Option<i32>,
        action: AuditAction,
        details: serde_json::Value,
    ) -> Result<(), AppError> {
        record_event(
            tx,
            NewEvent {
                plan_id: self.plan_id,
                actor_id: self.actor_id,
                action: self.action.code(),
                from: Some(self.from),
                to: Some(self.to),
                reason: self.reason,
                version,
            },
        )
        .await?;
        let mut all = serde_json::json!({
            "action": self.action.code(),
            "from": self.from.code(),
            "to": self.to.code(),
        });
        if let (Some(all), serde_json::Value::Object(extra)) = (all.as_object_mut(), details) {
            all.extend(extra);
        }
        audit::record(
            tx,
            audit::Entry::new(Some(self.actor_id), action)
                .subject("plan", self.plan_id)
                .details(all),
        )
        .await
    }
}
