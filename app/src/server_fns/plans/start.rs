use crate::error::AppError;
use leptos::prelude::*;

/// The applicant starts a business plan (a draft) for an open call they are eligible for
/// today. One plan per person and call: a second start is refused, the first plan kept.
#[server(name = StartPlan, endpoint = "plans/start")]
pub async fn start_plan(call: String) -> Result<(), AppError> {
    use crate::db::{catalogue, plans, profile::profiles, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::matching::eligibility::assess;
    use crate::domain::plans::plan::may_start;
    use crate::domain::shared::audit::AuditAction;

    use crate::domain::plans::problem::PlansProblem;
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let user = require(&[Role::Applicant]).await?;
            let call_id = parse_id(&call)?;
            let today = crate::db::now().date();
            let mut tx = context()?.db.begin().await?;
            crate::server_fns::profile::require_consent(&mut tx, user.id).await?;
            let offer = catalogue::call(&mut tx, call_id)
                .await?
                .ok_or(AppError::NotFound)?;
            let facts = profiles::facts(&mut tx, user.id).await?;
            let eligibility = assess(&offer.all_rules(), &facts, today).eligibility();
            may_start(&offer, eligibility, today).map_err(AppError::form)?;
            let id = plans::start(&mut tx, user.id, call_id)
                .await?
                .ok_or(AppError::form(PlansProblem::PlanExists))?;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(user.id), AuditAction::PlanStarted)
                    .subject("plan", id)
                    .details(serde_json::json!({ "call": call_id })),
            )
            .await?;
            tx.commit().await?;
            redirect("/plans?saved=started");
            Ok(())
        }
        .await,
    )
}
