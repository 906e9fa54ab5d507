//! With JavaScript on, a section's text is never only in the page: every keystroke is kept in
//! the phone's `localStorage` (with the revision it started from), sent after a pause, sent
//! again when the connection comes back, and restored on the next visit if it never reached the
//! server. A draft from an older revision is sent as is, so the server keeps it as a conflict
//! rather than it being lost. Without JavaScript none of this runs: the form posts.

use crate::domain::plans::plan_text::Section;
use leptos::html::Textarea;
use leptos::prelude::*;

/// What the status line under a section says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AutoStatus {
    Saving,
    Saved,
    /// Kept on the phone; sent when the connection is back.
    Offline,
    /// A draft left on the phone was put back in the form (and sent).
    Restored,
    /// Someone saved first: the server kept this text as a conflict.
    ConflictKept,
    /// The server refused the text (too long…): it stays on the phone and in the form.
    Refused,
}

/// One section's autosave state, owned by its island (`section_text::SectionText`).
#[derive(Clone, Copy)]
pub struct Autosave {
    pub plan_id: i64,
    pub section: Section,
    /// The revision the next save names.
    pub revision: RwSignal<i32>,
    pub status: RwSignal<Option<AutoStatus>>,
    pub node: NodeRef<Textarea>,
    // Read by the browser half only.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    saved_body: StoredValue<String>,
}

impl Autosave {
    pub fn new(plan_id: i64, section: Section, revision: i32, body: String) -> Autosave {
        let auto = Autosave {
            plan_id,
            section,
            revision: RwSignal::new(revision),
            status: RwSignal::new(None),
            node: NodeRef::new(),
            saved_body: StoredValue::new(body),
        };
        #[cfg(feature = "hydrate")]
        browser::start(auto);
        auto
    }

    /// The applicant typed: keep the text on the phone, send it after a pause.
    pub fn typed(self, text: String) {
        #[cfg(feature = "hydrate")]
        browser::typed(self, text);
        #[cfg(not(feature = "hydrate"))]
        let _ = text;
    }

    /// Shows how the text in the form will read, without saving it.
    pub fn preview(self, into: RwSignal<Option<String>>) {
        #[cfg(feature = "hydrate")]
        browser::preview(self, into);
        #[cfg(not(feature = "hydrate"))]
        let _ = into;
    }
}

/// The id of the element showing how a section's saved text reads (rendered by the server,
/// refreshed by the island after each autosave).
pub fn rendered_id(section: Section) -> String {
    format!("rendered-{}", section.code())
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::{AutoStatus, Autosave};
    use crate::error::AppError;
    use crate::server_fns::plans::{preview_section, save_section};
    use leptos::prelude::*;
    use leptos::task::spawn_local;
    use std::time::Duration;

    /// How long typing must pause before the text is sent.
    const PAUSE: Duration = Duration::from_secs(3);

    fn storage() -> Option<web_sys::Storage> {
        window().local_storage().ok().flatten()
    }

    fn key(auto: Autosave) -> String {
        format!("passerelle.plan.{}.{}", auto.plan_id, auto.section.code())
    }

    /// Stored as "<base revision>\n<text>".
    fn keep(auto: Autosave, base: i32, text: &str) {
        if let Some(storage) = storage() {
            let _ = storage.set_item(&key(auto), &format!("{base}\n{text}"));
        }
    }

    fn kept(auto: Autosave) -> Option<(i32, String)> {
        let value = storage()?.get_item(&key(auto)).ok().flatten()?;
        let (base, text) = value.split_once('\n')?;
        Some((base.parse().ok()?, text.to_owned()))
    }

    fn forget(auto: Autosave) {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(&key(auto));
        }
    }

    pub fn start(auto: Autosave) {
        Effect::new(move |_| restore(auto));
        let online = window_event_listener(leptos::ev::online, move |_| {
            if let Some((base, text)) = kept(auto) {
                send(auto, base, text);
            }
        });
        on_cleanup(move || online.remove());
    }

    /// A draft left on the phone that the server does not have goes back in the form and is
    /// sent (from its own base revision: if that is old, the server keeps it as a conflict).
    /// A draft the server already holds (the Save button posted it) is simply forgotten.
    fn restore(auto: Autosave) {
        let Some((base, text)) = kept(auto) else {
            return;
        };
        if auto.saved_body.with_value(|saved| same_text(saved, &text)) {
            forget(auto);
            return;
        }
        if base == auto.revision.get_untracked() {
            if let Some(area) = auto.node.get_untracked() {
                area.set_value(&text);
            }
        }
        auto.status.set(Some(AutoStatus::Restored));
        send(auto, base, text);
    }

    /// Equal but for what a form post changes (line endings) and the server trims.
    fn same_text(saved: &str, draft: &str) -> bool {
        let plain = |text: &str| text.replace("\r\n", "\n").trim().to_owned();
        plain(saved) == plain(draft)
    }

    pub fn typed(auto: Autosave, text: String) {
        let base = auto.revision.get_untracked();
        keep(auto, base, &text);
        set_timeout(
            move || {
                // Only the last keystroke's timer sends: the text must not have changed since.
                if kept(auto).is_some_and(|(b, t)| b == base && t == text) {
                    send(auto, base, text);
                }
            },
            PAUSE,
        );
    }

    fn send(auto: Autosave, base: i32, text: String) {
        auto.status.set(Some(AutoStatus::Saving));
        let plan = auto.plan_id.to_string();
        let section = auto.section.code().to_owned();
        spawn_local(async move {
            let result = save_section(plan, section, text.clone(), base.to_string()).await;
            match result {
                Ok(saved) => {
                    // Typing may have gone on meanwhile: forget only what was sent.
                    if kept(auto).is_some_and(|(_, t)| t == text) {
                        forget(auto);
                    } else if let Some((_, newer)) = kept(auto) {
                        keep(auto, saved.revision, &newer);
                    }
                    auto.revision.set(saved.revision);
                    auto.saved_body.set_value(text);
                    show_rendered(auto, &saved.html);
                    auto.status.set(Some(AutoStatus::Saved));
                }
                Err(AppError::Conflict) => {
                    forget(auto);
                    auto.status.set(Some(AutoStatus::ConflictKept));
                }
                Err(AppError::Validation(_) | AppError::NotFound | AppError::Forbidden) => {
                    auto.status.set(Some(AutoStatus::Refused));
                }
                Err(_) => auto.status.set(Some(AutoStatus::Offline)),
            }
        });
    }

    /// "How it reads" follows the saved text (sanitised by the server, like the whole page).
    fn show_rendered(auto: Autosave, html: &str) {
        let Some(rendered) = document().get_element_by_id(&super::rendered_id(auto.section)) else {
            return;
        };
        rendered.set_inner_html(html);
        if let Some(block) = rendered.parent_element() {
            let _ = block.remove_attribute("hidden");
        }
    }

    pub fn preview(auto: Autosave, into: RwSignal<Option<String>>) {
        let Some(area) = auto.node.get_untracked() else {
            return;
        };
        let text = area.value();
        let plan = auto.plan_id.to_string();
        spawn_local(async move {
            if let Ok(html) = preview_section(plan, text).await {
                into.set(Some(html));
            }
        });
    }
}
