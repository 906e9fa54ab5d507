use crate::error::AppError;
use crate::wire::money::PlanMoney;
use leptos::prelude::*;

/// A plan's decisions and payment schedule: for its applicant and mentor (who see the outcome
/// and the reasons; the mentor not the payee's phone or account nor the payment's reference),
/// admins, and finance (whose reading of the payments is recorded).
#[server(name = LoadPlanMoney, endpoint = "money/plan")]
pub async fn load_plan_money(plan: String) -> Result<PlanMoney, AppError> {
    use crate::db::money::money_views::{decisions, tranches, Which};
    use crate::db::plans;
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, parse_id, require, respond};

    respond(
        async {
            let user =
                require(&[Role::Applicant, Role::Mentor, Role::Admin, Role::Finance]).await?;
            let id = parse_id(&plan)?;
            let ctx = context()?;
            let mut tx = ctx.db.read().await?;
            let visible = if user.role == Role::Finance {
                plans::head(&mut tx, id).await?.is_some()
            } else {
                plans::visible(&mut tx, id, &user).await?.is_some()
            };
            if !visible {
                return Err(AppError::NotFound);
            }
            let decisions = decisions(&mut tx, id).await?;
            let mut tranches = tranches(&mut tx, Which::Plan(id), String::new).await?;
            tx.commit().await?;
            // The applicant and mentor read the schedule; staff names and keys stay on staff pages.
            if matches!(user.role, Role::Applicant | Role::Mentor) {
                for line in &mut tranches {
                    line.beneficiary.clear();
                    for payment in &mut line.payments {
                        payment.released_by.clear();
                        payment.settled_by = None;
                        // A mentor follows the business, not its owner's accounts.
                        if user.role == Role::Mentor {
                            payment.payee = None;
                            payment.payee_registered_at = None;
                            payment.payee_confirmed_at = None;
                            payment.settlement_ref = None;
                            payment.failure_reason = None;
                        }
                    }
                }
            } else {
                super::record_payment_read(&ctx.db, user.id, Some(("plan", id)), &tranches).await?;
            }
            Ok(PlanMoney {
                plan: id,
                decisions,
                tranches,
            })
        }
        .await,
    )
}
