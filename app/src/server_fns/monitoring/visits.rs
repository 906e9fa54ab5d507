use crate::error::AppError;
use crate::wire::monitoring::VisitLine;
use leptos::prelude::*;

/// A plan's monitoring visits, latest first, for its owner, its mentor and admins (anyone
/// else: not found).
#[server(name = PlanVisits, endpoint = "monitoring/visits")]
pub async fn plan_visits(plan: String) -> Result<Vec<VisitLine>, AppError> {
    use crate::db::{monitoring, plans};
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, parse_id, require, respond};

    respond(
        async {
            let user = require(&[Role::Applicant, Role::Mentor, Role::Admin]).await?;
            let id = parse_id(&plan)?;
            let mut tx = context()?.db.read().await?;
            plans::visible(&mut tx, id, &user)
                .await?
                .ok_or(AppError::NotFound)?;
            let visits = monitoring::visits(&mut tx, id).await?;
            tx.commit().await?;
            Ok(visits)
        }
        .await,
    )
}
