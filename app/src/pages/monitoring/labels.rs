//! Monitoring words in the reader's language: what went wrong recording a visit.

use crate::domain::monitoring::problem::MonitoringProblem;
use crate::i18n::*;
use crate::pages::shared::labels::money_text;
use leptos_i18n::I18nContext;

/// The sentence for one monitoring problem.
pub fn problem_text(i18n: I18nContext<Locale>, problem: MonitoringProblem) -> String {
    match problem {
        MonitoringProblem::AnswerMissing => t_string!(i18n, problem.answer_missing).to_string(),
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
