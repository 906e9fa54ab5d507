use crate::error::AppError;
use crate::wire::plans::PlanComparison;
use leptos::prelude::*;

/// What changed between two versions of a plan, or a version and the current draft (`0` or
/// nothing: the draft). Without `from` and `to`, the last two versions (or the last version and
/// the draft when there is only one).
#[server(name = ComparePlan, endpoint = "plans/compare")]
pub async fn compare_plan(
    id: i64,
    from: Option<i32>,
    to: Option<i32>,
) -> Result<PlanComparison, AppError> {
    use crate::db::plans::plan_edits;
    use crate::domain::plans::plan_diff::diff;
    use crate::server_fns::{context, respond};

    respond(
        async {
            let user = super::require_reader().await?;
            let mut tx = context()?.db.read().await?;
            let (head, _) = super::visible_plan(&mut tx, id, &user).await?;
            let versions = plan_edits::versions(&mut tx, id).await?;
            let numbers: Vec<i32> = versions.iter().map(|v| v.number).collect();
            let (from, to) = pick(&numbers, from, to);
            let before = match from {
                Some(number) => state(&mut tx, id, number).await?,
                None => Default::default(),
            };
            let after = state(&mut tx, id, to).await?;
            tx.commit().await?;
            Ok(PlanComparison {
                id,
                title: head.title,
                reference: head.reference,
                from,
                to,
                versions,
                diff: diff(&before, &after),
            })
        }
        .await,
    )
}

/// The plan at version `number`, or the current draft for 0.
#[cfg(feature = "ssr")]
async fn state(
    tx: &mut crate::db::Tx,
    id: i64,
    number: i32,
) -> Result<crate::domain::plans::plan_text::PlanContent, AppError> {
    use crate::db::plans::{plan_content, plan_edits};
    if number == 0 {
        plan_content::current(tx, id).await
    } else {
        plan_edits::version(tx, id, number)
            .await?
            .ok_or(AppError::NotFound)
    }
}

/// Which two states to compare (0 is the draft): what was asked, else the last two versions,
/// else the only version and the draft. `from` is `None` only when there is no version at all
/// (then everything reads as added).
#[cfg(feature = "ssr")]
fn pick(numbers: &[i32], from: Option<i32>, to: Option<i32>) -> (Option<i32>, i32) {
    match (from, numbers) {
        (Some(f), _) => (Some(f), to.unwrap_or(0)),
        (None, [.., a, b]) => (Some(*a), *b),
        (None, [a]) => (Some(*a), 0),
        (None, []) => (None, 0),
    }
}
