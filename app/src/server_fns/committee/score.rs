use crate::error::AppError;
use leptos::prelude::*;

/// A member's score sheet for a plan under review: every criterion of the call's rubric 0–5
/// and a comment. Only a member who declared no conflict and never coached the plan, once per
/// round; the sheet is append-only.
#[server(name = ScorePlan, endpoint = "committee/score")]
pub async fn score_plan(
    plan: String,
    viability: Option<String>,
    market: Option<String>,
    experience: Option<String>,
    budget_realism: Option<String>,
    social_impact: Option<String>,
    comment: Option<String>,
) -> Result<(), AppError> {
    use crate::db::{committee, shared::audit};
    use crate::domain::catalogue::grant_terms::Criterion;
    use crate::domain::committee::ScoreSheet;
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::{context, parse_id, redirect, respond};

    respond(
        async {
            let user = super::require_member().await?;
            let id = parse_id(&plan)?;
            let mut tx = context()?.db.begin().await?;
            let member_plan = super::member_plan(&mut tx, id, &user).await?;
            let facts = super::scoring_facts(&mut tx, &member_plan, user.id).await?;
            facts.may_score().map_err(AppError::form)?;
            let typed: Vec<(Criterion, String)> = [
                (Criterion::Viability, viability),
                (Criterion::Market, market),
                (Criterion::Experience, experience),
                (Criterion::BudgetRealism, budget_realism),
                (Criterion::SocialImpact, social_impact),
            ]
            .into_iter()
            .map(|(c, t)| (c, t.unwrap_or_default()))
            .collect();
            let rubric = &member_plan.terms.rubric;
            let sheet = ScoreSheet::parse(rubric, &typed, comment.as_deref().unwrap_or_default())
                .map_err(AppError::Validation)?;
            let weighted = sheet.weighted(rubric);
            let round = member_plan.round;
            let sheet_id =
                committee::sheets::insert_sheet(&mut tx, id, user.id, round, &sheet, weighted)
                    .await?;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(user.id), AuditAction::PlanScored)
                    .subject("plan", id)
                    .details(serde_json::json!({
                        "sheet": sheet_id,
                        "round": round,
                        "weighted": weighted,
                    })),
            )
            .await?;
            tx.commit().await?;
            redirect(&format!("/committee/review?plan={id}&saved=scored"));
            Ok(())
        }
        .await,
    )
}
