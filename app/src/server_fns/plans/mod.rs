//! Business plans, started from a call the applicant is eligible for; the editor (sections,
//! figures, kept conflicts, versions). Mentoring and the committee build on these rows.

pub mod compare;
pub mod dismiss_conflict;
pub mod load;
pub mod mine;
pub mod preview;
pub mod save_figures;
pub mod save_section;
pub mod start;
#[cfg(feature = "ssr")]
mod view;

pub use compare::{compare_plan, ComparePlan};
pub use dismiss_conflict::{dismiss_conflict, DismissConflict};
pub use load::{load_plan, LoadPlan};
pub use mine::{my_plans, MyPlans};
pub use preview::{preview_section, PreviewSection};
pub use save_figures::{save_figures, SaveFigures};
pub use save_section::{save_section, SaveSection};
pub use start::{start_plan, StartPlan};

#[cfg(feature = "ssr")]
pub use ssr::*;

#[cfg(feature = "ssr")]
mod ssr {
    use crate::auth::SessionUser;
    use crate::db::plans::{visible, PlanHead};
    use crate::db::Tx;
    use crate::domain::plan::Viewer;
    use crate::domain::problem::{Field, Problem};
    use crate::domain::role::Role;
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
            Err(AppError::field(Field::Form, Problem::PlanNotEditable))
        }
    }
}
