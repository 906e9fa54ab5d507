use crate::error::AppError;
use leptos::prelude::*;

/// The owner saves the figures (start-up capital lines, twelve months, sources) over the
/// `version` they started from. Every bad value is named by row or month and nothing is saved;
/// a stale version keeps what they typed in `plan_conflicts` (part `figures`) and answers a
/// conflict (409).
// One argument per form column: that is what a plain HTML form posts.
#[allow(clippy::too_many_arguments)]
#[server(name = SaveFigures, endpoint = "plans/save_figures")]
pub async fn save_figures(
    plan: String,
    version: String,
    kinds: Option<Vec<String>>,
    items: Option<Vec<String>>,
    quantities: Option<Vec<String>>,
    unit_costs: Option<Vec<String>>,
    sales: Option<Vec<String>>,
    costs: Option<Vec<String>>,
    own_contribution: String,
    grant_requested: String,
    loan: String,
) -> Result<(), AppError> {
    use crate::db::{plans::plan_edits, shared::audit};
    use crate::domain::plans::plan_figures::{parse, FiguresInput};
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::{context, parse_id, redirect, respond, wants_html};

    respond(
        async {
            let user = super::require_owner_role().await?;
            let plan_id = parse_id(&plan)?;
            let version: i32 = version.trim().parse().map_err(|_| AppError::Conflict)?;
            let input = FiguresInput {
                kinds: kinds.unwrap_or_default(),
                items: items.unwrap_or_default(),
                quantities: quantities.unwrap_or_default(),
                unit_costs: unit_costs.unwrap_or_default(),
                sales: sales.unwrap_or_default(),
                costs: costs.unwrap_or_default(),
                own_contribution,
                grant_requested,
                loan,
            };
            let mut tx = context()?.db.begin().await?;
            let head = super::editable_plan(&mut tx, plan_id, &user).await?;
            let budget = parse(&input).map_err(AppError::Validation)?;
            let figures = serde_json::to_string(&budget).map_err(|_| AppError::Internal)?;
            let touched = plan_edits::touch(&mut tx, plan_id, head.status).await?;
            let grant = budget.grant_requested.centimes();
            if !touched
                || !plan_edits::save_figures(&mut tx, plan_id, &figures, grant, version).await?
            {
                let typed = serde_json::to_string(&input).map_err(|_| AppError::Internal)?;
                plan_edits::keep_conflict(&mut tx, plan_id, "figures", user.id, &typed, version)
                    .await?;
                tx.commit().await?;
                return Err(AppError::Conflict);
            }
            audit::record(
                &mut tx,
                audit::Entry::new(Some(user.id), AuditAction::PlanEdited)
                    .subject("plan", plan_id)
                    .details(serde_json::json!({ "part": "figures", "version": version + 1 })),
            )
            .await?;
            tx.commit().await?;
            if wants_html() {
                redirect(&format!("/plans/plan?id={plan_id}&saved=figures#figures"));
            }
            Ok(())
        }
        .await,
    )
}
