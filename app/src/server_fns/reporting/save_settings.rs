use crate::error::AppError;
use leptos::prelude::*;
use std::collections::HashMap;

/// Saves the programme's name on reports, the small-cell threshold and the targets (admins).
/// Targets arrive as `targets[<indicator code>]=<number>`; an empty one is "no target".
/// `version` is the settings' version the form was filled from: a stale form is refused.
#[server(name = SaveReportSettings, endpoint = "reporting/save_settings")]
pub async fn save_settings(
    name: String,
    small_cell: String,
    targets: Option<HashMap<String, String>>,
    version: i64,
) -> Result<(), AppError> {
    use crate::db::{reporting, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::reporting::settings::SettingsForm;
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let me = require(&[Role::Admin]).await?;
            let targets = targets.unwrap_or_default();
            let settings = SettingsForm {
                name: &name,
                small_cell: &small_cell,
                targets: targets
                    .iter()
                    .map(|(code, value)| (code.as_str(), value.as_str()))
                    .collect(),
            }
            .parse()
            .map_err(AppError::Validation)?;
            let mut tx = context()?.db.begin().await?;
            reporting::save_settings(
                &mut tx,
                &settings.name,
                settings.small_cell,
                &settings.targets,
                version,
                me.id,
            )
            .await?;
            let targets: serde_json::Map<String, serde_json::Value> = settings
                .targets
                .iter()
                .map(|(indicator, target)| (indicator.code().to_owned(), (*target).into()))
                .collect();
            audit::record(
                &mut tx,
                audit::Entry::new(Some(me.id), AuditAction::ReportSettingsChanged).details(
                    serde_json::json!({
                        "small_cell": settings.small_cell,
                        "targets": targets,
                    }),
                ),
            )
            .await?;
            tx.commit().await?;
            redirect("/reporting/settings?saved=settings");
            Ok(())
        }
        .await,
    )
}
