use super::labels::{availability_name, education_name, group_name, language_name};
use crate::components::form::{invalid, last_error};
use crate::domain::profile::{Availability, Education, Language, TargetGroup};
use crate::domain::shared::problem::Field;
use crate::domain::shared::reference::Sector;
use crate::i18n::*;
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::pages::sector_name;
use crate::server_fns::profile::SaveSituation;
use crate::wire::profile::SituationView;
use leptos::prelude::*;

/// Step 2: education, languages, sectors of interest, availability, and — only if the person
/// wishes — the situations some offers are reserved for.
#[component]
pub fn SituationStep(
    action: ServerAction<SaveSituation>,
    saved: Option<SituationView>,
    version: i32,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(action);
    let saved = saved.unwrap_or_default();
    let education = saved.education.clone();
    let availability = saved.availability.clone();
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
                <button type="submit" data-test="save-situation">{t!(i18n, situation.save)}</button>
            </ActionForm>
        </section>
    }
}
