use crate::error::AppError;
use leptos::prelude::*;

/// Registers someone who has no email: an applicant account nobody can sign in to yet, the
/// consent the caseworker took in person (the notice version, the language it was read in,
/// who took it, when), and the first profile row with the person's name and phone — in one
/// transaction, with its audit rows. The caseworker then continues on the person's profile.
#[server(endpoint = "profile/register")]
pub async fn register_applicant(
    full_name: String,
    phone: String,
    notice_version: String,
    lang: String,
    notice_read: Option<String>,
    agreed: Option<String>,
) -> Result<(), AppError> {
    use crate::db::{
        profile::{assisted, profiles},
        shared::audit,
    };
    use crate::domain::accounts::role::Role;
    use crate::domain::profile::assisted::RegistrationForm;
    use crate::domain::profile::consent::NOTICE_VERSION;
    use crate::domain::shared::audit::AuditAction;
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let me = require(&[Role::Caseworker]).await?;
            let registration = RegistrationForm {
                full_name: &full_name,
                phone: &phone,
                notice_version: &notice_version,
                lang: &lang,
                notice_read: notice_read.is_some(),
                agreed: agreed.is_some(),
            }
            .parse()
            .map_err(AppError::Validation)?;
            let mut tx = context()?.db.begin().await?;
            let id = assisted::insert_account(&mut tx).await?;
            profiles::record_consent(
                &mut tx,
                profiles::NewConsent {
                    user_id: id,
                    notice_version: NOTICE_VERSION,
                    language: registration.lang.code(),
                    given: true,
                    recorded_by: Some(me.id),
                },
            )
            .await?;
            assisted::insert_profile(
                &mut tx,
                id,
                &registration.full_name,
                registration.phone.as_deref(),
                me.id,
            )
            .await?;
            let details = serde_json::json!({
                "notice": NOTICE_VERSION,
                "lang": registration.lang.code(),
                "in_person": true,
            });
            for action in [AuditAction::ApplicantRegistered, AuditAction::ConsentGiven] {
                let entry = audit::Entry::new(Some(me.id), action)
                    .subject("user", id)
                    .details(details.clone());
                audit::record(&mut tx, entry).await?;
            }
            tx.commit().await?;
            redirect(&format!(
                "/caseworker/profile?applicant={id}&saved=registered"
            ));
            Ok(())
        }
        .await,
    )
}
