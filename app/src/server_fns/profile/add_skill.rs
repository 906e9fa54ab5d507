use crate::error::AppError;
use leptos::prelude::*;

/// Adds a skill from the taxonomy with a level and years of experience (or updates them when the
/// applicant already claims it).
#[server(endpoint = "profile/add_skill")]
pub async fn add_skill(skill: String, level: String, years: String) -> Result<(), AppError> {
    use crate::db::{audit, holdings};
    use crate::domain::audit::AuditAction;
    use crate::domain::holdings::{SkillForm, SKILLS_MAX};
    use crate::domain::problem::{Field, Problem};
    use crate::domain::role::Role;
    use crate::server_fns::profile::require_identity;
    use crate::server_fns::{context, redirect, require, respond};

    respond(
        async {
            let user = require(&[Role::Applicant]).await?;
            let claim = SkillForm {
                skill: &skill,
                level: &level,
                years: &years,
            }
            .parse()
            .map_err(AppError::Validation)?;
            let mut tx = context()?.db.begin().await?;
            require_identity(&mut tx, user.id).await?;
            let claimed =
                holdings::skills(&mut tx, user.id, crate::domain::locale::Lang::DEFAULT).await?;
            let is_new = !claimed.iter().any(|s| s.code == claim.skill.code());
            if is_new && claimed.len() >= SKILLS_MAX {
                return Err(AppError::field(
                    Field::Form,
                    Problem::TooManySkills { max: SKILLS_MAX },
                ));
            }
            holdings::put_skill(&mut tx, user.id, &claim).await?;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(user.id), AuditAction::ProfileUpdated)
                    .subject("user", user.id)
                    .details(serde_json::json!({ "step": "skills", "skill": claim.skill.code() })),
            )
            .await?;
            tx.commit().await?;
            redirect("/profile?saved=skills#skills");
            Ok(())
        }
        .await,
    )
}
