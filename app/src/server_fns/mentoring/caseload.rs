use crate::error::AppError;
use crate::wire::mentoring::CaseloadLine;
use leptos::prelude::*;

/// The signed-in mentor's plans, the longest waiting on them first. Their own caseload only,
/// with names but never health or vulnerability flags.
#[server(name = MyCaseload, endpoint = "mentoring/caseload")]
pub async fn my_caseload() -> Result<Vec<CaseloadLine>, AppError> {
    use crate::db::mentoring::mentor_desk;
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, require, respond};

    respond(
        async {
            let user = require(&[Role::Mentor]).await?;
            let mut tx = context()?.db.read().await?;
            let lines = mentor_desk::caseload(&mut tx, user.id).await?;
            tx.commit().await?;
            Ok(lines)
        }
        .await,
    )
}
