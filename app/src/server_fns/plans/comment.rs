use crate::error::AppError;
use leptos::prelude::*;

/// A comment on one section of a plan, or on its figures, by the plan's owner or its mentor.
/// Admins read the threads but do not write in them.
#[server(name = CommentPlan, endpoint = "plans/comment")]
pub async fn comment_plan(
    plan: String,
    part: String,
    body: String,
    back: Option<String>,
) -> Result<(), AppError> {
    use crate::db::{mentoring, notifications::notify, plans, shared::audit};
    use crate::domain::accounts::role::Role;
    use crate::domain::mentoring::COMMENT_MAX;
    use crate::domain::notifications::event::Event;
    use crate::domain::plans::plan::Viewer;
    use crate::domain::plans::plan_text::Part;
    use crate::domain::shared::audit::AuditAction;
    use crate::domain::shared::problem::Field;
    use crate::domain::shared::text::FreeText;

    use crate::domain::plans::problem::PlansProblem;
    use crate::server_fns::{context, parse_id, redirect, require, respond};

    respond(
        async {
            let user = require(&[Role::Applicant, Role::Mentor]).await?;
            let id = parse_id(&plan)?;
            let mut tx = context()?.db.begin().await?;
            let (plan, viewer) = plans::visible(&mut tx, id, &user)
                .await?
                .ok_or(AppError::NotFound)?;
            if viewer == Viewer::Admin {
                return Err(AppError::Forbidden);
            }
            if plan.status.decided() {
                return Err(AppError::field(Field::Body, PlansProblem::PlanDecided));
            }
            let part = Part::from_code(&part)
                .ok_or(AppError::field(Field::Part, PlansProblem::PartUnknown))?;
            let body = FreeText::<COMMENT_MAX>::required(&body)
                .map_err(|problem| AppError::field(Field::Body, problem))?
                .into_string();
            let comment = mentoring::add_comment(&mut tx, id, part, user.id, &body).await?;
            audit::record(
                &mut tx,
                audit::Entry::new(Some(user.id), AuditAction::PlanCommented)
                    .subject("plan", id)
                    .details(serde_json::json!({ "part": part.code(), "comment": comment })),
            )
            .await?;
            // The other side of the plan is told: the mentor of the owner's comment, the owner
            // of the mentor's.
            let other = if user.id == plan.user_id {
                plan.mentor_id
            } else {
                Some(plan.user_id)
            };
            if let Some(other) = other {
                let event = Event::CommentAdded {
                    plan: id,
                    title: plan.title.clone(),
                };
                notify(&mut tx, other, &event).await?;
            }
            tx.commit().await?;
            redirect(&super::back_to(back.as_deref(), id, "commented"));
            Ok(())
        }
        .await,
    )
}
