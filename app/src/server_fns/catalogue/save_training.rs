use crate::error::AppError;
use leptos::prelude::*;

/// Creates a training (`id` 0) or saves an edit of one. `version` is the version the form was
/// filled from: a training saved meanwhile by someone else answers a conflict, nothing is
/// overwritten. Skills come as codes typed in one box (see `split_codes`); an unknown one is
/// named back.
// One argument per form field: that is what a plain HTML form posts.
#[allow(clippy::too_many_arguments)]
#[server(endpoint = "catalogue/save_training")]
pub async fn save_training(
    id: i64,
    version: i32,
    reference: String,
    title: String,
    programme: String,
    sector: String,
    city: String,
    starts_on: String,
    ends_on: String,
    seats: String,
    languages: Option<Vec<String>>,
    min_education: String,
    documents: Option<Vec<String>>,
    groups: Option<Vec<String>>,
    skills: String,
) -> Result<(), AppError> {
    use crate::db::{catalogue::catalogue_admin, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::catalogue::training_form::{split_codes, TrainingForm};
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let admin = require(&[Role::Admin]).await?;
            let skills = split_codes(&skills);
            let training = TrainingForm {
                reference: &reference,
                title: &title,
                programme: &programme,
                sector: &sector,
                city: &city,
                starts_on: &starts_on,
                ends_on: &ends_on,
                seats: &seats,
                languages: languages.as_deref().unwrap_or_default(),
                min_education: &min_education,
                required_documents: documents.as_deref().unwrap_or_default(),
                target_groups: groups.as_deref().unwrap_or_default(),
                skills: &skills,
            }
            .parse()
            .map_err(AppError::Validation)?;
            let mut tx = context()?.db.begin().await?;
            let (id, action) = if id == 0 {
                let id = catalogue_admin::create_training(&mut tx, &training).await?;
                (id, AuditAction::TrainingCreated)
            } else {
                catalogue_admin::training(&mut tx, id)
                    .await?
                    .ok_or(AppError::NotFound)?;
                if !catalogue_admin::update_training(&mut tx, id, version, &training).await? {
                    return Err(AppError::Conflict);
                }
                (id, AuditAction::TrainingUpdated)
            };
            audit::record(
                &mut tx,
                audit::Entry::new(Some(admin.id), action)
                    .subject("training", id)
                    .details(serde_json::json!({ "reference": training.reference })),
            )
            .await?;
            tx.commit().await?;
            redirect("/admin/trainings?done=saved");
            Ok(())
        }
        .await,
    )
}
