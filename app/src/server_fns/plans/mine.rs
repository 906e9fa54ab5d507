use crate::error::AppError;
use crate::wire::plans::PlanLine;
use leptos::prelude::*;

/// The signed-in applicant's business plans, newest first.
#[server(name = MyPlans, endpoint = "plans/mine")]
pub async fn my_plans() -> Result<Vec<PlanLine>, AppError> {
    use crate::db::plans;
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, require, respond};

    respond(
        async {
            let user = require(&[Role::Applicant]).await?;
            let mut tx = context()?.db.read().await?;
            let lines = plans::of_user(&mut tx, user.id).await?;
            tx.commit().await?;
            Ok(lines)
        }
        .await,
    )
}
