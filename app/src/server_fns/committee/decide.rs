use crate::error::AppError;
use leptos::prelude::*;

/// The committee's decision on a plan under review, recorded by the chair (or the deputy
/// when the chair declared a conflict or coached the plan): approve an amount, reject, or return it for
/// revision, with a justification, once the call's quorum of scores is in. An approval
/// commits its amount against the call's envelope and schedules its tranches from the call's
/// template, all in one transaction with the plan's step, its timeline event and audit row.
#[server(name = DecidePlan, endpoint = "committee/decide")]
pub async fn decide_plan(
    plan: String,
    outcome: String,
    amount: Option<String>,
    justification: String,
) -> Result<(), AppError> {
    use crate::db::money;
    use crate::db::plans::{self, Step};
    use crate::domain::accounts::role::Role;
    use crate::domain::committee::decision::{Decision, Outcome};
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::workflow::Workflow;
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let user = require(&[Role::Committee]).await?;
            let id = parse_id(&plan)?;
            let mut tx = context()?.db.begin().await?;
            let head = plans::head(&mut tx, id).await?.ok_or(AppError::NotFound)?;
            let terms = money::decision_terms(&mut tx, id)
                .await?
                .ok_or(AppError::NotFound)?;
            let limits = chair_limits(&mut tx, id, &terms, user.id).await?;
            let decision = Decision::parse(
                &outcome,
                amount.as_deref().unwrap_or_default(),
                &justification,
                limits,
            )
            .map_err(AppError::Validation)?;
            let action = decision.outcome.action();
            let to = head.status.apply(action, Role::Committee, &())?;
            let step = Step {
                plan_id: id,
                actor_id: user.id,
                action,
                from: head.status,
                to,
                reason: Some(&decision.justification),
            };
            // The plan row first, then the call's: two decisions on one plan meet here and the
            // second finds the plan moved; decisions on two plans of a call queue on the call.
            step.take(&mut tx).await?;
            let lines = commit_grant(&mut tx, &terms, &decision).await?;
            let decision_id =
                money::insert_decision(&mut tx, id, &terms, &decision, user.id).await?;
            if !lines.is_empty() {
                money::schedule_tranches(&mut tx, id, terms.call_id, &lines, user.id).await?;
            }
            if decision.outcome == Outcome::Returned {
                money::next_round(&mut tx, id).await?;
            }
            let details = serde_json::json!({
                "decision": decision_id,
                "outcome": decision.outcome.code(),
                "amount_centimes": decision.amount.map(|a| a.centimes()),
                "round": terms.round,
                "tranches": lines.len(),
            });
            step.record(&mut tx, None, AuditAction::PlanDecided, details)
                .await?;
            tell_decision(&mut tx, &head, decision.outcome).await?;
            tx.commit().await?;
            redirect(&format!("/committee/review?plan={id}&saved=decided"));
            Ok(())
        }
        .await,
    )
}

/// What the decision may be, for whoever decides the plan (its call's chair, or the deputy
/// when the chair may not): someone outside this call's committee learns nothing of the plan
/// (404); anyone else on it is told why they may not decide.
#[cfg(feature = "ssr")]
async fn chair_limits(
    tx: &mut crate::db::Tx,
    plan_id: i64,
    terms: &crate::db::money::DecisionTerms,
    user_id: i64,
) -> Result<crate::domain::committee::decision::Limits, AppError> {
    use crate::db::committee;
    if !committee::is_member(tx, terms.call_id, user_id).await? {
        return Err(AppError::NotFound);
    }
    let (_, may) = super::decider(tx, plan_id, terms.call_id, user_id).await?;
    may.map_err(AppError::form)?;
    Ok(crate::domain::committee::decision::Limits {
        requested: terms.requested,
        max_grant: terms.max_grant,
        scores_in: committee::sheets::scores_in(tx, plan_id, terms.round).await?,
        quorum: terms.quorum,
    })
}

/// An approval's money: its tranches scheduled from the call's template and its amount
/// committed against the call's envelope (refused on the amount when the envelope cannot
/// cover it). Nothing for a rejection or a return.
#[cfg(feature = "ssr")]
async fn commit_grant(
    tx: &mut crate::db::Tx,
    terms: &crate::db::money::DecisionTerms,
    decision: &crate::domain::committee::decision::Decision,
) -> Result<Vec<crate::domain::money::tranche::Scheduled>, AppError> {
    use crate::domain::committee::decision::Outcome;
    use crate::domain::shared::problem::Field;
    let Some(amount) = decision
        .amount
        .filter(|_| decision.outcome == Outcome::Approved)
    else {
        return Ok(Vec::new());
    };
    let lines = crate::domain::money::tranche::schedule(amount, &terms.template)
        .map_err(|problem| AppError::field(Field::Amount, problem))?;
    crate::db::money::commit_against_envelope(tx, terms.call_id, amount)
        .await?
        .map_err(|problem| AppError::field(Field::Amount, problem))?;
    Ok(lines)
}

/// The applicant and the plan's mentor hear the decision.
#[cfg(feature = "ssr")]
async fn tell_decision(
    tx: &mut crate::db::Tx,
    head: &crate::db::plans::PlanHead,
    outcome: crate::domain::committee::decision::Outcome,
) -> Result<(), AppError> {
    use crate::db::notifications::notify_all;
    use crate::domain::committee::decision::Outcome;
    use crate::domain::notifications::event::Event;
    let (plan, title) = (head.id, head.title.clone());
    let event = match outcome {
        Outcome::Approved => Event::PlanApproved { plan, title },
        Outcome::Rejected => Event::PlanRejected { plan, title },
        Outcome::Returned => Event::PlanReturned { plan, title },
    };
    let people: Vec<i64> = std::iter::once(head.user_id)
        .chain(head.mentor_id)
        .collect();
    notify_all(tx, &people, &event).await
}
