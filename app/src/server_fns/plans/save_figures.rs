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
            let budget = match parse(&input) {
                Ok(budget) => budget,
                Err(problems) => {
                    drop(tx);
                    if wants_html() {
                        keep_refused(plan_id, input).await;
                    }
                    return Err(AppError::Validation(problems));
                }
            };
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
            forget_refused().await;
            if wants_html() {
                redirect(&format!("/plans/plan?id={plan_id}&saved=figures#figures"));
            }
            Ok(())
        }
        .await,
    )
}

/// A plain post refused: what was typed goes into the session (when it is of a sane size), so
/// the plan page the browser is sent back to shows it with the problems.
#[cfg(feature = "ssr")]
async fn keep_refused(plan: i64, typed: crate::domain::plans::plan_figures::FiguresInput) {
    use crate::wire::plans::{FiguresRetry, FIGURES_RETRY_KEY, FIGURES_RETRY_MAX_BYTES};
    let retry = FiguresRetry { plan, typed };
    let fits = serde_json::to_vec(&retry).is_ok_and(|json| json.len() <= FIGURES_RETRY_MAX_BYTES);
    if !fits {
        return;
    }
    let Ok(auth) = crate::server_fns::auth_session().await else {
        return;
    };
    if let Err(error) = auth.session.insert(FIGURES_RETRY_KEY, retry).await {
        tracing::warn!(%error, "could not keep refused figures to show them back");
    }
}

/// The figures the owner typed in the last refused post of `plan`'s form, if any. Read, not
/// taken: the page streams after the session is saved, so it cannot clear it; the next good save
/// does, and the page shows it only when its address carries that form's error.
#[cfg(feature = "ssr")]
pub(crate) async fn refused(plan: i64) -> Option<crate::domain::plans::plan_figures::FiguresInput> {
    use crate::wire::plans::{FiguresRetry, FIGURES_RETRY_KEY};
    let auth = crate::server_fns::auth_session().await.ok()?;
    auth.session
        .get::<FiguresRetry>(FIGURES_RETRY_KEY)
        .await
        .unwrap_or_else(|error| {
            tracing::warn!(%error, "could not read refused figures back");
            None
        })
        .filter(|retry| retry.plan == plan)
        .map(|retry| retry.typed)
}

/// After a good save, a refused form kept earlier is of no more use.
#[cfg(feature = "ssr")]
async fn forget_refused() {
    use crate::wire::plans::{FiguresRetry, FIGURES_RETRY_KEY};
    if let Ok(auth) = crate::server_fns::auth_session().await {
        if let Err(error) = auth.session.remove::<FiguresRetry>(FIGURES_RETRY_KEY).await {
            tracing::warn!(%error, "could not clear refused figures");
        }
    }
}
