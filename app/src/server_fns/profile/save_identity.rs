use crate::error::AppError;
use leptos::prelude::*;

/// Saves the identity step of the applicant's own profile. `version` is the version the form
/// was filled from (0 before the first save): a profile saved meanwhile elsewhere answers a
/// conflict instead of being overwritten. `sex` is optional in the request because an
/// unanswered radio group sends nothing; it is still required ("choose an answer"). The date of
/// birth comes as three small fields (day, month, year), easier to type on a phone than a date
/// picker is to scroll back thirty years.
// One argument per form field: that is what a plain HTML form posts.
#[allow(clippy::too_many_arguments)]
#[server(endpoint = "profile/save_identity")]
pub async fn save_identity(
    full_name: String,
    sex: Option<String>,
    birth_day: String,
    birth_month: String,
    birth_year: String,
    nationality: String,
    city: String,
    phone: String,
    version: i32,
    applicant: Option<i64>,
) -> Result<(), AppError> {
    use crate::db::{profile::profiles, shared::audit};
    use crate::domain::profile::consent::NOTICE_VERSION;
    use crate::domain::profile::identity::IdentityForm;
    use crate::domain::shared::audit::AuditAction;

    use crate::domain::profile::problem::ProfileProblem;
    use crate::server_fns::profile::{subject::Subject, subject::EDITORS};
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let me = require(EDITORS).await?;
            let today = crate::db::now().date();
            let birth_date =
                crate::domain::profile::identity::join_date(&birth_day, &birth_month, &birth_year);
            let identity = IdentityForm {
                full_name: &full_name,
                sex: sex.as_deref().unwrap_or_default(),
                birth_date: &birth_date,
                nationality: &nationality,
                city: &city,
                phone: &phone,
            }
            .parse(today)
            .map_err(AppError::Validation)?;
            let mut tx = context()?.db.begin().await?;
            let subject = Subject::resolve(&mut tx, &me, applicant).await?;
            let consented = profiles::latest_consent(&mut tx, subject.id)
                .await?
                .is_some_and(|c| c.given && c.notice_version == NOTICE_VERSION);
            if !consented {
                return Err(AppError::form(ProfileProblem::ConsentRequired));
            }
            let saved = profiles::save_identity(
                &mut tx,
                subject.id,
                &identity,
                version,
                subject.assisted.then_some(subject.actor),
            )
            .await?;
            audit::record(
                &mut tx,
                subject
                    .entry(AuditAction::ProfileUpdated)
                    .details(serde_json::json!({ "step": "identity", "version": saved })),
            )
            .await?;
            tx.commit().await?;
            redirect(&subject.page("saved=identity"));
            Ok(())
        }
        .await,
    )
}
