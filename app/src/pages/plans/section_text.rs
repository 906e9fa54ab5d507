//! The one part of a section's form that runs in the browser: the text box, which keeps a draft
//! on the phone, saves after a pause, previews and says how saving went (`autosave`). The rest
//! of the form is plain HTML; the words come as props, so the translations stay on the server.

use crate::components::form::textarea_text;
use crate::domain::plans::plan_text::{Section, SECTION_MAX};
use crate::pages::plans::autosave::{AutoStatus, Autosave};
use crate::pages::plans::labels::problems_id;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the island says, in the reader's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionTextLabels {
    pub save: String,
    pub preview: String,
    pub preview_title: String,
    pub saving: String,
    pub saved: String,
    pub offline: String,
    pub restored: String,
    pub conflict: String,
    pub refused: String,
}

impl SectionTextLabels {
    fn status(&self, status: AutoStatus) -> String {
        match status {
            AutoStatus::Saving => &self.saving,
            AutoStatus::Saved => &self.saved,
            AutoStatus::Offline => &self.offline,
            AutoStatus::Restored => &self.restored,
            AutoStatus::ConflictKept => &self.conflict,
            AutoStatus::Refused => &self.refused,
        }
        .clone()
    }
}

/// The section's text box, its status line, the Save button and (with JavaScript) Preview.
/// `invalid` marks the box when the last plain post refused this section.
#[island]
pub fn SectionText(
    plan_id: i64,
    section: Section,
    revision: i32,
    body: String,
    invalid: bool,
    labels: SectionTextLabels,
) -> impl IntoView {
    let code = section.code();
    let auto = Autosave::new(plan_id, section, revision, body.clone());
    // False on the server and until the island runs: Preview needs the browser.
    let running = RwSignal::new(false);
    Effect::new(move |_| running.set(true));
    let preview = RwSignal::new(None::<String>);
    let (save, preview_label, preview_title) = (
        labels.save.clone(),
        labels.preview.clone(),
        labels.preview_title.clone(),
    );
    let status = move || auto.status.get().map(|s| labels.status(s));
    view! {
        // A plain post names the revision the autosaves reached, not the page's first one.
        <input type="hidden" name="revision" value=revision prop:value=move || auto.revision.get() />
        // The browser stops typing at the limit, so a plain post is never refused (and its text
        // lost with the page) for length; the server checks it anyway.
        <textarea id=format!("body-{code}") name="body" rows=10 node_ref=auto.node
            maxlength=SECTION_MAX
            aria-describedby=problems_id(section)
            aria-invalid=if invalid { "true" } else { "false" }
            on:input=move |ev| auto.typed(event_target_value(&ev))>{textarea_text(&body)}</textarea>
        <p class="autosave" role="status" data-test="autosave">{status}</p>
        <button type="submit" data-test=format!("save-{code}")>{save}</button>
        <Show when=move || running.get()>
            <button type="button" class="secondary" data-test=format!("preview-{code}")
                on:click=move |_| auto.preview(preview)>{preview_label.clone()}</button>
        </Show>
        {move || preview.get().map(|html| view! {
            <div class="preview">
                <h3>{preview_title.clone()}</h3>
                // Sanitised by the server (`plans/preview`), like the saved text.
                <div class="rendered" data-test=format!("preview-output-{code}") inner_html=html></div>
            </div>
        })}
    }
}
