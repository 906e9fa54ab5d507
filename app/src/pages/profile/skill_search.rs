//! The skills page's search box, the one part of the page that runs in the browser: results
//! follow the typing (after a short pause), and the address follows too, so a reload or a
//! shared link shows the same results. Without JavaScript it is the plain GET form around it,
//! and the server-rendered results (the island's children) are all there is.

use crate::domain::shared::reference::Sector;
use crate::server_fns::profile::search_skills::QUERY_MAX_CHARS;
use crate::wire::profile::OccupationSkills;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the island says, in the reader's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkillSearchLabels {
    pub search_label: String,
    pub search: String,
    pub none_found: String,
    pub failed: String,
    pub sectors: Vec<(Sector, String)>,
}

impl SkillSearchLabels {
    fn sector(&self, sector: Sector) -> String {
        self.sectors
            .iter()
            .find(|(s, _)| *s == sector)
            .map(|(_, name)| name.clone())
            .unwrap_or_default()
    }
}

/// What the island shows in place of the server's results once the reader has typed.
#[derive(Clone)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum Found {
    /// The answer, and whether anything was asked (an emptied box lists nothing, silently).
    Groups(Vec<OccupationSkills>, bool),
    Failed,
}

/// The search form (query, sector kept) and, below it, the results: the server's (`children`)
/// until the reader types, then the island's own.
#[island]
pub fn SkillSearch(
    q: String,
    sector: Option<String>,
    lang: String,
    labels: SkillSearchLabels,
    children: Children,
) -> impl IntoView {
    let found = RwSignal::new(None::<Found>);
    let latest = StoredValue::new(q.clone());
    let search_sector = sector.clone();
    let on_input = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        latest.set_value(typed.clone());
        let (sector, lang) = (search_sector.clone(), lang.clone());
        set_timeout(
            move || {
                // Only the last keystroke's pause searches.
                if latest.with_value(|l| *l == typed) {
                    search(typed, sector, lang, latest, found);
                }
            },
            std::time::Duration::from_millis(250),
        );
    };
    let labels = StoredValue::new(labels);
    view! {
        <form method="get" action="/skills" class="form search" role="search">
            <div class="field">
                <label for="skill-query">{labels.with_value(|l| l.search_label.clone())}</label>
                <input id="skill-query" name="q" type="search" autocomplete="off"
                    maxlength=QUERY_MAX_CHARS value=q on:input=on_input
                    data-test="skill-query" />
            </div>
            {sector.map(|s| view! { <input type="hidden" name="sector" value=s /> })}
            <button type="submit">{labels.with_value(|l| l.search.clone())}</button>
        </form>
        <div hidden=move || found.with(Option::is_some)>{children()}</div>
        {move || found.get().map(|found| view! { <Results found labels /> })}
    }
}

/// Asks the server, then shows the answer if nothing newer was typed meanwhile.
fn search(
    typed: String,
    sector: Option<String>,
    lang: String,
    latest: StoredValue<String>,
    found: RwSignal<Option<Found>>,
) {
    #[cfg(feature = "hydrate")]
    {
        use crate::server_fns::profile::search_skills;
        leptos::task::spawn_local(async move {
            let answer = search_skills(typed.clone(), sector.clone(), lang).await;
            if latest.with_value(|l| *l != typed) {
                return;
            }
            keep_in_address(&typed, sector.as_deref());
            let asked = !typed.trim().is_empty() || sector.is_some();
            found.set(Some(match answer {
                Ok(groups) => Found::Groups(groups, asked),
                Err(_) => Found::Failed,
            }));
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (typed, sector, lang, latest, found);
}

/// `/skills?q=…&sector=…` in the address bar, without a new history entry per keystroke.
#[cfg(feature = "hydrate")]
fn keep_in_address(typed: &str, sector: Option<&str>) {
    let Ok(query) = web_sys::UrlSearchParams::new() else {
        return;
    };
    query.append("q", typed);
    if let Some(sector) = sector {
        query.append("sector", sector);
    }
    let path = format!("/skills?{}", String::from(query.to_string()));
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
}

#[component]
fn Results(found: Found, labels: StoredValue<SkillSearchLabels>) -> impl IntoView {
    match found {
        Found::Failed => view! {
            <p class="note" role="status" data-test="search-failed">
                {labels.with_value(|l| l.failed.clone())}
            </p>
        }
        .into_any(),
        Found::Groups(groups, false) if groups.is_empty() => ().into_any(),
        Found::Groups(groups, _) if groups.is_empty() => view! {
            <p class="note" data-test="no-skills">{labels.with_value(|l| l.none_found.clone())}</p>
        }
        .into_any(),
        Found::Groups(groups, _) => view! {
            <div class="skill-groups" data-test="skill-results">
                {groups.into_iter().map(|group| {
                    let sector = labels.with_value(|l| l.sector(group.sector));
                    view! { <Occupation group sector /> }
                }).collect_view()}
            </div>
        }
        .into_any(),
    }
}

/// One occupation of the taxonomy and its skills (the server's results read the same).
#[component]
pub fn Occupation(group: OccupationSkills, sector: String) -> impl IntoView {
    view! {
        <section class="card">
            <h2>{group.occupation}</h2>
            <p class="note">{sector} " · ISCO-08 " <bdi>{group.isco}</bdi></p>
            <ul>
                {group.skills.into_iter().map(|s| view! {
                    <li data-skill=s.code>{s.label}</li>
                }).collect_view()}
            </ul>
        </section>
    }
}
