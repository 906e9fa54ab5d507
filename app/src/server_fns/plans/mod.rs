//! Business plans, started from a call the applicant is eligible for: the editor (sections,
//! figures, kept conflicts, versions), their steps (submit, changes, sign-off), comments and
//! activity. The committee builds on these rows.

pub mod activity;
pub mod comment;
pub mod compare;
pub mod dismiss_conflict;
pub mod load;
pub mod mine;
pub mod preview;
pub mod save_figures;
pub mod save_section;
pub mod start;
pub mod transition;
#[cfg(feature = "ssr")]
pub(crate) mod view;

pub use activity::{plan_activity, PlanActivityFn};
pub use comment::{comment_plan, CommentPlan};
pub use compare::{compare_plan, ComparePlan};
pub use dismiss_conflict::{dismiss_conflict, DismissConflict};
pub use load::{load_plan, LoadPlan};
pub use mine::{my_plans, MyPlans};
pub use preview::{preview_section, PreviewSection};
pub use save_figures::{save_figures, SaveFigures};
pub use save_section::{save_section, SaveSection};
pub use start::{start_plan, StartPlan};
pub use transition::{transition_plan, TransitionPlan};

/// The role someone acts in on a plan: the owner as its applicant, the mentor as its mentor.
/// Admins read plans but take no step on them.
#[cfg(feature = "ssr")]
pub(crate) fn acting_role(
    viewer: crate::domain::plans::plan::Viewer,
) -> Result<crate::domain::accounts::role::Role, crate::error::AppError> {
    use crate::domain::accounts::role::Role;
    use crate::domain::plans::plan::Viewer;
    match viewer {
        Viewer::Owner => Ok(Role::Applicant),
        Viewer::Mentor => Ok(Role::Mentor),
        Viewer::Admin => Err(crate::error::AppError::Forbidden),
    }
}

/// A plan is sent only when its checklist is met; otherwise every open point is named.
#[cfg(feature = "ssr")]
pub(crate) async fn require_complete(
    tx: &mut crate::db::Tx,
    head: &crate::db::plans::PlanHead,
) -> Result<(), crate::error::AppError> {
    use crate::domain::plans::plan_text::{checklist, ready_to_send};
    use crate::domain::plans::problem::PlansProblem;
    use crate::domain::problem::FieldProblem;
    use crate::domain::shared::problem::Field;
    let content = crate::db::plans::plan_content::current(tx, head.id).await?;
    let items = checklist(&content.written(), &content.figures, head.terms);
    if ready_to_send(&items) {
        return Ok(());
    }
    Err(crate::error::AppError::Validation(
        items
            .into_iter()
            .filter(|item| !item.done())
            .map(|item| FieldProblem::new(Field::Form, PlansProblem::PlanIncomplete { item }))
            .collect(),
    ))
}

/// Where a plain form goes back to after a change on plan `id`: the activity page when it was
/// posted from there, else the plan page.
#[cfg(feature = "ssr")]
pub(crate) fn back_to(back: Option<&str>, id: i64, saved: &str) -> String {
    let page = match back {
        Some("activity") => "activity",
        _ => "plan",
    };
    format!("/plans/{page}?id={id}&saved={saved}")
}

#[cfg(feature = "ssr")]
pub use ssr::*;

#[cfg(feature = "ssr")]
mod ssr {
    use crate::auth::SessionUser;
    use crate::db::plans::{visible, PlanHead};
    use crate::db::Tx;
    use crate::domain::accounts::role::Role;
    use crate::domain::plans::plan::Viewer;

    use crate::domain::plans::problem::PlansProblem;
    use crate::error::AppError;
    use crate::server_fns::require;

    /// Who may open a plan at all (each then only the plans they stand in: see `visible`).
    pub async fn require_reader() -> Result<SessionUser, AppError> {
        require(&[Role::Applicant, Role::Mentor, Role::Admin]).await
    }

    /// Only applicants write plans.
    pub async fn require_owner_role() -> Result<SessionUser, AppError> {
        require(&[Role::Applicant]).await
    }

    /// The plan if `user` may see it; a foreign or unknown id is "not found" alike.
    pub async fn visible_plan(
        tx: &mut Tx,
        id: i64,
        user: &SessionUser,
    ) -> Result<(PlanHead, Viewer), AppError> {
        visible(tx, id, user).await?.ok_or(AppError::NotFound)
    }

    /// The plan if it is `user`'s own (anyone else's is "not found").
    pub async fn owned_plan(
        tx: &mut Tx,
        id: i64,
        user: &SessionUser,
    ) -> Result<PlanHead, AppError> {
        match visible_plan(tx, id, user).await? {
            (head, Viewer::Owner) => Ok(head),
            _ => Err(AppError::NotFound),
        }
    }

    /// The plan if it is `user`'s own and their turn to edit it.
    pub async fn editable_plan(
        tx: &mut Tx,
        id: i64,
        user: &SessionUser,
    ) -> Result<PlanHead, AppError> {
        let head = owned_plan(tx, id, user).await?;
        if head.status.editable() {
            Ok(head)
        } else {
            Err(AppError::form(PlansProblem::PlanNotEditable))
        }
    }
}
