use crate::error::AppError;
use leptos::prelude::*;

/// Adds a skill from the taxonomy with a level and years of experience (or updates them when the
/// applicant already claims it).
#[server(endpoint = "profile/add_skill")]
pub async fn add_skill(
    skill: String,
    level: String,
    years: String,
    applicant: Option<i64>,
) -> Result<(), AppError> {
    use crate::db::{profile::holdings, shared::audit};
    use crate::domain::profile::holdings::{SkillForm, SKILLS_MAX};
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;

    use crate::domain::profile::problem::ProfileProblem;
    use crate::server_fns::profile::require_identity;
    use crate::server_fns::profile::{subject::Subject, subject::EDITORS};
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let me = require(EDITORS).await?;
            let claim = SkillForm {
                skill: &skill,
                level: &level,
                years: &years,
            }
            .parse()
            .map_err(AppError::Validation)?;
            let mut tx = context()?.db.begin().await?;
            let subject = Subject::resolve(&mut tx, &me, applicant).await?;
            require_identity(&mut tx, subject.id).await?;
            let claimed = holdings::skills(
                &mut tx,
                subject.id,
                crate::domain::shared::locale::Lang::DEFAULT,
            )
            .await?;
            let is_new = !claimed.iter().any(|s| s.code == claim.skill.code());
            if is_new && claimed.len() >= SKILLS_MAX {
                return Err(AppError::field(
                    Field::Form,
                    ProfileProblem::TooManySkills { max: SKILLS_MAX },
                ));
            }
            holdings::put_skill(&mut tx, subject.id, &claim).await?;
            audit::record(
                &mut tx,
                subject
                    .entry(AuditAction::ProfileUpdated)
                    .details(serde_json::json!({ "step": "skills", "skill": claim.skill.code() })),
            )
            .await?;
            tx.commit().await?;
            redirect(&subject.page("saved=skills#skills"));
            Ok(())
        }
        .await,
    )
}
