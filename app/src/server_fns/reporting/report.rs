use crate::error::AppError;
use crate::wire::reporting::Report;
use leptos::prelude::*;

/// The donor report (admins and donor / M&E viewers): every indicator in the chosen cohort
/// (registration period, call, training, city), disaggregated, small cells protected. A GET,
/// so the filter form works without a script and a report is a link one can share.
#[server(name = LoadReport, endpoint = "reporting/report", input = server_fn::codec::GetUrl)]
pub async fn report(
    period: Option<String>,
    call: Option<String>,
    training: Option<String>,
    city: Option<String>,
) -> Result<Report, AppError> {
    use crate::server_fns::reporting::{build, READERS};
    use crate::server_fns::{context, require, respond};

    respond(
        async {
            let me = require(READERS).await?;
            let text = |value: &Option<String>| value.clone().unwrap_or_default();
            let report = build(
                &context()?,
                &text(&period),
                &text(&call),
                &text(&training),
                &text(&city),
            )
            .await?;
            Ok(Report {
                may_configure: me.role == crate::domain::accounts::role::Role::Admin,
                ..report
            })
        }
        .await,
    )
}
