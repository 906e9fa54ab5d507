use crate::error::AppError;
use crate::wire::committee::ReviewView;
use leptos::prelude::*;

/// One plan as a member of its call's committee reviews it: the plan read only, the applicant
/// as the blind rule allows, where the member stands, their sheet, the quorum; for the chair
/// the round's sheets and who is recused; and any decision. Each opening is audited.
#[server(name = ReviewPlan, endpoint = "committee/review")]
pub async fn review_plan(plan: String) -> Result<ReviewView, AppError> {
    use crate::db::{committee, plans::plan_content, shared::audit};
    use crate::domain::committee::{identity_for_committee, Quorum};
    use crate::domain::plans::plan::Viewer;
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::plans::view::plan_view;
    use crate::server_fns::{context, parse_id, respond};

    respond(
        async {
            let user = super::require_member().await?;
            let id = parse_id(&plan)?;
            let mut tx = context()?.db.begin().await?;
            let mp = super::member_plan(&mut tx, id, &user).await?;
            let facts = super::scoring_facts(&mut tx, &mp, user.id).await?;
            let blind = mp.terms.blind_review;
            let identity =
                identity_for_committee(blind, committee::identity(&mut tx, mp.head.user_id).await?);
            let sheets = committee::sheets::sheets(&mut tx, id, mp.round).await?;
            let my_sheet = sheets
                .iter()
                .find(|(member, _)| *member == user.id)
                .map(|(_, sheet)| sheet.clone());
            let (chair, may_decide) = super::decider(&mut tx, id, mp.head.call_id, user.id).await?;
            let quorum = Quorum {
                have: committee::sheets::scores_in(&mut tx, id, mp.round).await?,
                need: mp.terms.quorum,
            };
            let summary = match chair {
                true => Some(chair_summary(&mut tx, mp.head.call_id, id, sheets).await?),
                false => None,
            };
            let decisions = committee::sheets::decisions(&mut tx, id).await?;
            let saved = plan_content::sections(&mut tx, id).await?;
            let figures = plan_content::figures(&mut tx, id).await?;
            let requested = figures.grant_requested;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(user.id), AuditAction::CommitteePlanViewed)
                    .subject("plan", id)
                    .details(serde_json::json!({ "round": mp.round, "blind": blind })),
            )
            .await?;
            tx.commit().await?;
            let standing = facts.standing();
            Ok(ReviewView {
                plan: plan_view(
                    mp.head,
                    Viewer::Admin,
                    saved,
                    figures,
                    Vec::new(),
                    Vec::new(),
                ),
                call_reference: mp.call.reference,
                call_title: mp.call.title,
                round: mp.round,
                blind,
                identity,
                requested,
                rubric: mp.terms.rubric,
                standing,
                conflicted: facts.conflicted,
                coached: facts.coached,
                my_sheet,
                quorum,
                chair,
                decide_refused: may_decide.err(),
                summary,
                decisions,
            })
        }
        .await,
    )
}

/// What only the chair sees: every sheet of the round, their average and who is recused.
#[cfg(feature = "ssr")]
async fn chair_summary(
    tx: &mut crate::db::Tx,
    call_id: i64,
    plan_id: i64,
    sheets: Vec<(i64, crate::wire::committee::SheetLine)>,
) -> Result<crate::wire::committee::ScoresSummary, AppError> {
    let weighted: Vec<i64> = sheets.iter().map(|(_, s)| s.weighted).collect();
    Ok(crate::wire::committee::ScoresSummary {
        average: crate::domain::committee::average(&weighted),
        sheets: sheets.into_iter().map(|(_, s)| s).collect(),
        recused: crate::db::committee::sheets::recused(tx, call_id, plan_id).await?,
    })
}
