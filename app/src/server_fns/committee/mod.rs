//! The grant committee. The admin's desk: members, chair, review sessions and their agenda.
//! The member's side: their calls and agendas, one plan's review, their conflict declaration
//! and their score sheet (a member sees only plans on an agenda of a call whose committee they
//! sit on; anything else is "not found"). The decision, by the chair or their deputy.

pub mod add_member;
pub mod create_session;
pub mod decide;
pub mod declare;
pub mod desk;
pub mod home;
pub mod put_on_agenda;
pub mod remove_member;
pub mod review;
pub mod score;
pub mod set_chair;

pub use add_member::{add_committee_member, AddCommitteeMember};
pub use create_session::{create_review_session, CreateReviewSession};
pub use decide::*;
pub use declare::{declare_conflict, DeclareConflict};
pub use desk::{committee_desk, CommitteeDeskFn};
pub use home::{committee_home, CommitteeHomeFn};
pub use put_on_agenda::{put_on_agenda, PutOnAgenda};
pub use remove_member::{remove_committee_member, RemoveCommitteeMember};
pub use review::{review_plan, ReviewPlan};
pub use score::{score_plan, ScorePlan};
pub use set_chair::{set_committee_chair, SetCommitteeChair};

#[cfg(feature = "ssr")]
pub use ssr::*;

#[cfg(feature = "ssr")]
mod ssr {
    use crate::auth::SessionUser;
    use crate::db::plans::PlanHead;
    use crate::db::{catalogue::calls_admin, committee, plans, Tx};
    use crate::domain::accounts::role::Role;
    use crate::domain::catalogue::grant_terms::CallTerms;
    use crate::domain::catalogue::GrantCall;
    use crate::domain::committee::problem::CommitteeProblem;
    use crate::domain::committee::ScoringFacts;
    use crate::error::AppError;
    use crate::server_fns::require;

    pub async fn require_member() -> Result<SessionUser, AppError> {
        require(&[Role::Committee]).await
    }

    /// A plan as its call's committee may open it: on an agenda of a call `user` sits on.
    pub struct MemberPlan {
        pub head: PlanHead,
        pub call: GrantCall,
        pub terms: CallTerms,
        pub round: i32,
    }

    /// The plan if `user` sits on its call's committee and it was put on an agenda; any other
    /// plan, or an unknown id, is "not found" alike.
    pub async fn member_plan(
        tx: &mut Tx,
        id: i64,
        user: &SessionUser,
    ) -> Result<MemberPlan, AppError> {
        let head = plans::head(tx, id).await?.ok_or(AppError::NotFound)?;
        if !committee::is_member(tx, head.call_id, user.id).await?
            || !committee::sessions::on_an_agenda(tx, id).await?
        {
            return Err(AppError::NotFound);
        }
        let (_, call, terms) = calls_admin::call(tx, head.call_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let round = committee::sessions::review_round(tx, id).await?;
        Ok(MemberPlan {
            head,
            call,
            terms,
            round,
        })
    }

    /// Whether `user` leads the call's committee (chair or deputy), and whether they may record
    /// the decision on the plan now, or why not (`domain::committee::decider`).
    pub async fn decider(
        tx: &mut Tx,
        plan_id: i64,
        call_id: i64,
        user: i64,
    ) -> Result<(bool, Result<(), CommitteeProblem>), AppError> {
        use crate::domain::committee::decider::{may_decide, DeciderFacts, Seat};
        let leads = committee::leads(tx, call_id).await?;
        let seat = if leads.chair == Some(user) {
            Seat::Chair
        } else if leads.deputy == Some(user) {
            Seat::Deputy
        } else {
            Seat::Member
        };
        let chair_kept_out = match leads.chair {
            None => true,
            Some(chair) => {
                committee::sheets::declaration(tx, plan_id, chair).await? == Some(true)
                    || committee::sheets::coached(tx, plan_id, chair).await?
            }
        };
        let facts = DeciderFacts {
            seat,
            conflicted: committee::sheets::declaration(tx, plan_id, user).await?,
            coached: committee::sheets::coached(tx, plan_id, user).await?,
            chair_kept_out,
            deputy_named: leads.deputy.is_some(),
        };
        Ok((seat != Seat::Member, may_decide(facts)))
    }

    /// What decides whether `member` may score the plan in its current round.
    pub async fn scoring_facts(
        tx: &mut Tx,
        plan: &MemberPlan,
        member: i64,
    ) -> Result<ScoringFacts, AppError> {
        let id = plan.head.id;
        Ok(ScoringFacts {
            status: plan.head.status,
            conflicted: committee::sheets::declaration(tx, id, member).await?,
            coached: committee::sheets::coached(tx, id, member).await?,
            scored: committee::sheets::has_scored(tx, id, member, plan.round).await?,
        })
    }
}
