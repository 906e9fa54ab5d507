//! Each rule's verdict and each remedy as a sentence in the reader's language.

use crate::domain::matching::eligibility::{Check, ProfileFact, Reason, Remedy, Rule};
use crate::domain::profile::{DocumentKind, Language, Programme, TargetGroup};
use crate::domain::shared::locale::Lang;
use crate::i18n::*;
use crate::pages::profile::{
    labels::document_name, labels::education_name, labels::group_name, labels::language_name,
};
use crate::pages::shared::labels::date_text;
use leptos_i18n::I18nContext;

use crate::pages::shared::labels::lang_of;

/// Items joined with the reader's list separator.
fn join(i18n: I18nContext<Locale>, items: Vec<String>) -> String {
    let separator = if lang_of(i18n) == Lang::Ar {
        "، "
    } else {
        ", "
    };
    items.join(separator)
}

fn documents(i18n: I18nContext<Locale>, kinds: &[DocumentKind]) -> String {
    join(
        i18n,
        kinds.iter().map(|k| document_name(i18n, *k)).collect(),
    )
}

fn languages(i18n: I18nContext<Locale>, list: &[Language]) -> String {
    join(i18n, list.iter().map(|l| language_name(i18n, *l)).collect())
}

fn groups(i18n: I18nContext<Locale>, list: &[TargetGroup]) -> String {
    join(i18n, list.iter().map(|g| group_name(i18n, *g)).collect())
}

pub fn programme_name(i18n: I18nContext<Locale>, programme: Programme) -> String {
    match programme {
        Programme::Idmaj => t_string!(i18n, programme.idmaj),
        Programme::Taehil => t_string!(i18n, programme.taehil),
        Programme::Tahfiz => t_string!(i18n, programme.tahfiz),
        Programme::SelfEmployment => t_string!(i18n, programme.self_employment),
    }
    .to_string()
}

fn fact_name(i18n: I18nContext<Locale>, fact: ProfileFact) -> String {
    match fact {
        ProfileFact::BirthDate => t_string!(i18n, fact.birth_date),
        ProfileFact::Sex => t_string!(i18n, fact.sex),
        ProfileFact::Nationality => t_string!(i18n, fact.nationality),
        ProfileFact::City => t_string!(i18n, fact.city),
        ProfileFact::Education => t_string!(i18n, fact.education),
        ProfileFact::Languages => t_string!(i18n, fact.languages),
    }
    .to_string()
}

/// What the engine saw for one rule.
pub fn reason_text(i18n: I18nContext<Locale>, check: &Check) -> String {
    person_reason(i18n, &check.reason)
        .or_else(|| record_reason(i18n, check))
        // A reason paired with a rule it cannot come from (never produced by the engine).
        .unwrap_or_default()
}

/// Reasons about who the person is: age, sex, nationality, city, or a fact not given yet.
fn person_reason(i18n: I18nContext<Locale>, reason: &Reason) -> Option<String> {
    let lang = lang_of(i18n);
    let text = match reason {
        Reason::AgeWithin { age } => t_string!(i18n, reason.age_within, age = *age).to_string(),
        Reason::TooYoung { age } => t_string!(i18n, reason.too_young, age = *age).to_string(),
        Reason::TooOld { age } => t_string!(i18n, reason.too_old, age = *age).to_string(),
        Reason::SexListed { .. } => t_string!(i18n, reason.sex_listed).to_string(),
        Reason::SexNotListed { .. } => t_string!(i18n, reason.sex_not_listed).to_string(),
        Reason::NationalityListed { country } => t_string!(
            i18n,
            reason.nationality_listed,
            country = country.label(lang)
        )
        .to_string(),
        Reason::NationalityNotListed { country } => t_string!(
            i18n,
            reason.nationality_not_listed,
            country = country.label(lang)
        )
        .to_string(),
        Reason::CityListed { city } => {
            t_string!(i18n, reason.city_listed, city = city.label(lang)).to_string()
        }
        Reason::CityNotListed { city } => {
            t_string!(i18n, reason.city_not_listed, city = city.label(lang)).to_string()
        }
        Reason::Unknown { fact } => {
            t_string!(i18n, reason.unknown, fact = fact_name(i18n, *fact)).to_string()
        }
        _ => return None,
    };
    Some(text)
}

