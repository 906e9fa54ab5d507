use crate::error::AppError;
use leptos::prelude::*;

/// An admin gives a plan to a mentor. `expected` is the mentor the admin saw (empty for none):
/// if someone assigned the plan meanwhile, this is a conflict, not a silent overwrite.
#[server(name = AssignMentor, endpoint = "mentoring/assign_mentor")]
pub async fn assign_mentor(plan: String, mentor: String, expected: String) -> Result<(), AppError> {
    use crate::db::{mentoring, mentoring::mentor_desk, plans, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;

    use crate::domain::mentoring::problem::MentoringProblem;
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let admin = require(&[Role::Admin]).await?;
            let id = parse_id(&plan)?;
            let not_a_mentor = || AppError::field(Field::Mentor, MentoringProblem::NotAMentor);
            let mentor = parse_id(&mentor).map_err(|_| not_a_mentor())?;
            let expected = match expected.trim() {
                "" => None,
                text => Some(parse_id(text).map_err(|_| AppError::Conflict)?),
            };
            let mut tx = context()?.db.begin().await?;
            plans::head(&mut tx, id).await?.ok_or(AppError::NotFound)?;
            if !mentor_desk::is_mentor(&mut tx, mentor).await? {
                return Err(not_a_mentor());
            }
            if !mentor_desk::assign(&mut tx, id, mentor, expected).await? {
                return Err(AppError::Conflict);
            }
            mentoring::record_assignment(&mut tx, id, admin.id, mentor).await?;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(admin.id), AuditAction::MentorAssigned)
                    .subject("plan", id)
                    .details(serde_json::json!({ "mentor": mentor, "previous": expected })),
            )
            .await?;
            tx.commit().await?;
            redirect("/admin/mentoring?done=assigned");
            Ok(())
        }
        .await,
    )
}
