//! Names the catalogue pages show, in the reader's language.

use crate::domain::catalogue::grant_terms::{Criterion, Release};
use crate::domain::catalogue::problem::CatalogueProblem;
use crate::domain::profile::Programme;
use crate::i18n::*;
use leptos_i18n::I18nContext;

pub use crate::pages::shared::labels::lang_of;

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

/// The sentence for one catalogue problem.
pub fn problem_text(i18n: I18nContext<Locale>, problem: CatalogueProblem) -> String {
    use CatalogueProblem as P;
    match problem {
        P::ReferenceMissing => t_string!(i18n, problem.reference_missing).to_string(),
        P::ReferenceInvalid { max } => t_string!(i18n, problem.reference_invalid, max).to_string(),
        P::ReferenceTaken => t_string!(i18n, problem.reference_taken).to_string(),
        P::SeatsBelowEnrolled => t_string!(i18n, problem.seats_below_enrolled).to_string(),
        P::TitleMissing => t_string!(i18n, problem.title_missing).to_string(),
        P::TitleTooLong { max } => t_string!(i18n, problem.title_too_long, max).to_string(),
        P::FormulaRefused => t_string!(i18n, problem.formula_refused).to_string(),
        P::ProgrammeUnknown => t_string!(i18n, problem.programme_unknown).to_string(),
        P::EndsBeforeStart => t_string!(i18n, problem.ends_before_start).to_string(),
        P::SeatsInvalid { min, max } => {
            t_string!(i18n, problem.seats_invalid, min, max).to_string()
        }
        P::SkillCodeUnknown { skill } => {
            t_string!(i18n, problem.skill_code_unknown, skill = skill.to_string()).to_string()
        }
        P::WeightsSum { sum } => t_string!(i18n, problem.weights_sum, sum).to_string(),
        P::WeightInvalid => t_string!(i18n, problem.weight_invalid).to_string(),
        P::TranchesSum { sum } => t_string!(i18n, problem.tranches_sum, sum).to_string(),
        P::TrancheInvalid { max } => t_string!(i18n, problem.tranche_invalid, max).to_string(),
        P::QuorumInvalid { min, max } => {
            t_string!(i18n, problem.quorum_invalid, min, max).to_string()
        }
        P::FileMissing => t_string!(i18n, problem.file_missing).to_string(),
        P::CsvNotUtf8 => t_string!(i18n, problem.csv_not_utf8).to_string(),
        P::CsvTooLarge { max_mb } => t_string!(i18n, problem.csv_too_large, max_mb).to_string(),
        P::CsvTooManyRows { max } => t_string!(i18n, problem.csv_too_many_rows, max).to_string(),
        P::CsvMoreProblems { more } => t_string!(i18n, problem.csv_more_problems, more).to_string(),
        P::CsvEmpty => t_string!(i18n, problem.csv_empty).to_string(),
        P::CsvUnreadable => t_string!(i18n, problem.csv_unreadable).to_string(),
        P::CsvColumnsMissing { columns } => t_string!(
            i18n,
            problem.csv_columns_missing,
            columns = columns.to_string()
        )
        .to_string(),
        P::CsvColumnsUnknown { columns } => t_string!(
            i18n,
            problem.csv_columns_unknown,
            columns = columns.to_string()
        )
        .to_string(),
        P::CsvColumnsDuplicated { columns } => t_string!(
            i18n,
            problem.csv_columns_duplicated,
            columns = columns.to_string()
        )
        .to_string(),
        P::CsvRowLength { expected, found } => {
            t_string!(i18n, problem.csv_row_length, expected, found).to_string()
        }
        P::ReferenceTwiceInFile { first_row } => {
            t_string!(i18n, problem.reference_twice_in_file, first_row).to_string()
        }
        P::MaxGrantAboveEnvelope => t_string!(i18n, problem.max_grant_above_envelope).to_string(),
        P::PercentInvalid => t_string!(i18n, problem.percent_invalid).to_string(),
        P::AgeInvalid => t_string!(i18n, problem.age_invalid).to_string(),
    }
}
