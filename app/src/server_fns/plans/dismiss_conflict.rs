use crate::error::AppError;
use leptos::prelude::*;

/// The author says they have taken what they needed from a kept text: it leaves their page
/// (the row stays, marked resolved). Only the author may do this.
#[server(name = DismissConflict, endpoint = "plans/dismiss_conflict")]
pub async fn dismiss_conflict(plan: String, conflict: String) -> Result<(), AppError> {
    use crate::db::plans::plan_edits;
    use crate::server_fns::{context, parse_id, redirect, respond, wants_html};

    respond(
        async {
            let user = super::require_owner_role().await?;
            let plan_id = parse_id(&plan)?;
            let conflict_id = parse_id(&conflict)?;
            let mut tx = context()?.db.begin().await?;
            super::owned_plan(&mut tx, plan_id, &user).await?;
            if !plan_edits::dismiss_conflict(&mut tx, conflict_id, plan_id, user.id).await? {
                return Err(AppError::NotFound);
            }
            tx.commit().await?;
            if wants_html() {
                redirect(&format!("/plans/plan?id={plan_id}"));
            }
            Ok(())
        }
        .await,
    )
}
