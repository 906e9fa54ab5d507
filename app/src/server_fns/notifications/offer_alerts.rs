use crate::error::AppError;
use leptos::prelude::*;

/// Turns on (`on` = `1`) or off the signed-in applicant's alerts of new trainings and calls
/// they are eligible for (`db::notifications::offer_alerts`). Turned on, only offers that
/// appear from now on are announced: those already there are on the matches page.
#[server(name = SetOfferAlerts, endpoint = "notifications/offer_alerts")]
pub async fn set_offer_alerts(on: String) -> Result<(), AppError> {
    use crate::db::notifications::offer_alerts;
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let user = require(&[Role::Applicant]).await?;
            let on = on.trim() == "1";
            let mut tx = context()?.db.begin().await?;
            offer_alerts::set(&mut tx, user.id, on).await?;
            tx.commit().await?;
            redirect(if on {
                "/matches?alerts=on"
            } else {
                "/matches?alerts=off"
            });
            Ok(())
        }
        .await,
    )
}
