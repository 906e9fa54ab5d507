use crate::error::AppError;
use leptos::prelude::*;

/// Saves the situation step (education, languages, sectors, availability, declared groups).
/// Lists arrive as `languages[]=…` (checkboxes); an unticked list arrives as nothing at all.
/// `version` guards against a concurrent save, as in `save_identity`.
#[server(endpoint = "profile/save_situation")]
pub async fn save_situation(
    education: String,
    languages: Option<Vec<String>>,
    sectors: Option<Vec<String>>,
    availability: String,
    groups: Option<Vec<String>>,
    version: i32,
    applicant: Option<i64>,
) -> Result<(), AppError> {
    use crate::db::{profile::profiles, shared::audit};
    use crate::domain::profile::situation::SituationForm;
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::profile::{subject::Subject, subject::EDITORS};
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let me = require(EDITORS).await?;
            let situation = SituationForm {
                education: &education,
                languages: languages.as_deref().unwrap_or_default(),
                sectors: sectors.as_deref().unwrap_or_default(),
                availability: &availability,
                groups: groups.as_deref().unwrap_or_default(),
            }
            .parse()
            .map_err(AppError::Validation)?;
            let mut tx = context()?.db.begin().await?;
            let subject = Subject::resolve(&mut tx, &me, applicant).await?;
            let saved = profiles::save_situation(&mut tx, subject.id, &situation, version).await?;
            audit::record(
                &mut tx,
                subject
                    .entry(AuditAction::ProfileUpdated)
                    .details(serde_json::json!({ "step": "situation", "version": saved })),
            )
            .await?;
            tx.commit().await?;
            redirect(&subject.page("saved=situation"));
            Ok(())
        }
        .await,
    )
}
