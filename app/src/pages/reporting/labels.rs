//! Reporting words in a language: indicators, dimensions and their categories, protected
//! figures, problems. Pages pass the reader's locale; CSV files the requester's.

use crate::domain::reporting::problem::ReportingProblem;
use crate::domain::reporting::protect::Figure;
use crate::domain::reporting::{Dimension, Indicator, Measure};
use crate::domain::shared::locale::Lang;
use crate::domain::shared::reference::{City, Country};
use crate::i18n::*;
use leptos_i18n::I18nContext;

/// The sentence for one reporting problem.
pub fn problem_text(i18n: I18nContext<Locale>, problem: ReportingProblem) -> String {
    let locale = i18n.get_locale_untracked();
    match problem {
        ReportingProblem::PeriodUnknown => {
            td_string!(locale, reporting.problem_period_unknown).to_string()
        }
        ReportingProblem::ReportCallUnknown => {
            td_string!(locale, reporting.problem_call_unknown).to_string()
        }
        ReportingProblem::ReportTrainingUnknown => {
            td_string!(locale, reporting.problem_training_unknown).to_string()
        }
        ReportingProblem::SmallCellOutOfRange { min, max } => {
            td_string!(locale, reporting.problem_small_cell, min, max).to_string()
        }
        ReportingProblem::TargetInvalid { max } => {
            td_string!(locale, reporting.problem_target, max).to_string()
        }
    }
}

pub fn indicator_words(locale: Locale, indicator: Indicator) -> String {
    match indicator {
        Indicator::Registered => td_string!(locale, reporting.ind_registered),
        Indicator::ProfileComplete => td_string!(locale, reporting.ind_profile_complete),
        Indicator::Matched => td_string!(locale, reporting.ind_matched),
        Indicator::Enrolled => td_string!(locale, reporting.ind_enrolled),
        Indicator::TrainingCompleted => td_string!(locale, reporting.ind_training_completed),
        Indicator::PlanStarted => td_string!(locale, reporting.ind_plan_started),
        Indicator::PlanSubmitted => td_string!(locale, reporting.ind_plan_submitted),
        Indicator::PlanReady => td_string!(locale, reporting.ind_plan_ready),
        Indicator::PlanApproved => td_string!(locale, reporting.ind_plan_approved),
        Indicator::GrantPaid => td_string!(locale, reporting.ind_grant_paid),
        Indicator::Operating => td_string!(locale, reporting.ind_operating),
        Indicator::Profitable => td_string!(locale, reporting.ind_profitable),
    }
    .to_string()
}

pub fn measure_words(locale: Locale, measure: Measure) -> String {
    match measure {
        Measure::Committed => td_string!(locale, reporting.m_committed),
        Measure::Paid => td_string!(locale, reporting.m_paid),
        Measure::Jobs => td_string!(locale, reporting.m_jobs),
    }
    .to_string()
}

pub fn dimension_words(locale: Locale, dimension: Dimension) -> String {
    match dimension {
        Dimension::Sex => td_string!(locale, reporting.dim_sex),
        Dimension::AgeBand => td_string!(locale, reporting.dim_age),
        Dimension::Nationality => td_string!(locale, reporting.dim_nationality),
        Dimension::City => td_string!(locale, reporting.dim_city),
        Dimension::PopulationGroup => td_string!(locale, reporting.dim_population_group),
        Dimension::LegalStatus => td_string!(locale, reporting.dim_legal_status),
        Dimension::Disability => td_string!(locale, reporting.dim_disability),
    }
    .to_string()
}

fn lang(locale: Locale) -> Lang {
    locale.as_str().parse().unwrap_or(Lang::DEFAULT)
}

/// A category of a dimension (its code as the cube holds it; "" is not stated).
pub fn category_words(locale: Locale, dimension: Dimension, code: &str) -> String {
    if code.is_empty() {
        return td_string!(locale, reporting.not_stated).to_string();
    }
    let words = match (dimension, code) {
        (Dimension::Nationality, code) => {
            return Country::parse(code)
                .map_or(code.to_owned(), |c| c.label(lang(locale)).to_owned())
        }
        (Dimension::City, code) => {
            return City::parse(code).map_or(code.to_owned(), |c| c.label(lang(locale)).to_owned())
        }
        (_, "female") => td_string!(locale, reporting.cat_female),
        (_, "male") => td_string!(locale, reporting.cat_male),
        (_, "under_18") => td_string!(locale, reporting.cat_under_18),
        (_, "18_24") => td_string!(locale, reporting.cat_18_24),
        (_, "25_34") => td_string!(locale, reporting.cat_25_34),
        (_, "35_59") => td_string!(locale, reporting.cat_35_59),
        (_, "60_plus") => td_string!(locale, reporting.cat_60_plus),
        (_, "migrant") => td_string!(locale, reporting.cat_migrant),
        (_, "host") => td_string!(locale, reporting.cat_host),
        (_, "citizen") => td_string!(locale, reporting.cat_citizen),
        (_, "resident") => td_string!(locale, reporting.cat_resident),
        (_, "refugee") => td_string!(locale, reporting.cat_refugee),
        (_, "asylum_seeker") => td_string!(locale, reporting.cat_asylum_seeker),
        (_, "pending") => td_string!(locale, reporting.cat_pending),
        (_, "no_permit") => td_string!(locale, reporting.cat_no_permit),
        (_, "yes") => td_string!(locale, reporting.cat_yes),
        (_, "no") => td_string!(locale, reporting.cat_no),
        (_, code) => return code.to_owned(),
    };
    words.to_string()
}

/// A protected count as printed: the number, "< k", or "×".
pub fn figure_text(locale: Locale, figure: Figure, k: u64) -> String {
    match figure {
        Figure::Count(n) => n.to_string(),
        Figure::Small => td_string!(locale, reporting.small, k).to_string(),
        Figure::Hidden => td_string!(locale, reporting.hidden).to_string(),
    }
}

/// An amount beside its count: money in the language's way, jobs as a number; "×" when its
/// people are not shown.
pub fn measure_text(locale: Locale, measure: Measure, value: Option<i64>) -> String {
    match value {
        None => td_string!(locale, reporting.hidden).to_string(),
        Some(jobs) if measure == Measure::Jobs => jobs.to_string(),
        Some(centimes) => crate::domain::shared::display::money(
            lang(locale),
            crate::domain::shared::money::Money::from_centimes(centimes),
        ),
    }
}
