use crate::domain::catalogue::Training;
use crate::error::AppError;
use leptos::prelude::*;

/// Trainings matching the list page's filters (empty means any): upcoming first.
#[server(endpoint = "catalogue/list_trainings")]
pub async fn list_trainings(
    city: String,
    sector: String,
    programme: String,
    q: String,
) -> Result<Vec<(i64, Training)>, AppError> {
    use crate::db::catalogue::catalogue_admin::{self, TrainingFilter, LIST_LIMIT};
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, require, respond};

    respond(
        async {
            require(&[Role::Admin]).await?;
            let filter = TrainingFilter {
                city,
                sector,
                programme,
                text: q.chars().take(100).collect(),
            };
            let mut tx = context()?.db.read().await?;
            let today = crate::db::now().date();
            let rows = catalogue_admin::list_trainings(&mut tx, &filter, today, LIST_LIMIT).await?;
            tx.commit().await?;
            Ok(rows)
        }
        .await,
    )
}
