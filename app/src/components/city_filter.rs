//! A city to narrow a list by: every city of the reference list, in the reader's language and
//! its alphabetical order, or any. The applicant's matches and the staff shortlist both use it.

use crate::components::form::LastError;
use crate::domain::shared::problem::Field;
use crate::domain::shared::reference::City;
use crate::i18n::*;
use crate::pages::problem::FieldProblems;
use crate::pages::shared::labels::lang_of;
use leptos::prelude::*;

/// The field `city` of a GET filter form; `any` names the empty choice.
#[component]
pub fn CityFilter(label: String, any: String, selected: String, error: LastError) -> impl IntoView {
    let lang = lang_of(use_i18n());
    let mut cities: Vec<City> = City::all().collect();
    cities.sort_by_key(|c| c.label(lang));
    view! {
        <div class="field">
            <label for="city">{label}</label>
            <select id="city" name="city" aria-describedby="city-problems">
                <option value="">{any}</option>
                {cities.into_iter().map(|c| view! {
                    <option value=c.code() selected=c.code() == selected>{c.label(lang)}</option>
                }).collect_view()}
            </select>
            <FieldProblems error field=Field::City id="city-problems" />
        </div>
    }
}
