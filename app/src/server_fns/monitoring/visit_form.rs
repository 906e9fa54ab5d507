use crate::error::AppError;
use crate::wire::monitoring::VisitPlan;
use leptos::prelude::*;

/// The plan the signed-in mentor is about to report a visit on: only a plan they mentor
/// (another's is not found). With `retry`, what they typed in the post just refused and why.
#[server(name = VisitFormPlan, endpoint = "monitoring/visit_form")]
pub async fn visit_form(plan: String, retry: Option<String>) -> Result<VisitPlan, AppError> {
    use crate::db::{mentoring, monitoring, plans};
    use crate::domain::accounts::role::Role;
    use crate::domain::plans::plan::{PlanStatus, Viewer};
    use crate::server_fns::{auth_session, context, parse_id, require, respond};
    use crate::wire::monitoring::{VisitRetry, RETRY_KEY};

    respond(
        async {
            let user = require(&[Role::Mentor]).await?;
            let id = parse_id(&plan)?;
            let mut tx = context()?.db.read().await?;
            let (head, viewer) = plans::visible(&mut tx, id, &user)
                .await?
                .ok_or(AppError::NotFound)?;
            if viewer != Viewer::Mentor {
                return Err(AppError::NotFound);
            }
            let approved_on = match head.status {
                PlanStatus::Approved => monitoring::approved_on(&mut tx, id).await?,
                _ => None,
            };
            let applicant = mentoring::name_of(&mut tx, head.user_id).await?;
            tx.commit().await?;
            let retry = if retry.is_some() {
                auth_session()
                    .await?
                    .session
                    .get::<VisitRetry>(RETRY_KEY)
                    .await
                    .unwrap_or_else(|error| {
                        tracing::warn!(%error, "could not read a refused visit back");
                        None
                    })
                    .filter(|retry| retry.plan == id)
            } else {
                None
            };
            Ok(VisitPlan {
                plan: id,
                reference: head.reference,
                title: head.title,
                applicant,
                status: head.status,
                approved_on,
                today: crate::db::now().date(),
                retry,
            })
        }
        .await,
    )
}
