use crate::error::AppError;
use crate::wire::reporting::ReportSettings;
use leptos::prelude::*;

/// The programme's reporting settings, for their form (admins).
#[server(name = LoadReportSettings, endpoint = "reporting/settings", input = server_fn::codec::GetUrl)]
pub async fn report_settings() -> Result<ReportSettings, AppError> {
    use crate::db::reporting;
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, require, respond};

    respond(
        async {
            require(&[Role::Admin]).await?;
            let mut tx = context()?.db.read().await?;
            let settings = reporting::settings(&mut tx).await?;
            tx.commit().await?;
            Ok(settings)
        }
        .await,
    )
}
