use crate::error::AppError;
use crate::wire::enrolments::EnrolmentLine;
use leptos::prelude::*;

/// The signed-in applicant's seat requests and enrolments.
#[server(name = MyEnrolments, endpoint = "enrolments/mine")]
pub async fn my_enrolments() -> Result<Vec<EnrolmentLine>, AppError> {
    use crate::db::enrolments;
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, require, respond};

    respond(
        async {
            let user = require(&[Role::Applicant]).await?;
            let mut tx = context()?.db.read().await?;
            let mut lines = enrolments::of_user(&mut tx, user.id).await?;
            tx.commit().await?;
            let today = crate::db::now().date();
            for line in &mut lines {
                line.can_withdraw = line.withdrawn_status(today).is_some();
            }
            Ok(lines)
        }
        .await,
    )
}
