use crate::error::AppError;
use leptos::prelude::*;

/// Adds a job to the work history. Months come as two small fields each; `ongoing` is a
/// checkbox (absent when unticked) that replaces the end month. At most `JOBS_MAX` jobs.
// One argument per form field: that is what a plain HTML form posts.
#[allow(clippy::too_many_arguments)]
#[server(endpoint = "profile/add_work")]
pub async fn add_work(
    title: String,
    employer: String,
    country: String,
    town: String,
    from_month: String,
    from_year: String,
    to_month: String,
    to_year: String,
    ongoing: Option<String>,
    description: String,
    applicant: Option<i64>,
) -> Result<(), AppError> {
    use crate::db::{profile::work, shared::audit};
    use crate::domain::profile::work::{JobForm, JOBS_MAX};
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;

    use crate::domain::profile::problem::ProfileProblem;
    use crate::server_fns::profile::require_identity;
    use crate::server_fns::profile::{subject::Subject, subject::EDITORS};
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let me = require(EDITORS).await?;
            let job = JobForm {
                title: &title,
                employer: &employer,
                country: &country,
                town: &town,
                from_month: &from_month,
                from_year: &from_year,
                to_month: &to_month,
                to_year: &to_year,
                ongoing: ongoing.is_some(),
                description: &description,
            }
            .parse(crate::db::now().date())
            .map_err(AppError::Validation)?;
            let mut tx = context()?.db.begin().await?;
            let subject = Subject::resolve(&mut tx, &me, applicant).await?;
            require_identity(&mut tx, subject.id).await?;
            if work::count_jobs(&mut tx, subject.id).await? >= JOBS_MAX {
                return Err(AppError::field(
                    Field::Form,
                    ProfileProblem::TooManyJobs { max: JOBS_MAX },
                ));
            }
            let id = work::add_job(&mut tx, subject.id, &job).await?;
            audit::record(
                &mut tx,
                subject
                    .entry(AuditAction::ProfileUpdated)
                    .details(serde_json::json!({ "step": "work", "added": id })),
            )
            .await?;
            tx.commit().await?;
            redirect(&subject.page("saved=work#work"));
            Ok(())
        }
        .await,
    )
}
