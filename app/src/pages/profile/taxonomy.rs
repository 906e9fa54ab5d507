//! The skills taxonomy, searchable in French, English or Arabic. Without JavaScript it is a plain
//! GET form; with it, results follow the typing (`skill_search`, the page's island).

use crate::components::page_data::page_data;
use crate::domain::shared::reference::Sector;
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::problem::{problem_text, FormProblems};
use crate::pages::profile::skill_search::{Occupation, SkillSearch, SkillSearchLabels};
use crate::pages::sector_name;
use crate::server_fns::profile::search_skills;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SkillsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let q = move || query.with(|m| m.get("q").unwrap_or_default());
    let sector = move || query.with(|m| m.get("sector").filter(|s| !s.is_empty()));
    let lang = i18n.get_locale_untracked().as_str().to_owned();
    let results = page_data(
        move || (q(), sector()),
        move |(q, sector)| search_skills(q, sector, lang.clone()),
    );
    let labels = SkillSearchLabels {
        search_label: t_string!(i18n, skills.search_label).to_string(),
        search: t_string!(i18n, skills.search).to_string(),
        none_found: t_string!(i18n, skills.none_found).to_string(),
        failed: t_string!(i18n, skills.search_failed).to_string(),
        sectors: Sector::ALL
            .into_iter()
            .map(|s| (s, sector_name(i18n, s)))
            .collect(),
    };
    view! {
        <Title text=move || t_string!(i18n, skills.title).to_string() />
        <h1>{t!(i18n, skills.title)}</h1>
        <p class="lead">{t!(i18n, skills.lead)}</p>
        <SectorLinks current=sector() />
        <SkillSearch q=q() sector=sector() lang=i18n.get_locale_untracked().as_str().to_owned() labels>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let searching = !q().trim().is_empty() || sector().is_some();
                    match results.await {
                        Ok(groups) if groups.is_empty() && searching => view! {
                            <p class="note" data-test="no-skills">{t!(i18n, skills.none_found)}</p>
                        }.into_any(),
                        Ok(groups) => view! {
                            <div class="skill-groups" data-test="skill-results">
                                {groups
                                    .into_iter()
                                    .map(|group| {
                                        let sector = sector_name(i18n, group.sector);
                                        view! { <Occupation group sector /> }
                                    })
                                    .collect_view()}
                            </div>
                        }.into_any(),
                        // The search's own problems (a too long query, an unknown sector) are
                        // told as they are, not as "correct the fields below".
                        Err(AppError::Validation(problems)) => view! {
                            <div class="form-problems" role="alert" data-test="form-problems">
                                {problems.into_iter().map(|p| view! {
                                    <p>{problem_text(i18n, p.problem)}</p>
                                }).collect_view()}
                            </div>
                        }.into_any(),
                        Err(error) => view! {
                            <FormProblems error=Signal::derive(move || Some(error.clone())) />
                        }.into_any(),
                    }
                })}
            </Suspense>
        </SkillSearch>
    }
}

#[component]
fn SectorLinks(current: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="sectors" aria-label=move || t_string!(i18n, skills.by_sector).to_string()>
            <ul>
                {Sector::ALL.into_iter().map(|sector| {
                    let href = format!("/skills?sector={}", sector.code());
                    let here = (current.as_deref() == Some(sector.code())).then_some("page");
                    view! {
                        <li><A href=href attr:aria-current=here>{sector_name(i18n, sector)}</A></li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}
