use crate::error::AppError;
use leptos::prelude::*;

/// Adds a paper the applicant holds. The expiry comes as three small fields and may be left
/// empty for papers without one; an expired paper is refused with a message saying so.
#[server(endpoint = "profile/add_document")]
pub async fn add_document(
    kind: String,
    number: String,
    expires_day: String,
    expires_month: String,
    expires_year: String,
    applicant: Option<i64>,
) -> Result<(), AppError> {
    use crate::db::{profile::holdings, shared::audit};
    use crate::domain::profile::holdings::{DocumentForm, DOCUMENTS_MAX};
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;

    use crate::domain::profile::problem::ProfileProblem;
    use crate::server_fns::profile::require_identity;
    use crate::server_fns::profile::{subject::Subject, subject::EDITORS};
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let me = require(EDITORS).await?;
            let new = DocumentForm {
                kind: &kind,
                number: &number,
                expires_day: &expires_day,
                expires_month: &expires_month,
                expires_year: &expires_year,
            }
            .parse(crate::db::now().date())
            .map_err(AppError::Validation)?;
            let mut tx = context()?.db.begin().await?;
            let subject = Subject::resolve(&mut tx, &me, applicant).await?;
            require_identity(&mut tx, subject.id).await?;
            if holdings::count_documents(&mut tx, subject.id).await? >= DOCUMENTS_MAX {
                return Err(AppError::field(
                    Field::Form,
                    ProfileProblem::TooManyDocuments { max: DOCUMENTS_MAX },
                ));
            }
            let id = holdings::add_document(&mut tx, subject.id, &new).await?;
            audit::record(
                &mut tx,
                subject
                    .entry(AuditAction::ProfileUpdated)
                    .details(serde_json::json!({ "step": "documents", "added": id })),
            )
            .await?;
            tx.commit().await?;
            redirect(&subject.page("saved=documents#documents"));
            Ok(())
        }
        .await,
    )
}
