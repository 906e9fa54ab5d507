//! One training, new or edited. Every field is checked on the server; problems come back next
//! to their field in the reader's language. A save from a stale page is refused as a conflict.

use crate::components::form::{invalid, last_error};
use crate::components::page_data::page_data;
use crate::domain::catalogue::training_form::{REFERENCE_MAX, TITLE_MAX};
use crate::domain::profile::{DocumentKind, Education, Language, Programme, TargetGroup};
use crate::domain::shared::problem::Field;
use crate::domain::shared::reference::{City, Sector};
use crate::i18n::*;
use crate::pages::catalogue::{labels::lang_of, labels::programme_label};
use crate::pages::problem::{FieldProblems, FormProblems, LastError};
use crate::pages::profile::{
    labels::document_name, labels::education_name, labels::group_name, labels::language_name,
};
use crate::pages::sector_name;
use crate::server_fns::catalogue::{load_training, SaveTraining};
use crate::wire::catalogue::TrainingAdmin;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn TrainingEditPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveTraining>::new();
    let query = use_query_map();
    let id = move || query.with(|q| q.get("id").and_then(|id| id.parse::<i64>().ok()));
    let loaded = page_data(id, |id| async move {
        match id {
            Some(id) => load_training(id).await.map(Some),
            None => Ok(None),
        }
    });
    view! {
        <Title text=move || t_string!(i18n, catalogue.edit_training).to_string() />
        <p><a href="/admin/trainings" rel="external">{t!(i18n, catalogue.trainings_title)}</a></p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(saved) => view! { <TrainingForm save saved /> }.into_any(),
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A text input with its label and problems.
#[component]
pub(super) fn TextField(
    id: &'static str,
    name: &'static str,
    label: String,
    value: String,
    field: Field,
    problems_id: &'static str,
    error: LastError,
    #[prop(optional)] maxlength: Option<usize>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id name=name type="text" value=value maxlength=maxlength
                aria-invalid=invalid(error, field) aria-describedby=problems_id />
            <FieldProblems error field id=problems_id />
        </div>
    }
}

/// A select of `(code, label)` choices, with an optional empty first choice.
#[component]
pub(super) fn Choice(
    id: &'static str,
    label: String,
    choices: Vec<(&'static str, String)>,
    selected: String,
    field: Field,
    problems_id: &'static str,
    error: LastError,
    #[prop(optional)] empty: Option<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name=id aria-invalid=invalid(error, field) aria-describedby=problems_id>
                {empty.map(|text| view! { <option value="" selected=selected.is_empty()>{text}</option> })}
                {choices.into_iter().map(|(code, text)| view! {
                    <option value=code selected=code == selected>{text}</option>
                }).collect_view()}
            </select>
            <FieldProblems error field id=problems_id />
        </div>
    }
}

