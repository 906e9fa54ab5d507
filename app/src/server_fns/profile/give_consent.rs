use crate::error::AppError;
use leptos::prelude::*;

/// Records the applicant's consent to the notice they were shown (`notice_version`), in the
/// language they read it in. A notice changed since the page was opened is refused, so nobody
/// agrees to a text they did not see.
#[server(endpoint = "profile/give_consent")]
pub async fn give_consent(notice_version: String, lang: String) -> Result<(), AppError> {
    use crate::db::{profile::profiles, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::profile::consent::NOTICE_VERSION;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::locale::Lang;
    use crate::domain::shared::problem::{Field, SharedProblem};

    use crate::domain::profile::problem::ProfileProblem;
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let user = require(&[Role::Applicant]).await?;
            if notice_version != NOTICE_VERSION {
                return Err(AppError::form(ProfileProblem::NoticeOutdated));
            }
            let lang: Lang = lang
                .parse()
                .map_err(|_| AppError::field(Field::Locale, SharedProblem::LocaleUnknown))?;
            let mut tx = context()?.db.begin().await?;
            profiles::record_consent(
                &mut tx,
                profiles::NewConsent {
                    user_id: user.id,
                    notice_version: NOTICE_VERSION,
                    language: lang.code(),
                    given: true,
                    recorded_by: None,
                },
            )
            .await?;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(user.id), AuditAction::ConsentGiven)
                    .subject("user", user.id)
                    .details(serde_json::json!({ "notice": NOTICE_VERSION, "lang": lang.code() })),
            )
            .await?;
            tx.commit().await?;
            redirect("/profile");
            Ok(())
        }
        .await,
    )
}
