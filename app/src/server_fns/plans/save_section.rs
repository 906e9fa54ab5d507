use crate::error::AppError;
use crate::wire::plans::SectionSaved;
use leptos::prelude::*;

/// The owner saves one section over the revision they started from. If someone saved it first
/// (another tab, another phone), nothing is overwritten: their text is kept in
/// `plan_conflicts` (committed) and the answer is a conflict (409; a plain form is sent back to
/// the plan page, which shows the kept text next to the saved one).
#[server(name = SaveSection, endpoint = "plans/save_section")]
pub async fn save_section(
    plan: String,
    section: String,
    body: String,
    revision: String,
) -> Result<SectionSaved, AppError> {
    use crate::db::{plans::plan_edits, shared::audit};
    use crate::domain::plans::plan_text::{Section, SectionText};
    use crate::domain::shared::audit::AuditAction;

    use crate::markdown::to_safe_html;
    use crate::server_fns::{context, parse_id, redirect, respond, wants_html};

    respond(
        async {
            let user = super::require_owner_role().await?;
            let plan_id = parse_id(&plan)?;
            let section = Section::from_code(section.trim()).ok_or(AppError::NotFound)?;
            let revision: i32 = revision.trim().parse().map_err(|_| AppError::Conflict)?;
            let mut tx = context()?.db.begin().await?;
            let head = super::editable_plan(&mut tx, plan_id, &user).await?;
            let text = SectionText::parse(&body)
                .map_err(|problem| AppError::field(section.field(), problem))?;
            // Taken first, so a submission racing this save waits for it or refuses it.
            let touched = plan_edits::touch(&mut tx, plan_id, head.status).await?;
            let saved = if touched {
                plan_edits::save_section(
                    &mut tx,
                    plan_id,
                    section,
                    text.as_str(),
                    revision,
                    user.id,
                )
                .await?
            } else {
                None
            };
            let Some(new_revision) = saved else {
                if touched {
                    if let Some(done) = already_saved(&mut tx, plan_id, section, &text).await? {
                        tx.commit().await?;
                        return Ok(done);
                    }
                }
                let code = section.code();
                plan_edits::keep_conflict(&mut tx, plan_id, code, user.id, &body, revision).await?;
                tx.commit().await?;
                return Err(AppError::Conflict);
            };
            audit::record(
                &mut tx,
                audit::Entry::new(Some(user.id), AuditAction::PlanEdited)
                    .subject("plan", plan_id)
                    .details(serde_json::json!({
                        "part": section.code(),
                        "revision": new_revision,
                    })),
            )
            .await?;
            tx.commit().await?;
            if wants_html() {
                let code = section.code();
                redirect(&format!(
                    "/plans/plan?id={plan_id}&saved={code}#section-{code}"
                ));
            }
            Ok(SectionSaved {
                revision: new_revision,
                html: to_safe_html(text.as_str()),
            })
        }
        .await,
    )
}

/// The section as saved, when it already holds `text`: a retry whose first answer was lost, or
/// the form and the autosave sending together, is not a conflict.
#[cfg(feature = "ssr")]
async fn already_saved(
    tx: &mut crate::db::Tx,
    plan_id: i64,
    section: crate::domain::plans::plan_text::Section,
    text: &crate::domain::plans::plan_text::SectionText,
) -> Result<Option<SectionSaved>, AppError> {
    let current = crate::db::plans::plan_edits::section(tx, plan_id, section).await?;
    Ok(current
        .filter(|(current, _)| current == text.as_str())
        .map(|(current, at)| SectionSaved {
            revision: at,
            html: crate::markdown::to_safe_html(&current),
        }))
}
