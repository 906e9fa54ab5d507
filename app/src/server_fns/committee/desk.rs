use crate::error::AppError;
use crate::wire::committee::CommitteeDesk;
use leptos::prelude::*;

/// A call's committee for the admin: members with the chair, review sessions with their agenda,
/// and the call's plans signed off and waiting for an agenda.
#[server(name = CommitteeDeskFn, endpoint = "committee/desk")]
pub async fn committee_desk(call: String) -> Result<CommitteeDesk, AppError> {
    use crate::db::{catalogue::calls_admin, committee};
    use crate::domain::accounts::role::Role;
    use crate::domain::plans::plan::PlanStatus;
    use crate::server_fns::{context, parse_id, require, respond};
    use crate::wire::committee::{AgendaPlan, SessionView};

    respond(
        async {
            require(&[Role::Admin]).await?;
            let call_id = parse_id(&call)?;
            let mut tx = context()?.db.read().await?;
            let (_, grant_call, terms) = calls_admin::call(&mut tx, call_id)
                .await?
                .ok_or(AppError::NotFound)?;
            let members = committee::members(&mut tx, call_id).await?;
            let mut sessions = Vec::new();
            for (id, held_on, place) in committee::sessions::sessions(&mut tx, call_id).await? {
                let agenda = committee::sessions::agenda(&mut tx, id)
                    .await?
                    .into_iter()
                    .map(|row| {
                        Ok(AgendaPlan {
                            plan_id: row.plan_id,
                            applicant: row.applicant,
                            status: PlanStatus::from_code(&row.status).ok_or(AppError::Internal)?,
                            round: row.round,
                            sheets: row.sheets,
                        })
                    })
                    .collect::<Result<Vec<_>, AppError>>()?;
                sessions.push(SessionView {
                    id,
                    held_on,
                    place,
                    agenda,
                });
            }
            let ready = committee::sessions::ready_plans(&mut tx, call_id).await?;
            tx.commit().await?;
            Ok(CommitteeDesk {
                call_id,
                reference: grant_call.reference,
                title: grant_call.title,
                quorum: terms.quorum,
                blind_review: terms.blind_review,
                members,
                sessions,
                ready,
            })
        }
        .await,
    )
}

/// The call's id if it exists (the committee functions act on existing calls only).
#[cfg(feature = "ssr")]
pub(crate) async fn existing_call(tx: &mut crate::db::Tx, call: &str) -> Result<i64, AppError> {
    let id = crate::server_fns::parse_id(call)?;
    crate::db::catalogue::call(tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(id)
}