/// Checkboxes posted as `name[]`.
#[component]
pub(super) fn Ticks(
    name: &'static str,
    legend: String,
    choices: Vec<(&'static str, String)>,
    ticked: Vec<&'static str>,
    field: Field,
    problems_id: &'static str,
    error: LastError,
) -> impl IntoView {
    view! {
        <fieldset class="field choices" aria-describedby=problems_id>
            <legend>{legend}</legend>
            {choices.into_iter().map(|(code, text)| view! {
                <label class="choice">
                    <input type="checkbox" name=name value=code checked=ticked.contains(&code) />
                    {text}
                </label>
            }).collect_view()}
            <FieldProblems error field id=problems_id />
        </fieldset>
    }
}

#[component]
fn TrainingForm(save: ServerAction<SaveTraining>, saved: Option<TrainingAdmin>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = lang_of(i18n);
    let error = last_error(save);
    let (id, version) = saved.as_ref().map_or((0, 0), |s| (s.id, s.version));
    let t = saved.map(|s| s.training);
    let shown = t.clone();
    let text = move |f: &dyn Fn(&crate::domain::catalogue::Training) -> String| {
        shown.as_ref().map(f).unwrap_or_default()
    };
    let heading = if id == 0 {
        t_string!(i18n, catalogue.new_training).to_string()
    } else {
        t_string!(i18n, catalogue.edit_training).to_string()
    };
    view! {
        <h1>{heading}</h1>
        <ActionForm action=save attr:class="form card" attr:novalidate=true>
            <FormProblems error />
            <input type="hidden" name="id" value=id />
            <input type="hidden" name="version" value=version />
            <TextField id="reference" name="reference" label=t_string!(i18n, catalogue.reference).to_string()
                value=text(&|t| t.reference.clone()) field=Field::Reference problems_id="reference-problems"
                error maxlength=REFERENCE_MAX />
            <TextField id="title" name="title" label=t_string!(i18n, catalogue.title).to_string()
                value=text(&|t| t.title.clone()) field=Field::Title problems_id="title-problems"
                error maxlength=TITLE_MAX />
            <Choice id="programme" label=t_string!(i18n, catalogue.programme).to_string()
                choices=Programme::ALL.into_iter().map(|p| (p.code(), programme_label(i18n, p))).collect()
                selected=text(&|t| t.programme.code().to_owned()) field=Field::Programme
                problems_id="programme-problems" error />
            <Choice id="sector" label=t_string!(i18n, catalogue.sector).to_string()
                choices=Sector::ALL.into_iter().map(|s| (s.code(), sector_name(i18n, s))).collect()
                selected=text(&|t| t.sector.code().to_owned()) field=Field::Sector
                problems_id="sector-problems" error />
            <Choice id="city" label=t_string!(i18n, catalogue.city).to_string()
                choices=City::all().map(|c| (c.code(), c.label(lang).to_owned())).collect()
                selected=text(&|t| t.city.code().to_owned()) field=Field::City
                problems_id="city-problems" error />
            <TextField id="starts_on" name="starts_on" label=t_string!(i18n, catalogue.starts_on).to_string()
                value=text(&|t| t.starts_on.to_string()) field=Field::StartsOn problems_id="starts-on-problems" error />
            <TextField id="ends_on" name="ends_on" label=t_string!(i18n, catalogue.ends_on).to_string()
                value=text(&|t| t.ends_on.to_string()) field=Field::EndsOn problems_id="ends-on-problems" error />
            <TextField id="seats" name="seats" label=t_string!(i18n, catalogue.seats).to_string()
                value=text(&|t| t.seats.to_string()) field=Field::Seats problems_id="seats-problems" error />
            <TrainingRequirements error training=t.clone() />
            <button type="submit" class="button" data-test="save-training">{t!(i18n, catalogue.save)}</button>
        </ActionForm>
    }
}

/// Who the training is for: languages, a minimum education, papers, groups, and the skills it
/// teaches.
#[component]
fn TrainingRequirements(
    error: LastError,
    training: Option<crate::domain::catalogue::Training>,
) -> impl IntoView {
    let i18n = use_i18n();
    let codes = |list: fn(&crate::domain::catalogue::Training) -> Vec<&'static str>| {
        training.as_ref().map(list).unwrap_or_default()
    };
    let languages = codes(|t| t.languages.iter().map(|l| l.code()).collect());
    let documents = codes(|t| t.required_documents.iter().map(|d| d.code()).collect());
    let groups = codes(|t| t.target_groups.iter().map(|g| g.code()).collect());
    let skills = codes(|t| t.skills.iter().map(|s| s.code()).collect()).join("\n");
    let education = training
        .as_ref()
        .and_then(|t| t.min_education)
        .map(|e| e.code().to_owned())
        .unwrap_or_default();
    view! {
        <Ticks name="languages[]" legend=t_string!(i18n, catalogue.languages).to_string()
            choices=Language::ALL.into_iter().map(|l| (l.code(), language_name(i18n, l))).collect()
            ticked=languages field=Field::Languages problems_id="languages-problems" error />
        <Choice id="min_education" label=t_string!(i18n, catalogue.min_education).to_string()
            choices=Education::ALL.into_iter().map(|e| (e.code(), education_name(i18n, e))).collect()
            selected=education
            field=Field::Education problems_id="education-problems" error
            empty=t_string!(i18n, catalogue.no_minimum).to_string() />
        <Ticks name="documents[]" legend=t_string!(i18n, catalogue.documents).to_string()
            choices=DocumentKind::ALL.into_iter().map(|d| (d.code(), document_name(i18n, d))).collect()
            ticked=documents field=Field::Documents problems_id="documents-problems" error />
        <Ticks name="groups[]" legend=t_string!(i18n, catalogue.groups).to_string()
            choices=TargetGroup::ALL.into_iter().map(|g| (g.code(), group_name(i18n, g))).collect()
            ticked=groups field=Field::Groups problems_id="groups-problems" error />
        <div class="field">
            <label for="skills">{t!(i18n, catalogue.skills)}</label>
            <p class="hint" id="skills-hint">{t!(i18n, catalogue.skills_hint)}</p>
            <textarea id="skills" name="skills" rows=6 dir="ltr"
                aria-invalid=invalid(error, Field::Skills)
                aria-describedby="skills-hint skills-problems">{skills}</textarea>
            <FieldProblems error field=Field::Skills id="skills-problems" />
        </div>
    }
}