/// Reasons about what the person holds or has done: papers, education, languages, groups,
/// trainings completed.
fn record_reason(i18n: I18nContext<Locale>, check: &Check) -> Option<String> {
    let text = match (&check.reason, &check.rule) {
        (Reason::DocumentValid { kind, .. }, _) => t_string!(
            i18n,
            reason.document_valid,
            kind = document_name(i18n, *kind)
        )
        .to_string(),
        (Reason::DocumentExpired { kind, expired_on }, _) => t_string!(
            i18n,
            reason.document_expired,
            kind = document_name(i18n, *kind),
            date = date_text(i18n, *expired_on)
        )
        .to_string(),
        (Reason::DocumentMissing, Rule::Document { any_of }) => t_string!(
            i18n,
            reason.document_missing,
            kinds = documents(i18n, any_of)
        )
        .to_string(),
        (Reason::EducationEnough { level }, _) => t_string!(
            i18n,
            reason.education_enough,
            level = education_name(i18n, *level)
        )
        .to_string(),
        (Reason::EducationTooLow { level }, Rule::Education { min }) => t_string!(
            i18n,
            reason.education_too_low,
            level = education_name(i18n, *level),
            min = education_name(i18n, *min)
        )
        .to_string(),
        (Reason::SpeaksLanguage { language }, _) => t_string!(
            i18n,
            reason.speaks_language,
            language = language_name(i18n, *language)
        )
        .to_string(),
        (Reason::NoCommonLanguage, Rule::Language { any_of }) => t_string!(
            i18n,
            reason.no_common_language,
            languages = languages(i18n, any_of)
        )
        .to_string(),
        (Reason::InGroup { group }, _) => {
            t_string!(i18n, reason.in_group, group = group_name(i18n, *group)).to_string()
        }
        (Reason::NotInGroup, Rule::TargetGroup { any_of }) => {
            t_string!(i18n, reason.not_in_group, groups = groups(i18n, any_of)).to_string()
        }
        (Reason::TrainingCompleted { programme }, _) => t_string!(
            i18n,
            reason.training_completed,
            programme = programme_name(i18n, *programme)
        )
        .to_string(),
        (Reason::TrainingNotCompleted { programme }, _) => t_string!(
            i18n,
            reason.training_not_completed,
            programme = programme_name(i18n, *programme)
        )
        .to_string(),
        _ => return None,
    };
    Some(text)
}

/// What would turn an unmet rule into a met one.
pub fn remedy_text(i18n: I18nContext<Locale>, remedy: &Remedy) -> String {
    match remedy {
        Remedy::CompleteProfile { fact } => {
            t_string!(i18n, remedy.complete_profile, fact = fact_name(i18n, *fact)).to_string()
        }
        Remedy::GetDocument { any_of } => {
            t_string!(i18n, remedy.get_document, kinds = documents(i18n, any_of)).to_string()
        }
        Remedy::RenewDocument { kind } => t_string!(
            i18n,
            remedy.renew_document,
            kind = document_name(i18n, *kind)
        )
        .to_string(),
        Remedy::WaitUntil { date } => {
            t_string!(i18n, remedy.wait_until, date = date.to_string()).to_string()
        }
        Remedy::ReachEducation { level } => t_string!(
            i18n,
            remedy.reach_education,
            level = education_name(i18n, *level)
        )
        .to_string(),
        Remedy::SpeakLanguage { any_of } => t_string!(
            i18n,
            remedy.speak_language,
            languages = languages(i18n, any_of)
        )
        .to_string(),
        Remedy::CompleteTraining { programme } => t_string!(
            i18n,
            remedy.complete_training,
            programme = programme_name(i18n, *programme)
        )
        .to_string(),
    }
}
