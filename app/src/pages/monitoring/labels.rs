//! Monitoring words in the reader's language: what went wrong recording a visit, the visit's
//! answers and its sustainability score.

use crate::domain::monitoring::problem::MonitoringProblem;
use crate::domain::monitoring::score::{Band, Equipment, ProblemLevel, Score};
use crate::i18n::*;
use crate::pages::shared::labels::money_text;
use leptos_i18n::I18nContext;

/// The sentence for one monitoring problem.
pub fn problem_text(i18n: I18nContext<Locale>, problem: MonitoringProblem) -> String {
    match problem {
        MonitoringProblem::AnswerMissing => t_string!(i18n, problem.answer_missing).to_string(),
        MonitoringProblem::ChoiceMissing => t_string!(i18n, problem.choice_missing).to_string(),
        MonitoringProblem::BeforeApproval => t_string!(i18n, problem.before_approval).to_string(),
        MonitoringProblem::AmountMissing => t_string!(i18n, problem.amount_missing).to_string(),
        MonitoringProblem::AmountBelowZero => {
            t_string!(i18n, problem.amount_below_zero).to_string()
        }
        MonitoringProblem::AmountAboveLimit { max } => t_string!(
            i18n,
            problem.amount_above_limit,
            max = money_text(i18n, max)
        )
        .to_string(),
        MonitoringProblem::JobsInvalid { max } => {
            t_string!(i18n, problem.jobs_invalid, max).to_string()
        }
        MonitoringProblem::SatisfactoryNeedsOperating => {
            t_string!(i18n, problem.satisfactory_needs_operating).to_string()
        }
        MonitoringProblem::FileEmpty { name } => {
            t_string!(i18n, problem.file_empty, name = name.to_string()).to_string()
        }
        MonitoringProblem::FileTooLarge { name, max_mb } => t_string!(
            i18n,
            problem.file_too_large,
            name = name.to_string(),
            max_mb
        )
        .to_string(),
        MonitoringProblem::FileTypeRefused { name } => {
            t_string!(i18n, problem.file_type_refused, name = name.to_string()).to_string()
        }
        MonitoringProblem::TooManyFiles { max } => {
            t_string!(i18n, problem.too_many_files, max).to_string()
        }
        MonitoringProblem::UploadTooLarge { max_mb } => {
            t_string!(i18n, problem.upload_too_large, max_mb).to_string()
        }
        MonitoringProblem::PlanNotApproved => {
            t_string!(i18n, problem.plan_not_approved).to_string()
        }
    }
}

/// What a mentor answers about the stock and equipment bought with the grant.
pub fn equipment_name(i18n: I18nContext<Locale>, equipment: Equipment) -> String {
    match equipment {
        Equipment::Present => t_string!(i18n, monitoring.equipment_present).to_string(),
        Equipment::Partly => t_string!(i18n, monitoring.equipment_partly).to_string(),
        Equipment::Missing => t_string!(i18n, monitoring.equipment_missing).to_string(),
    }
}

/// How serious the problems a mentor reports are.
pub fn problem_level_name(i18n: I18nContext<Locale>, level: ProblemLevel) -> String {
    match level {
        ProblemLevel::Nothing => t_string!(i18n, monitoring.problem_level_none).to_string(),
        ProblemLevel::Manageable => {
            t_string!(i18n, monitoring.problem_level_manageable).to_string()
        }
        ProblemLevel::Threatening => {
            t_string!(i18n, monitoring.problem_level_threatening).to_string()
        }
    }
}

/// The equipment question's answers, as the form offers them.
pub fn equipment_answers(i18n: I18nContext<Locale>) -> Vec<(&'static str, String)> {
    Equipment::ALL
        .iter()
        .map(|e| (e.code(), equipment_name(i18n, *e)))
        .collect()
}

/// The problem question's answers, as the form offers them.
pub fn problem_level_answers(i18n: I18nContext<Locale>) -> Vec<(&'static str, String)> {
    ProblemLevel::ALL
        .iter()
        .map(|l| (l.code(), problem_level_name(i18n, *l)))
        .collect()
}

/// Where a sustainability score falls, in words.
pub fn band_name(i18n: I18nContext<Locale>, band: Band) -> String {
    match band {
        Band::AtRisk => t_string!(i18n, monitoring.band_at_risk).to_string(),
        Band::Fragile => t_string!(i18n, monitoring.band_fragile).to_string(),
        Band::Sustainable => t_string!(i18n, monitoring.band_sustainable).to_string(),
    }
}

/// "72/100 · fragile".
pub fn score_text(i18n: I18nContext<Locale>, score: Score) -> String {
    t_string!(
        i18n,
        monitoring.score_value,
        score = score.total(),
        band = band_name(i18n, score.band())
    )
    .to_string()
}
