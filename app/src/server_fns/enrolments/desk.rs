use crate::error::AppError;
use crate::wire::enrolments::EnrolmentLine;
use leptos::prelude::*;

/// How many lines the admin's desk shows at once; the oldest requests come first.
pub const DESK_LIMIT: i64 = 200;

/// Enrolments in one status (waiting requests by default) for the admin who decides them.
#[server(name = EnrolmentDesk, endpoint = "enrolments/desk")]
pub async fn enrolment_desk(status: String) -> Result<Vec<EnrolmentLine>, AppError> {
    use crate::db::enrolments;
    use crate::domain::accounts::role::Role;
    use crate::domain::enrolments::enrolment::EnrolmentStatus;
    use crate::server_fns::{context, require, respond};

    respond(
        async {
            require(&[Role::Admin]).await?;
            let status = EnrolmentStatus::from_code(&status).unwrap_or(EnrolmentStatus::Requested);
            let mut tx = context()?.db.read().await?;
            let lines = enrolments::in_status(&mut tx, status, DESK_LIMIT).await?;
            tx.commit().await?;
            Ok(lines)
        }
        .await,
    )
}
