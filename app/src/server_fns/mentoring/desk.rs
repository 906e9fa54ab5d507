use crate::error::AppError;
use crate::wire::mentoring::MentoringDesk;
use leptos::prelude::*;

/// The plans still in play with their mentor (those without one first), the mentors, and for
/// each plan the mentors ranked by `domain::mentoring::suggest`, each with its reasons.
#[server(name = MentoringDeskFn, endpoint = "mentoring/desk")]
pub async fn mentoring_desk() -> Result<MentoringDesk, AppError> {
    use crate::db::mentoring::mentor_desk;
    use crate::domain::accounts::role::Role;
    use crate::domain::mentoring::{suggest, MentorFit};
    use crate::server_fns::{context, require, respond};
    use crate::wire::mentoring::DeskPlan;

    respond(
        async {
            require(&[Role::Admin]).await?;
            let mut tx = context()?.db.read().await?;
            let mentors = mentor_desk::mentors(&mut tx).await?;
            let entries = mentor_desk::desk(&mut tx).await?;
            tx.commit().await?;
            let fits: Vec<MentorFit> = mentors.iter().map(MentorFit::from).collect();
            let plans = entries
                .into_iter()
                .map(|entry| DeskPlan {
                    plan: entry.id,
                    applicant: entry.applicant,
                    reference: entry.reference,
                    title: entry.title,
                    status: entry.status,
                    mentor: entry.mentor,
                    suggestions: suggest(&entry.needs, &fits),
                })
                .collect();
            Ok(MentoringDesk { plans, mentors })
        }
        .await,
    )
}
