use crate::error::AppError;
use crate::wire::mentoring::PlanActivity;
use leptos::prelude::*;

/// A plan's timeline, comment threads and session log, for its owner, its mentor or an admin;
/// anyone else gets "not found".
#[server(name = PlanActivityFn, endpoint = "plans/activity")]
pub async fn plan_activity(plan: String) -> Result<PlanActivity, AppError> {
    use crate::db::{mentoring, plans};
    use crate::domain::accounts::role::Role;
    use crate::domain::plans::plan::{PlanAction, Viewer};
    use crate::domain::shared::workflow::Workflow;
    use crate::server_fns::{context, parse_id, require, respond};
    use crate::wire::mentoring::{Happening, TimelineEntry};

    respond(
        async {
            let user = require(&[Role::Applicant, Role::Mentor, Role::Admin]).await?;
            let id = parse_id(&plan)?;
            let mut tx = context()?.db.read().await?;
            let (head, viewer) = plans::visible(&mut tx, id, &user)
                .await?
                .ok_or(AppError::NotFound)?;
            let mut timeline = mentoring::events(&mut tx, id).await?;
            if matches!(viewer, Viewer::Owner) {
                timeline = timeline
                    .into_iter()
                    .map(TimelineEntry::for_the_applicant)
                    .collect();
            }
            let comments = mentoring::comments(&mut tx, id).await?;
            let logged = mentoring::sessions(&mut tx, id).await?;
            let applicant = mentoring::name_of(&mut tx, head.user_id).await?;
            let mentor = match head.mentor_id {
                Some(mentor) => Some(mentoring::name_of(&mut tx, mentor).await?),
                None => None,
            };
            let started_on = started_on(&mut tx, id).await?;
            tx.commit().await?;
            timeline.extend(comments.iter().map(|c| TimelineEntry {
                at: c.at,
                actor: c.author.clone(),
                role: None,
                what: Happening::Comment { part: c.part },
            }));
            timeline.extend(logged.iter().map(|(s, at)| TimelineEntry {
                at: *at,
                actor: s.mentor.clone(),
                role: None,
                what: Happening::Session {
                    held_on: s.held_on,
                    minutes: s.minutes,
                },
            }));
            // Newest first; the sort is stable, so same-instant entries keep their order.
            timeline.reverse();
            timeline.sort_by_key(|entry| std::cmp::Reverse(entry.at));
            let actions = match super::acting_role(viewer) {
                Ok(role) => PlanAction::ALL
                    .into_iter()
                    .filter(|a| head.status.apply(*a, role, &()).is_ok())
                    .collect(),
                Err(_) => Vec::new(),
            };
            Ok(PlanActivity {
                plan: id,
                reference: head.reference,
                title: head.title,
                applicant,
                status: head.status,
                viewer,
                mentor,
                actions,
                timeline,
                comments,
                sessions: logged.into_iter().map(|(s, _)| s).collect(),
                started_on,
                today: crate::db::now().date(),
            })
        }
        .await,
    )
}

/// The day the plan was started (sessions cannot be logged before it).
#[cfg(feature = "ssr")]
pub(crate) async fn started_on(
    tx: &mut crate::db::Tx,
    plan_id: i64,
) -> Result<time::Date, AppError> {
    let created: time::OffsetDateTime = crate::on_conn!(tx, |conn| {
        sqlx::query_scalar("select created_at from plans where id = $1")
            .bind(plan_id)
            .fetch_one(conn)
            .await
    })?;
    Ok(created.date())
}
