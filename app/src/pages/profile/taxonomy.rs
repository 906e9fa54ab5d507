//! The skills taxonomy, searchable in French, English or Arabic. Without JavaScript it is a plain
//! GET form; with it, results follow the typing.

use crate::domain::shared::reference::Sector;
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::problem::{problem_text, FormProblems};
use crate::pages::sector_name;
use crate::server_fns::profile::search_skills;
use crate::server_fns::profile::search_skills::QUERY_MAX_CHARS;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

#[component]
pub fn SkillsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let q = move || query.with(|m| m.get("q").unwrap_or_default());
    let sector = move || query.with(|m| m.get("sector").filter(|s| !s.is_empty()));
    let results = Resource::new(
        move || (q(), sector(), i18n.get_locale().as_str()),
        |(q, sector, lang)| search_skills(q, sector, lang.to_owned()),
    );
    let navigate = use_navigate();
    // With JavaScript, each keystroke replaces the address (and so the results) in place.
    let on_input = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        let mut path = format!("/skills?q={}", urlencode(&typed));
        if let Some(sector) = sector() {
            path.push_str(&format!("&sector={}", urlencode(&sector)));
        }
        navigate(
            &path,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    view! {
        <Title text=move || t_string!(i18n, skills.title).to_string() />
        <h1>{t!(i18n, skills.title)}</h1>
        <p class="lead">{t!(i18n, skills.lead)}</p>
        <form method="get" action="/skills" class="form search" role="search">
            <div class="field">
                <label for="skill-query">{t!(i18n, skills.search_label)}</label>
                <input id="skill-query" name="q" type="search" autocomplete="off"
                    maxlength=QUERY_MAX_CHARS prop:value=q on:input=on_input
                    data-test="skill-query" />
            </div>
            {move || sector().map(|s| view! { <input type="hidden" name="sector" value=s /> })}
            <button type="submit">{t!(i18n, skills.search)}</button>
        </form>
        <SectorLinks current=Signal::derive(sector) />
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
                                .map(|group| view! { <Occupation group /> })
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
    }
}

/// One occupation of the taxonomy and its skills.
#[component]
fn Occupation(group: crate::wire::profile::OccupationSkills) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card">
            <h2>{group.occupation}</h2>
            <p class="note">
                {sector_name(i18n, group.sector)}
                " · ISCO-08 " <bdi>{group.isco}</bdi>
            </p>
            <ul>
                {group.skills.into_iter().map(|s| view! {
                    <li data-skill=s.code>{s.label}</li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn SectorLinks(current: Signal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="sectors" aria-label=move || t_string!(i18n, skills.by_sector).to_string()>
            <ul>
                {Sector::ALL.into_iter().map(|sector| {
                    let href = format!("/skills?sector={}", sector.code());
                    let here = move || {
                        (current.get().as_deref() == Some(sector.code())).then_some("page")
                    };
                    view! {
                        <li><A href=href attr:aria-current=here>{sector_name(i18n, sector)}</A></li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// Percent-encodes a query value (everything but unreserved ASCII).
fn urlencode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}
