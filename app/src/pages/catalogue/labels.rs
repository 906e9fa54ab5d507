//! Names the catalogue pages show, in the reader's language.

use crate::domain::catalogue::grant_terms::{Criterion, Release};
use crate::domain::profile::Programme;
use crate::domain::shared::locale::Lang;
use crate::i18n::*;
use leptos_i18n::I18nContext;

pub fn lang_of(i18n: I18nContext<Locale>) -> Lang {
    i18n.get_locale_untracked()
        .as_str()
        .parse()
        .unwrap_or(Lang::DEFAULT)
}

pub fn programme_label(i18n: I18nContext<Locale>, programme: Programme) -> String {
    match programme {
        Programme::Idmaj => t_string!(i18n, programme.idmaj),
        Programme::Taehil => t_string!(i18n, programme.taehil),
        Programme::Tahfiz => t_string!(i18n, programme.tahfiz),
        Programme::SelfEmployment => t_string!(i18n, programme.self_employment),
    }
    .to_string()
}

pub fn criterion_label(i18n: I18nContext<Locale>, criterion: Criterion) -> String {
    match criterion {
        Criterion::Viability => t_string!(i18n, grant_terms.viability),
        Criterion::Market => t_string!(i18n, grant_terms.market),
        Criterion::Experience => t_string!(i18n, grant_terms.experience),
        Criterion::BudgetRealism => t_string!(i18n, grant_terms.budget_realism),
        Criterion::SocialImpact => t_string!(i18n, grant_terms.social_impact),
    }
    .to_string()
}

pub fn release_label(i18n: I18nContext<Locale>, release: Release) -> String {
    match release {
        Release::AtApproval => t_string!(i18n, grant_terms.at_approval),
        Release::AfterMonitoringVisit => t_string!(i18n, grant_terms.after_monitoring_visit),
    }
    .to_string()
}
