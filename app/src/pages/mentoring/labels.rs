//! Mentoring words in the reader's language: steps, parts of a plan, open checklist points,
//! who a plan waits on, and why a mentor is suggested.

use crate::domain::mentoring::problem::MentoringProblem;
use crate::domain::mentoring::{Fit, WaitsOn};
use crate::domain::plans::budget::TermsCheck;
use crate::domain::plans::plan::PlanAction;
use crate::domain::plans::plan_text::{ChecklistItem, Part, Section};
use crate::i18n::*;
use crate::pages::catalogue::labels::lang_of;
use crate::pages::profile::labels::language_name;
use crate::pages::sector_name;
use crate::pages::shared::labels::money_text;
use leptos_i18n::I18nContext;

/// A step as a button says it.
pub fn action_name(i18n: I18nContext<Locale>, action: PlanAction) -> String {
    match action {
        PlanAction::Submit => t_string!(i18n, mentoring.act_submit),
        PlanAction::RequestChanges => t_string!(i18n, mentoring.act_request_changes),
        PlanAction::Resubmit => t_string!(i18n, mentoring.act_resubmit),
        PlanAction::MarkReady => t_string!(i18n, mentoring.act_mark_ready),
        PlanAction::Withdraw => t_string!(i18n, mentoring.act_withdraw),
        PlanAction::PutOnAgenda => t_string!(i18n, mentoring.act_put_on_agenda),
        PlanAction::Approve => t_string!(i18n, mentoring.act_approve),
        PlanAction::Reject => t_string!(i18n, mentoring.act_reject),
        PlanAction::Return => t_string!(i18n, mentoring.act_return),
    }
    .to_string()
}

/// A step as the timeline tells it.
pub fn event_name(i18n: I18nContext<Locale>, action: PlanAction) -> String {
    match action {
        PlanAction::Submit => t_string!(i18n, mentoring.ev_submit),
        PlanAction::RequestChanges => t_string!(i18n, mentoring.ev_request_changes),
        PlanAction::Resubmit => t_string!(i18n, mentoring.ev_resubmit),
        PlanAction::MarkReady => t_string!(i18n, mentoring.ev_mark_ready),
        PlanAction::Withdraw => t_string!(i18n, mentoring.ev_withdraw),
        PlanAction::PutOnAgenda => t_string!(i18n, mentoring.ev_put_on_agenda),
        PlanAction::Approve => t_string!(i18n, mentoring.ev_approve),
        PlanAction::Reject => t_string!(i18n, mentoring.ev_reject),
        PlanAction::Return => t_string!(i18n, mentoring.ev_return),
    }
    .to_string()
}

pub fn part_name(i18n: I18nContext<Locale>, part: Part) -> String {
    match part {
        Part::Section(section) => crate::pages::plans::labels::section_name(i18n, section),
        Part::Figures => t_string!(i18n, plan_editor.figures_title).to_string(),
    }
}

/// Every part a comment thread can hang on, in the plan's order.
pub fn all_parts() -> Vec<Part> {
    Section::ALL
        .into_iter()
        .map(Part::Section)
        .chain([Part::Figures])
        .collect()
}

/// An open checklist point, as the applicant must read it to act on it.
pub fn checklist_text(i18n: I18nContext<Locale>, item: ChecklistItem) -> String {
    match item {
        ChecklistItem::SectionWritten { section, .. } => t_string!(
            i18n,
            mentoring.missing_section,
            section = part_name(i18n, Part::Section(section))
        )
        .to_string(),
        ChecklistItem::CapitalListed { .. } => {
            t_string!(i18n, mentoring.missing_capital).to_string()
        }
        ChecklistItem::SalesPlanned { .. } => t_string!(i18n, mentoring.missing_sales).to_string(),
        ChecklistItem::FiguresAddUp { .. } => t_string!(i18n, mentoring.figures_add_up).to_string(),
        ChecklistItem::Terms { check } => terms_text(i18n, check),
    }
}

fn terms_text(i18n: I18nContext<Locale>, check: TermsCheck) -> String {
    match check {
        TermsCheck::GrantWithinMaximum { requested, maximum } => t_string!(
            i18n,
            mentoring.terms_grant,
            requested = money_text(i18n, requested),
            maximum = money_text(i18n, maximum)
        )
        .to_string(),
        TermsCheck::OwnContribution {
            brought,
            needed,
            percent,
        } => t_string!(
            i18n,
            mentoring.terms_own,
            brought = money_text(i18n, brought),
            needed = money_text(i18n, needed),
            percent
        )
        .to_string(),
        TermsCheck::CapitalCovered { sources, capital } => t_string!(
            i18n,
            mentoring.terms_capital,
            sources = money_text(i18n, sources),
            capital = money_text(i18n, capital)
        )
        .to_string(),
    }
}

pub fn waits_on_name(i18n: I18nContext<Locale>, waits: Option<WaitsOn>) -> String {
    match waits {
        Some(WaitsOn::Mentor) => t_string!(i18n, mentoring.waits_mentor).to_string(),
        Some(WaitsOn::Applicant) => t_string!(i18n, mentoring.waits_applicant).to_string(),
        Some(WaitsOn::Committee) => t_string!(i18n, mentoring.waits_committee).to_string(),
        None => String::new(),
    }
}

/// Why a mentor is suggested, one reason.
pub fn fit_text(i18n: I18nContext<Locale>, fit: &Fit) -> String {
    let lang = lang_of(i18n);
    match fit {
        Fit::SameCity { city } => {
            t_string!(i18n, mentoring.fit_city, city = city.label(lang)).to_string()
        }
        Fit::SharedSectors { sectors } => {
            let names: Vec<String> = sectors.iter().map(|s| sector_name(i18n, *s)).collect();
            t_string!(i18n, mentoring.fit_sectors, sectors = names.join(", ")).to_string()
        }
        Fit::SharedLanguages { languages } => {
            let names: Vec<String> = languages.iter().map(|l| language_name(i18n, *l)).collect();
            t_string!(i18n, mentoring.fit_languages, languages = names.join(", ")).to_string()
        }
        Fit::NoSharedLanguage => t_string!(i18n, mentoring.fit_no_language).to_string(),
        Fit::Caseload { load, capacity } => t_string!(
            i18n,
            mentoring.fit_caseload,
            load = *load,
            capacity = *capacity
        )
        .to_string(),
        Fit::Full { load, capacity } => {
            t_string!(i18n, mentoring.fit_full, load = *load, capacity = *capacity).to_string()
        }
    }
}

/// The sentence for one mentoring problem.
pub fn problem_text(i18n: I18nContext<Locale>, problem: MentoringProblem) -> String {
    match problem {
        MentoringProblem::BeforePlanStarted => {
            t_string!(i18n, problem.before_plan_started).to_string()
        }
        MentoringProblem::MinutesInvalid { min, max } => {
            t_string!(i18n, problem.minutes_invalid, min, max).to_string()
        }
        MentoringProblem::CapacityInvalid { min, max } => {
            t_string!(i18n, problem.capacity_invalid, min, max).to_string()
        }
        MentoringProblem::NotAMentor => t_string!(i18n, problem.not_a_mentor).to_string(),
    }
}
