use crate::error::AppError;
use crate::wire::committee::MemberCall;
use leptos::prelude::*;

/// The calls the signed-in member sits on, each session's agenda and where they stand on each
/// plan (to declare, recused, to score, scored) with the round's quorum progress.
#[server(name = CommitteeHomeFn, endpoint = "committee/home")]
pub async fn committee_home() -> Result<Vec<MemberCall>, AppError> {
    use crate::db::{catalogue::calls_admin, committee};
    use crate::domain::committee::{Quorum, ScoringFacts};
    use crate::domain::plans::plan::PlanStatus;
    use crate::server_fns::{context, respond};
    use crate::wire::committee::{MemberAgendaLine, MemberSession};

    respond(
        async {
            let user = super::require_member().await?;
            let mut tx = context()?.db.read().await?;
            let mut calls = Vec::new();
            for (call_id, reference, title, chair) in committee::calls_of(&mut tx, user.id).await? {
                let need = calls_admin::call(&mut tx, call_id)
                    .await?
                    .map_or(0, |(_, _, terms)| terms.quorum);
                let mut sessions = Vec::new();
                for (session, held_on, place) in
                    committee::sessions::sessions(&mut tx, call_id).await?
                {
                    let mut agenda = Vec::new();
                    for row in committee::sessions::agenda(&mut tx, session).await? {
                        let status =
                            PlanStatus::from_code(&row.status).ok_or(AppError::Internal)?;
                        let facts = ScoringFacts {
                            status,
                            conflicted: committee::sheets::declaration(
                                &mut tx,
                                row.plan_id,
                                user.id,
                            )
                            .await?,
                            coached: committee::sheets::coached(&mut tx, row.plan_id, user.id)
                                .await?,
                            scored: committee::sheets::has_scored(
                                &mut tx,
                                row.plan_id,
                                user.id,
                                row.round,
                            )
                            .await?,
                        };
                        agenda.push(MemberAgendaLine {
                            plan_id: row.plan_id,
                            status,
                            round: row.round,
                            standing: facts.standing(),
                            quorum: Quorum {
                                have: u8::try_from(row.sheets).unwrap_or(u8::MAX),
                                need,
                            },
                        });
                    }
                    sessions.push(MemberSession {
                        held_on,
                        place,
                        agenda,
                    });
                }
                calls.push(MemberCall {
                    call_id,
                    reference,
                    title,
                    chair,
                    sessions,
                });
            }
            tx.commit().await?;
            Ok(calls)
        }
        .await,
    )
}
