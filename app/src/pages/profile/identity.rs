use crate::components::form::{invalid, last_error};
use crate::domain::profile::identity::{FULL_NAME_MAX, PHONE_MAX_DIGITS};
use crate::domain::profile::Sex;
use crate::domain::shared::problem::Field;
use crate::i18n::*;
use crate::pages::problem::{FieldProblems, FormProblems, LastError};
use crate::server_fns::profile::SaveIdentity;
use crate::wire::profile::{Choice, ProfilePage};
use leptos::prelude::*;

/// Step 1: who the person is. Every field is checked on the server; problems come back next to
/// their field in the reader's language.
#[component]
pub fn IdentityStep(action: ServerAction<SaveIdentity>, page: ProfilePage) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(action);
    let saved = page.identity.clone();
    let version = saved.as_ref().map_or(0, |s| s.version);
    let name = saved
        .as_ref()
        .map(|s| s.full_name.clone())
        .unwrap_or_default();
    let sex = saved.as_ref().and_then(|s| s.sex);
    let birth = saved.as_ref().and_then(|s| s.birth_date);
    let (day, month, year): (String, String, String) = birth.map_or_else(Default::default, |d| {
        (
            d.day().to_string(),
            u8::from(d.month()).to_string(),
            d.year().to_string(),
        )
    });
    let nationality = saved.as_ref().and_then(|s| s.nationality.clone());
    let city = saved.as_ref().and_then(|s| s.city.clone());
    let phone = saved.and_then(|s| s.phone).unwrap_or_default();
    view! {
        <section class="card" id="identity" data-test="identity">
            <h2>{t!(i18n, profile.identity_title)}</h2>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <super::ActingFor />
                <FormProblems error />
                <input type="hidden" name="version" value=version />
                <div class="field">
                    <label for="full-name">{t!(i18n, profile.full_name)}</label>
                    <input id="full-name" name="full_name" type="text" autocomplete="name"
                        required maxlength=FULL_NAME_MAX value=name
                        aria-invalid=invalid(error, Field::FullName)
                        aria-describedby="full-name-problems" />
                    <FieldProblems error field=Field::FullName id="full-name-problems" />
                </div>
                <SexChoice error sex />
                <BirthDateFields error day month year />
                <Select id="nationality" name="nationality" field=Field::Nationality
                    problems_id="nationality-problems" error
                    label=move || t_string!(i18n, profile.nationality).to_string()
                    choices=page.countries selected=nationality />
                <Select id="city" name="city" field=Field::City problems_id="city-problems" error
                    label=move || t_string!(i18n, profile.city).to_string()
                    choices=page.cities selected=city />
                <div class="field">
                    <label for="phone">{t!(i18n, profile.phone)}</label>
                    <input id="phone" name="phone" type="tel" autocomplete="tel" inputmode="tel"
                        dir="ltr" maxlength=PHONE_MAX_DIGITS + 8 value=phone
                        aria-invalid=invalid(error, Field::Phone)
                        aria-describedby="phone-problems" />
                    <FieldProblems error field=Field::Phone id="phone-problems" />
                </div>
                <button type="submit" data-test="save-identity">{t!(i18n, profile.save)}</button>
            </ActionForm>
        </section>
    }
}

/// Female or male, as on the person's papers.
#[component]
fn SexChoice(error: LastError, sex: Option<Sex>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="field" aria-describedby="sex-problems">
            <legend>{t!(i18n, profile.sex)}</legend>
            {Sex::ALL.into_iter().map(|option| {
                let code = option.code();
                let label = match option {
                    Sex::Female => t_string!(i18n, profile.female),
                    Sex::Male => t_string!(i18n, profile.male),
                };
                view! {
                    <label class="choice">
                        <input type="radio" name="sex" value=code checked=sex == Some(option) />
                        {label}
                    </label>
                }
            }).collect_view()}
            <FieldProblems error field=Field::Sex id="sex-problems" />
        </fieldset>
    }
}

/// The date of birth as three small boxes (day, month, year): easier on a cheap phone than a
/// date picker, and the same in every language.
#[component]
fn BirthDateFields(error: LastError, day: String, month: String, year: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="field" aria-describedby="birth-date-hint birth-date-problems">
            <legend>{t!(i18n, profile.birth_date)}</legend>
            <p class="hint" id="birth-date-hint">{t!(i18n, profile.birth_date_hint)}</p>
            <div class="date-parts" dir="ltr">
                <label>
                    {t!(i18n, profile.day)}
                    <input id="birth-day" name="birth_day" inputmode="numeric" maxlength="2"
                        size="2" value=day aria-invalid=invalid(error, Field::BirthDate) />
                </label>
                <label>
                    {t!(i18n, profile.month)}
                    <input id="birth-month" name="birth_month" inputmode="numeric" maxlength="2"
                        size="2" value=month aria-invalid=invalid(error, Field::BirthDate) />
                </label>
                <label>
                    {t!(i18n, profile.year)}
                    <input id="birth-year" name="birth_year" inputmode="numeric" maxlength="4"
                        size="4" value=year aria-invalid=invalid(error, Field::BirthDate) />
                </label>
            </div>
            <FieldProblems error field=Field::BirthDate id="birth-date-problems" />
        </fieldset>
    }
}

/// A labelled select of reference choices, with its problems under it.
#[component]
fn Select(
    id: &'static str,
    name: &'static str,
    field: Field,
    /// The id of the problems under the select (what `aria-describedby` names).
    problems_id: &'static str,
    error: crate::pages::problem::LastError,
    label: impl Fn() -> String + Send + Sync + 'static,
    choices: Vec<Choice>,
    selected: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name=name required aria-invalid=invalid(error, field)
                aria-describedby=problems_id>
                <option value="" selected=selected.is_none()>{t!(i18n, profile.choose)}</option>
                {choices.into_iter().map(|choice| {
                    let is_selected = selected.as_deref() == Some(choice.code.as_str());
                    view! { <option value=choice.code selected=is_selected>{choice.label}</option> }
                }).collect_view()}
            </select>
            <FieldProblems error field id=problems_id />
        </div>
    }
}
