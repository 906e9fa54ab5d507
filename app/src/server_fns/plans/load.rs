use crate::error::AppError;
use crate::wire::plans::PlanView;
use leptos::prelude::*;

/// One plan as its page shows it to the signed-in viewer: the owner, the assigned mentor or an
/// admin. Anyone else, and an unknown id, get "not found".
#[server(name = LoadPlan, endpoint = "plans/load")]
pub async fn load_plan(id: i64) -> Result<PlanView, AppError> {
    use crate::db::plans::{plan_content, plan_edits};
    use crate::domain::plans::plan::Viewer;
    use crate::domain::plans::plan_figures::FiguresInput;
    use crate::server_fns::{context, respond};

    respond(
        async {
            let user = super::require_reader().await?;
            let mut tx = context()?.db.read().await?;
            let (head, viewer) = super::visible_plan(&mut tx, id, &user).await?;
            let saved = plan_content::sections(&mut tx, id).await?;
            let figures = plan_content::figures(&mut tx, id).await?;
            let versions = plan_edits::versions(&mut tx, id).await?;
            let conflicts = if viewer == Viewer::Owner {
                let mut kept = plan_edits::open_conflicts(&mut tx, id, user.id).await?;
                // Kept figures are stored as typed (JSON): shown as lines to copy from.
                for conflict in kept.iter_mut().filter(|c| c.part == "figures") {
                    if let Ok(input) = serde_json::from_str::<FiguresInput>(&conflict.body) {
                        conflict.body = input.readable();
                    }
                }
                kept
            } else {
                Vec::new()
            };
            tx.commit().await?;
            let mut view =
                super::view::plan_view(head, viewer, saved, figures, versions, conflicts);
            if view.editable {
                view.typed_figures = super::save_figures::refused(id).await;
            }
            Ok(view)
        }
        .await,
    )
}
