use crate::error::AppError;
use leptos::prelude::*;

/// Saves the situation step (education, languages, sectors, availability, declared groups and
/// the optional answers for the donor's counts). Lists arrive as `languages[]=…` (checkboxes);
/// an unticked list arrives as nothing at all. A form without the optional answers (a tab
/// opened before they existed) saves them as not stated.
/// `version` guards against a concurrent save, as in `save_identity`.
#[allow(clippy::too_many_arguments)]
#[server(endpoint = "profile/save_situation")]
pub async fn save_situation(
    education: String,
    languages: Option<Vec<String>>,
    sectors: Option<Vec<String>>,
    availability: String,
    groups: Option<Vec<String>>,
    population_group: Option<String>,
    legal_status: Option<String>,
    disability: Option<String>,
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
                population_group: population_group.as_deref().unwrap_or_default(),
                legal_status: legal_status.as_deref().unwrap_or_default(),
                disability: disability.as_deref().unwrap_or_default(),
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
