use crate::error::AppError;
use leptos::prelude::*;

/// How a section's text will read, rendered and sanitised on the server, without saving it.
/// Anyone who may read the plan may preview (a mentor drafting a suggestion too); the text is
/// held to the section's length limit.
#[server(name = PreviewSection, endpoint = "plans/preview")]
pub async fn preview_section(plan: String, body: String) -> Result<String, AppError> {
    use crate::domain::plans::plan_text::SectionText;
    use crate::markdown::to_safe_html;
    use crate::server_fns::{context, parse_id, respond};

    respond(
        async {
            let user = super::require_reader().await?;
            let plan_id = parse_id(&plan)?;
            let mut tx = context()?.db.read().await?;
            super::visible_plan(&mut tx, plan_id, &user).await?;
            tx.commit().await?;
            let text = SectionText::parse(&body).map_err(AppError::form)?;
            Ok(to_safe_html(text.as_str()))
        }
        .await,
    )
}
