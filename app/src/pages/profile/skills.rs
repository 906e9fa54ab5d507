use super::labels::level_name;
use crate::components::form::last_error;
use crate::components::page_data::page_data;
use crate::domain::profile::holdings::YEARS_MAX;
use crate::domain::profile::SkillLevel;
use crate::i18n::*;
use crate::pages::problem::FormProblems;
use crate::server_fns::profile::search_skills;
use crate::server_fns::profile::search_skills::QUERY_MAX_CHARS;
use crate::server_fns::profile::{AddSkill, RemoveSkill};
use crate::wire::profile::{SkillLabel, SkillView};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Step 4: skills from the taxonomy. The search is a plain GET form on this page (`?skill_q=`),
/// so it works without JavaScript; each result has its own small form with a level and years.
#[component]
pub fn SkillsStep(
    add: ServerAction<AddSkill>,
    remove: ServerAction<RemoveSkill>,
    skills: Vec<SkillView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(add);
    let remove_error = last_error(remove);
    let query = use_query_map();
    let q = move || query.with(|m| m.get("skill_q").unwrap_or_default());
    let results = page_data(
        move || (q(), i18n.get_locale().as_str()),
        |(q, lang)| async move {
            if q.trim().is_empty() {
                Ok(Vec::new())
            } else {
                search_skills(q, None, lang.to_owned()).await
            }
        },
    );
    let empty = skills.is_empty();
    // The search reloads the page the editor is on, for the same person.
    let search_action = match use_context::<super::Acting>() {
        Some(super::Acting(Some(_))) => "/caseworker/profile#skills",
        _ => "/profile#skills",
    };
    view! {
        <section class="card" id="skills" data-test="skills">
            <h2>{t!(i18n, my_skills.title)}</h2>
            <p class="note">{t!(i18n, my_skills.lead)}</p>
            <FormProblems error=remove_error />
            <FormProblems error />
            <Show when=move || empty>
                <p class="empty">{t!(i18n, my_skills.none)}</p>
            </Show>
            <ul class="holdings">
                {skills
                    .into_iter()
                    .map(|skill| view! { <HeldSkill skill remove /> })
                    .collect_view()}
            </ul>
            <form method="get" action=search_action class="form search" role="search">
                <super::ActingFor />
                <div class="field">
                    <label for="skill-search">{t!(i18n, my_skills.search)}</label>
                    <input id="skill-search" name="skill_q" type="search" autocomplete="off"
                        maxlength=QUERY_MAX_CHARS prop:value=q />
                </div>
                <button type="submit" data-test="search-skill">{t!(i18n, skills.search)}</button>
            </form>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let found = results.await.unwrap_or_default();
                    let searched = !q().trim().is_empty();
                    let none = searched && found.is_empty();
                    view! {
                        <Show when=move || none>
                            <p class="note">{t!(i18n, skills.none_found)}</p>
                        </Show>
                        <ul class="skill-results">
                            {found
                                .into_iter()
                                .flat_map(|group| group.skills)
                                .map(|skill| view! { <FoundSkill skill add /> })
                                .collect_view()}
                        </ul>
                    }
                })}
            </Suspense>
        </section>
    }
}

/// A skill the person holds, with its level, years and a form to remove it.
#[component]
fn HeldSkill(skill: SkillView, remove: ServerAction<RemoveSkill>) -> impl IntoView {
    let i18n = use_i18n();
    let level = SkillLevel::from_code(&skill.level)
        .map(|l| level_name(i18n, l))
        .unwrap_or_default();
    let years = skill.years;
    let code = skill.code.clone();
    view! {
        <li data-test="skill" data-skill=code>
            <span>
                <strong>{skill.label}</strong>
                " · " {level} " · "
                {move || t_string!(i18n, my_skills.years_count, years).to_string()}
            </span>
            <ActionForm action=remove attr:class="inline-form">
                <super::ActingFor />
                <input type="hidden" name="skill" value=skill.code />
                <button type="submit" class="link-button">{t!(i18n, my_skills.remove)}</button>
            </ActionForm>
        </li>
    }
}

/// A skill the search found, with its own small form: a level and years, then "add".
#[component]
fn FoundSkill(skill: SkillLabel, add: ServerAction<AddSkill>) -> impl IntoView {
    let i18n = use_i18n();
    let code = skill.code.clone();
    view! {
        <li data-result=code>
            <ActionForm action=add attr:class="add-skill">
                <super::ActingFor />
                <input type="hidden" name="skill" value=skill.code />
                <span class="skill-label">{skill.label}</span>
                <select name="level" aria-label=move || t_string!(i18n, my_skills.level).to_string()>
                    {SkillLevel::ALL.into_iter().map(|l| view! {
                        <option value=l.code()>{level_name(i18n, l)}</option>
                    }).collect_view()}
                </select>
                <input name="years" inputmode="numeric" maxlength="2" size="2" value="0"
                    max=YEARS_MAX
                    aria-label=move || t_string!(i18n, my_skills.years).to_string() />
                <button type="submit" class="button small">{t!(i18n, my_skills.add)}</button>
            </ActionForm>
        </li>
    }
}
