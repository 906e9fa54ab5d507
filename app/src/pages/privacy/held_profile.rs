//! The profile's identity and situation steps in the person's held data, answers labelled in
//! the reader's language (a code the lists no longer know is shown as it is).

use crate::domain::profile::{Availability, Disability, Education, Language, LegalStatus};
use crate::domain::profile::{PopulationGroup, Sex, TargetGroup};
use crate::domain::shared::reference::{City, Sector};
use crate::i18n::*;
use crate::pages::profile::labels as profile_labels;
use crate::pages::shared::labels::{date_text, lang_of};
use crate::wire::profile::{IdentityView, SituationView};
use leptos::prelude::*;

/// The identity and situation steps as saved, each answer labelled in the reader's language.
#[component]
pub fn HeldProfile(
    identity: Option<IdentityView>,
    situation: Option<SituationView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = lang_of(i18n);
    let Some(identity) = identity else {
        return view! {
            <section class="card" id="held-profile" data-test="held-profile">
                <h2>{t!(i18n, held.profile_title)}</h2>
                <p class="empty">{t!(i18n, held.nothing)}</p>
            </section>
        }
        .into_any();
    };
    let sex = identity.sex.map(|sex| match sex {
        Sex::Female => t_string!(i18n, profile.female).to_string(),
        Sex::Male => t_string!(i18n, profile.male).to_string(),
    });
    let city = identity
        .city
        .map(|code| City::parse(&code).map_or(code, |c| c.label(lang).to_owned()));
    let situation = situation.unwrap_or_default();
    let [population_group, legal_status, disability] = answers(i18n, &situation);
    let labelled = |codes: &[String], label: &dyn Fn(&str) -> Option<String>| {
        codes
            .iter()
            .map(|code| label(code).unwrap_or_else(|| code.clone()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let languages = labelled(&situation.languages, &|c| {
        Language::from_code(c).map(|l| profile_labels::language_name(i18n, l))
    });
    let sectors = labelled(&situation.sectors, &|c| {
        Sector::from_code(c).map(|s| crate::pages::sector_name(i18n, s))
    });
    let groups = labelled(&situation.groups, &|c| {
        TargetGroup::from_code(c).map(|g| profile_labels::group_name(i18n, g))
    });
    let education = situation
        .education
        .map(|c| Education::from_code(&c).map_or(c, |e| profile_labels::education_name(i18n, e)));
    let availability = situation.availability.map(|c| {
        Availability::from_code(&c).map_or(c, |a| profile_labels::availability_name(i18n, a))
    });
    let row = |label: String, value: Option<String>| {
        value.filter(|v| !v.is_empty()).map(|value| {
            view! { <dt>{label}</dt><dd><bdi>{value}</bdi></dd> }
        })
    };
    view! {
        <section class="card" id="held-profile" data-test="held-profile">
            <h2>{t!(i18n, held.profile_title)}</h2>
            <dl>
                {row(t_string!(i18n, profile.full_name).to_string(), Some(identity.full_name))}
                {row(t_string!(i18n, profile.sex).to_string(), sex)}
                {row(t_string!(i18n, profile.birth_date).to_string(), identity.birth_date.map(|d| date_text(i18n, d)))}
                {row(t_string!(i18n, profile.nationality).to_string(), identity.nationality.map(|c| super::held::country(i18n, &c)))}
                {row(t_string!(i18n, profile.city).to_string(), city)}
                {row(t_string!(i18n, profile.phone).to_string(), identity.phone)}
                {row(t_string!(i18n, situation.education).to_string(), education)}
                {row(t_string!(i18n, situation.languages).to_string(), Some(languages))}
                {row(t_string!(i18n, situation.sectors).to_string(), Some(sectors))}
                {row(t_string!(i18n, situation.availability).to_string(), availability)}
                {row(t_string!(i18n, situation.groups).to_string(), Some(groups))}
                {row(t_string!(i18n, situation.population_group).to_string(), population_group)}
                {row(t_string!(i18n, situation.legal_status).to_string(), legal_status)}
                {row(t_string!(i18n, situation.disability).to_string(), disability)}
            </dl>
        </section>
    }
    .into_any()
}

/// The optional answers for the donor's counts, labelled.
fn answers(
    i18n: leptos_i18n::I18nContext<Locale>,
    situation: &SituationView,
) -> [Option<String>; 3] {
    let population_group = situation.population_group.clone().map(|c| {
        PopulationGroup::from_code(&c).map_or(c, |g| profile_labels::population_group_name(i18n, g))
    });
    let legal_status = situation.legal_status.clone().map(|c| {
        LegalStatus::from_code(&c).map_or(c, |s| profile_labels::legal_status_name(i18n, s))
    });
    let disability = situation
        .disability
        .clone()
        .map(|c| Disability::from_code(&c).map_or(c, |d| profile_labels::disability_name(i18n, d)));
    [population_group, legal_status, disability]
}
