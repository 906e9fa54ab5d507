use crate::error::AppError;
use leptos::prelude::*;

/// Creates a grant call (`id` 0) or saves an edit of one, guarded by `version` like trainings.
/// Amounts are typed in dirhams; the eligibility rules come as simple fields; `weights[]` holds
/// one weight per rubric criterion in order; tranches come as parallel rows.
// One argument per form field: that is what a plain HTML form posts.
#[allow(clippy::too_many_arguments)]
#[server(endpoint = "catalogue/save_call")]
pub async fn save_call(
    id: i64,
    version: i32,
    reference: String,
    title: String,
    envelope: String,
    max_grant: String,
    own_contribution: String,
    sectors: Option<Vec<String>>,
    cities: Option<Vec<String>>,
    opens_on: String,
    closes_on: String,
    age_min: String,
    age_max: String,
    sexes: Option<Vec<String>>,
    nationalities: String,
    documents: Option<Vec<String>>,
    education_min: String,
    languages: Option<Vec<String>>,
    groups: Option<Vec<String>>,
    completed_programme: String,
    weights: Option<Vec<String>>,
    tranche_percents: Option<Vec<String>>,
    tranche_releases: Option<Vec<String>>,
    quorum: String,
    blind_review: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::accounts::role::Role;
    use crate::domain::catalogue::call_form::CallForm;
    use crate::server_fns::{redirect, require, respond};

    respond(
        async {
            let admin = require(&[Role::Admin]).await?;
            let (call, terms) = CallForm {
                reference: &reference,
                title: &title,
                envelope: &envelope,
                max_grant: &max_grant,
                own_contribution: &own_contribution,
                sectors: sectors.as_deref().unwrap_or_default(),
                cities: cities.as_deref().unwrap_or_default(),
                opens_on: &opens_on,
                closes_on: &closes_on,
                age_min: &age_min,
                age_max: &age_max,
                sexes: sexes.as_deref().unwrap_or_default(),
                nationalities: &nationalities,
                documents: documents.as_deref().unwrap_or_default(),
                education_min: &education_min,
                languages: languages.as_deref().unwrap_or_default(),
                groups: groups.as_deref().unwrap_or_default(),
                completed_programme: &completed_programme,
                weights: weights.as_deref().unwrap_or_default(),
                tranche_percents: tranche_percents.as_deref().unwrap_or_default(),
                tranche_releases: tranche_releases.as_deref().unwrap_or_default(),
                quorum: &quorum,
                blind_review: blind_review.is_some(),
            }
            .parse()
            .map_err(AppError::Validation)?;
            persist(admin.id, id, version, &call, &terms).await?;
            redirect("/admin/calls?done=saved");
            Ok(())
        }
        .await,
    )
}

/// Saves the checked call: a new one when `id` is 0, else call `id` if still at `version`
/// (someone else's save in between is a conflict, nothing written), with its audit row.
#[cfg(feature = "ssr")]
async fn persist(
    admin_id: i64,
    id: i64,
    version: i32,
    call: &crate::domain::catalogue::GrantCall,
    terms: &crate::domain::catalogue::grant_terms::CallTerms,
) -> Result<(), AppError> {
    use crate::db::{catalogue::calls_admin, shared::audit};
    use crate::domain::shared::audit::AuditAction;
    let mut tx = crate::server_fns::context()?.db.begin().await?;
    let (target, action) = if id == 0 {
        (None, AuditAction::CallCreated)
    } else {
        calls_admin::call(&mut tx, id)
            .await?
            .ok_or(AppError::NotFound)?;
        (Some((id, version)), AuditAction::CallUpdated)
    };
    let saved = calls_admin::save_call(&mut tx, target, call, terms)
        .await?
        .ok_or(AppError::Conflict)?;
    audit::record(
        &mut tx,
        audit::Entry::new(Some(admin_id), action)
            .subject("grant_call", saved)
            .details(serde_json::json!({ "reference": call.reference })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
