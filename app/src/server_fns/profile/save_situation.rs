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
) -> Result<(), AppError> {
    use crate::db::{audit, profiles};
    use crate::domain::audit::AuditAction;
    use crate::domain::role::Role;
    use crate::domain::situation::SituationForm;
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let user = require(&[Role::Applicant]).await?;
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
            let saved = profiles::save_situation(&mut tx, user.id, &situation, version).await?;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(user.id), AuditAction::ProfileUpdated)
                    .subject("user", user.id)
                    .details(serde_json::json!({ "step": "situation", "version": saved })),
            )
            .await?;
            tx.commit().await?;
            redirect("/profile?saved=situation");
            Ok(())
        }
        .await,
    )
}
