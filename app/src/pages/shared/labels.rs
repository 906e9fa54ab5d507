//! Words any area uses, in the reader's language: the problems every area can meet.

use crate::domain::shared::locale::Lang;
use crate::domain::shared::problem::SharedProblem;
use crate::i18n::*;
use leptos_i18n::I18nContext;

/// The reader's language, as the domain names it.
pub fn lang_of(i18n: I18nContext<Locale>) -> Lang {
    i18n.get_locale_untracked()
        .as_str()
        .parse()
        .unwrap_or(Lang::DEFAULT)
}

/// An amount as the reader's language writes it (`domain::shared::display`).
pub fn money_text(
    i18n: I18nContext<Locale>,
    amount: crate::domain::shared::money::Money,
) -> String {
    crate::domain::shared::display::money(lang_of(i18n), amount)
}

/// A day as the reader's language writes it: `15 mars 2027`.
pub fn date_text(i18n: I18nContext<Locale>, day: time::Date) -> String {
    crate::domain::shared::display::date(lang_of(i18n), day)
}

/// A moment (UTC) as the reader's language writes it: `15 mars 2027, 14:05`.
pub fn moment_text(i18n: I18nContext<Locale>, at: time::OffsetDateTime) -> String {
    crate::domain::shared::display::moment(lang_of(i18n), at)
}

/// The sentence for a problem any area can meet.
pub fn problem_text(i18n: I18nContext<Locale>, problem: SharedProblem) -> String {
    match problem {
        SharedProblem::LocaleUnknown => t_string!(i18n, problem.locale_unknown).to_string(),
        SharedProblem::SectorUnknown => t_string!(i18n, problem.sector_unknown).to_string(),
        SharedProblem::SexUnknown => t_string!(i18n, problem.sex_unknown).to_string(),
        SharedProblem::DateInvalid => t_string!(i18n, problem.date_invalid).to_string(),
        SharedProblem::NationalityUnknown => {
            t_string!(i18n, problem.nationality_unknown).to_string()
        }
        SharedProblem::CityUnknown => t_string!(i18n, problem.city_unknown).to_string(),
        SharedProblem::PhoneInvalid => t_string!(i18n, problem.phone_invalid).to_string(),
        SharedProblem::EducationUnknown => t_string!(i18n, problem.education_unknown).to_string(),
        SharedProblem::LanguageUnknown => t_string!(i18n, problem.language_unknown).to_string(),
        SharedProblem::GroupUnknown => t_string!(i18n, problem.group_unknown).to_string(),
        SharedProblem::DocumentKindUnknown => {
            t_string!(i18n, problem.document_kind_unknown).to_string()
        }
        SharedProblem::TextInvalid => t_string!(i18n, problem.text_invalid).to_string(),
        SharedProblem::DateMissing => t_string!(i18n, problem.date_missing).to_string(),
        SharedProblem::AmountInvalid => t_string!(i18n, problem.amount_invalid).to_string(),
        SharedProblem::TextMissing => t_string!(i18n, problem.text_missing).to_string(),
        SharedProblem::TextTooLong { max } => {
            t_string!(i18n, problem.text_too_long, max).to_string()
        }
        SharedProblem::DateInFuture => t_string!(i18n, problem.date_in_future).to_string(),
    }
}
