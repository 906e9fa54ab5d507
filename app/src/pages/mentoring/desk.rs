//! `/admin/mentoring`: plans in progress with their mentor (those without one first) and the
//! mentors suggested for each, with why; and each mentor's profile (city, sectors, languages,
//! capacity), which the suggestions are drawn from.

use crate::components::form::last_error;
use crate::domain::profile::Language;
use crate::domain::shared::problem::Field;
use crate::domain::shared::reference::{City, Sector};
use crate::i18n::*;
use crate::pages::catalogue::labels::lang_of;
use crate::pages::mentoring::labels::fit_text;
use crate::pages::plans::labels::plan_status_name;
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::pages::profile::labels::language_name;
use crate::pages::sector_name;
use crate::server_fns::mentoring::{mentoring_desk, AssignMentor, SaveMentorProfile};
use crate::wire::mentoring::{DeskPlan, MentorLine, MentoringDesk};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn MentoringDeskPage() -> impl IntoView {
    let i18n = use_i18n();
    let assign = ServerAction::<AssignMentor>::new();
    let profile = ServerAction::<SaveMentorProfile>::new();
    let desk = OnceResource::new(mentoring_desk());
    let query = use_query_map();
    let done = move || {
        query.with(|q| q.get("done")).map(|done| {
            let message = if done == "profile" {
                t_string!(i18n, mentoring.done_profile).to_string()
            } else {
                t_string!(i18n, mentoring.done_assigned).to_string()
            };
            view! { <p class="notice" role="status" data-test="done">{message}</p> }
        })
    };
    view! {
        <Title text=move || t_string!(i18n, mentoring.desk_title).to_string() />
        <h1>{t!(i18n, mentoring.desk_title)}</h1>
        <p class="lead">{t!(i18n, mentoring.desk_lead)}</p>
        {done}
        <FormProblems error=last_error(assign) />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match desk.await {
                    Ok(desk) => view! { <Desk desk assign profile /> }.into_any(),
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Desk(
    desk: MentoringDesk,
    assign: ServerAction<AssignMentor>,
    profile: ServerAction<SaveMentorProfile>,
) -> impl IntoView {
    let i18n = use_i18n();
    let plans = if desk.plans.is_empty() {
        view! { <p class="empty">{t!(i18n, mentoring.desk_empty)}</p> }.into_any()
    } else {
        desk.plans
            .iter()
            .map(|plan| view! { <DeskCard plan=plan.clone() desk=desk.clone() assign /> })
            .collect_view()
            .into_any()
    };
    let mentors = if desk.mentors.is_empty() {
        view! { <p class="empty" data-test="no-mentors">{t!(i18n, mentoring.no_mentors)}</p> }
            .into_any()
    } else {
        desk.mentors
            .iter()
            .map(|mentor| view! { <MentorForm mentor=mentor.clone() profile /> })
            .collect_view()
            .into_any()
    };
    view! {
        {plans}
        <h2>{t!(i18n, mentoring.mentors_title)}</h2>
        <FormProblems error=last_error(profile) />
        {mentors}
    }
}

#[component]
fn DeskCard(
    plan: DeskPlan,
    desk: MentoringDesk,
    assign: ServerAction<AssignMentor>,
) -> impl IntoView {
    let i18n = use_i18n();
    let current = plan
        .mentor
        .and_then(|id| desk.mentor(id))
        .map(|m| m.name.clone())
        .unwrap_or_else(|| t_string!(i18n, mentoring.no_mentor).to_string());
    let expected = plan.mentor.map(|m| m.to_string()).unwrap_or_default();
    let id = plan.plan;
    let suggestions = plan
        .suggestions
        .iter()
        .filter_map(|s| {
            let mentor = desk.mentor(s.mentor)?;
            let is_current = plan.mentor == Some(s.mentor);
            let reasons: Vec<String> = s.reasons.iter().map(|r| fit_text(i18n, r)).collect();
            let expected = expected.clone();
            let name = mentor.name.clone();
            let mentor_id = s.mentor;
            Some(view! {
                <li data-test="suggestion" data-mentor=s.mentor data-full=s.full.to_string()>
                    <strong>{name}</strong>
                    <span class="note">" · " {reasons.join(" · ")}</span>
                    {if is_current {
                        view! { " " <em>{t!(i18n, mentoring.current)}</em> }.into_any()
                    } else {
                        view! {
                            <ActionForm action=assign attr:class="inline-form">
                                <input type="hidden" name="plan" value=id />
                                <input type="hidden" name="mentor" value=mentor_id />
                                <input type="hidden" name="expected" value=expected />
                                <button type="submit" class="link-button" data-test="assign">{t!(i18n, mentoring.assign)}</button>
                            </ActionForm>
                        }.into_any()
                    }}
                </li>
            })
        })
        .collect_view();
    view! {
        <article class="card" data-test="desk-plan" data-plan=id>
            <h2>{plan.applicant.clone()}</h2>
            <p class="note">{plan.title.clone()} " · " <bdi>{plan.reference.clone()}</bdi> " · "
                {plan_status_name(i18n, plan.status)}</p>
            <p>{t!(i18n, mentoring.mentor)} " " <strong data-test="mentor">{current}</strong>
                " · " <a href=format!("/plans/activity?id={id}")>{t!(i18n, mentoring.to_activity)}</a></p>
            <h3>{t!(i18n, mentoring.suggestions)}</h3>
            <ol class="suggestions">{suggestions}</ol>
        </article>
    }
}

#[component]
fn MentorForm(mentor: MentorLine, profile: ServerAction<SaveMentorProfile>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = lang_of(i18n);
    let error = last_error(profile);
    let checkbox = move |name: &'static str, code: &'static str, label: String, checked: bool| {
        view! {
            <label class="choice">
                <input type="checkbox" name=name value=code checked=checked />
                {label}
            </label>
        }
    };
    let city = mentor.city;
    let load = t_string!(
        i18n,
        mentoring.fit_caseload,
        load = mentor.caseload,
        capacity = mentor.capacity
    )
    .to_string();
    let sectors = Sector::ALL
        .into_iter()
        .map(|s| {
            checkbox(
                "sectors[]",
                s.code(),
                sector_name(i18n, s),
                mentor.sectors.contains(&s),
            )
        })
        .collect_view();
    let languages = Language::ALL
        .into_iter()
        .map(|l| {
            checkbox(
                "languages[]",
                l.code(),
                language_name(i18n, l),
                mentor.languages.contains(&l),
            )
        })
        .collect_view();
    view! {
        <details class="card" data-test="mentor-profile" data-mentor=mentor.id>
            <summary>{mentor.name.clone()} " · " {load}</summary>
            <ActionForm action=profile>
                <input type="hidden" name="mentor" value=mentor.id />
                <div class="field">
                    <label for=format!("city-{}", mentor.id)>{t!(i18n, mentoring.city)}</label>
                    <select id=format!("city-{}", mentor.id) name="city">
                        <option value="">{t!(i18n, mentoring.no_city)}</option>
                        {City::all().map(|c| view! {
                            <option value=c.code() selected={city == Some(c)}>{c.label(lang)}</option>
                        }).collect_view()}
                    </select>
                    <FieldProblems error field=Field::City id="mentor-city-problems" />
                </div>
                <fieldset class="field">
                    <legend>{t!(i18n, mentoring.sectors)}</legend>
                    {sectors}
                </fieldset>
                <fieldset class="field">
                    <legend>{t!(i18n, mentoring.languages)}</legend>
                    {languages}
                </fieldset>
                <div class="field">
                    <label for=format!("capacity-{}", mentor.id)>{t!(i18n, mentoring.capacity)}</label>
                    <input id=format!("capacity-{}", mentor.id) name="capacity" type="number" min="1" max="100"
                        value=mentor.capacity required />
                    <FieldProblems error field=Field::Capacity id="mentor-capacity-problems" />
                </div>
                <button type="submit" data-test="save-mentor">{t!(i18n, mentoring.save_profile)}</button>
            </ActionForm>
        </details>
    }
}
