use super::labels::{
    availability_name, disability_name, education_name, group_name, language_name,
    legal_status_name, population_group_name,
};
use crate::components::form::{invalid, last_error, LastError};
use crate::domain::profile::{
    Availability, Disability, Education, Language, LegalStatus, PopulationGroup, TargetGroup,
};
use crate::domain::shared::problem::Field;
use crate::domain::shared::reference::Sector;
use crate::i18n::*;
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::pages::sector_name;
use crate::server_fns::profile::SaveSituation;
use crate::wire::profile::SituationView;
use leptos::prelude::*;

/// Step 2: education, languages, sectors of interest, availability, and — only if the person
/// wishes — the situations some offers are reserved for and the answers the donor's anonymous
/// counts are broken down by.
#[component]
pub fn SituationStep(
    action: ServerAction<SaveSituation>,
    saved: Option<SituationView>,
    version: i32,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(action);
    let saved = saved.unwrap_or_default();
    let (education, availability) = (saved.education.clone(), saved.availability.clone());
    let checkbox = move |name: &'static str, code: &'static str, label: String, checked: bool| {
        view! {
            <label class="choice">
                <input type="checkbox" name=name value=code checked=checked />
                {label}
            </label>
        }
    };
    view! {
        <section class="card" id="situation" data-test="situation">
            <h2>{t!(i18n, situation.title)}</h2>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <super::ActingFor />
                <FormProblems error />
                <input type="hidden" name="version" value=version />
                <div class="field">
                    <label for="education">{t!(i18n, situation.education)}</label>
                    <select id="education" name="education" aria-invalid=invalid(error, Field::Education)
                        aria-describedby="education-problems">
                        <option value="" selected=education.is_none()>{t!(i18n, profile.choose)}</option>
                        {Education::ALL.into_iter().map(|level| {
                            let selected = education.as_deref() == Some(level.code());
                            view! { <option value=level.code() selected=selected>{education_name(i18n, level)}</option> }
                        }).collect_view()}
                    </select>
                    <FieldProblems error field=Field::Education id="education-problems" />
                </div>
                <fieldset class="field choices" aria-describedby="languages-problems">
                    <legend>{t!(i18n, situation.languages)}</legend>
                    {Language::ALL.into_iter().map(|language| {
                        let checked = saved.languages.iter().any(|l| l == language.code());
                        checkbox("languages[]", language.code(), language_name(i18n, language), checked)
                    }).collect_view()}
                    <FieldProblems error field=Field::Languages id="languages-problems" />
                </fieldset>
                <fieldset class="field choices" aria-describedby="sectors-problems">
                    <legend>{t!(i18n, situation.sectors)}</legend>
                    {Sector::ALL.into_iter().map(|sector| {
                        let checked = saved.sectors.iter().any(|s| s == sector.code());
                        checkbox("sectors[]", sector.code(), sector_name(i18n, sector), checked)
                    }).collect_view()}
                    <FieldProblems error field=Field::Sector id="sectors-problems" />
                </fieldset>
                <div class="field">
                    <label for="availability">{t!(i18n, situation.availability)}</label>
                    <select id="availability" name="availability"
                        aria-invalid=invalid(error, Field::Availability)
                        aria-describedby="availability-problems">
                        <option value="" selected=availability.is_none()>{t!(i18n, profile.choose)}</option>
                        {Availability::ALL.into_iter().map(|a| {
                            let selected = availability.as_deref() == Some(a.code());
                            view! { <option value=a.code() selected=selected>{availability_name(i18n, a)}</option> }
                        }).collect_view()}
                    </select>
                    <FieldProblems error field=Field::Availability id="availability-problems" />
                </div>
                <fieldset class="field choices" aria-describedby="groups-note groups-problems">
                    <legend>{t!(i18n, situation.groups)}</legend>
                    <p class="hint" id="groups-note">{t!(i18n, situation.groups_note)}</p>
                    {TargetGroup::DECLARED.into_iter().map(|group| {
                        let checked = saved.groups.iter().any(|g| g == group.code());
                        checkbox("groups[]", group.code(), group_name(i18n, group), checked)
                    }).collect_view()}
                    <FieldProblems error field=Field::Groups id="groups-problems" />
                </fieldset>
                <Statistics error saved=saved.clone() />
                <button type="submit" data-test="save-situation">{t!(i18n, situation.save)}</button>
            </ActionForm>
        </section>
    }
}

/// Migrant or host community, legal status and disability, each optional and declared: "prefer
/// not to say" comes first and stays chosen until the person answers.
#[component]
fn Statistics(error: LastError, saved: SituationView) -> impl IntoView {
    let i18n = use_i18n();
    let groups = PopulationGroup::ALL.map(|g| (g.code(), population_group_name(i18n, g)));
    let statuses = LegalStatus::ALL.map(|s| (s.code(), legal_status_name(i18n, s)));
    let disability = Disability::ALL.map(|d| (d.code(), disability_name(i18n, d)));
    view! {
        <fieldset data-test="statistics">
            <legend>{t!(i18n, situation.statistics)}</legend>
            <p class="hint" id="statistics-note">{t!(i18n, situation.statistics_note)}</p>
            <OptionalChoice error field=Field::PopulationGroup name="population_group"
                problems_id="population-group-problems" saved=saved.population_group
                label=t_string!(i18n, situation.population_group).to_string() choices=groups.into() />
            <OptionalChoice error field=Field::LegalStatus name="legal_status"
                problems_id="legal-status-problems" saved=saved.legal_status
                label=t_string!(i18n, situation.legal_status).to_string() choices=statuses.into() />
            <OptionalChoice error field=Field::Disability name="disability"
                problems_id="disability-problems" saved=saved.disability
                label=t_string!(i18n, situation.disability).to_string() choices=disability.into() />
        </fieldset>
    }
}

/// One optional select (`name` is also its id), the saved code preselected.
#[component]
fn OptionalChoice(
    error: LastError,
    field: Field,
    name: &'static str,
    problems_id: &'static str,
    saved: Option<String>,
    label: String,
    choices: Vec<(&'static str, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=name>{label}</label>
            <select id=name name=name aria-invalid=invalid(error, field)
                aria-describedby=format!("statistics-note {problems_id}")>
                <option value="" selected=saved.is_none()>{t!(i18n, situation.prefer_not_to_say)}</option>
                {choices.into_iter().map(|(code, label)| {
                    let selected = saved.as_deref() == Some(code);
                    view! { <option value=code selected=selected>{label}</option> }
                }).collect_view()}
            </select>
            <FieldProblems error field id=problems_id />
        </div>
    }
}
