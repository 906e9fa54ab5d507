//! Names of a plan's parts in the reader's language.

use crate::domain::plans::budget::CapitalKind;
use crate::domain::plans::plan::PlanStatus;
use crate::domain::plans::plan_text::Section;
use crate::domain::plans::problem::{PlansProblem, Spot};
use crate::i18n::*;
use leptos_i18n::I18nContext;

pub fn section_name(i18n: I18nContext<Locale>, section: Section) -> String {
    match section {
        Section::Summary => t_string!(i18n, plan_editor.summary),
        Section::Idea => t_string!(i18n, plan_editor.idea),
        Section::Market => t_string!(i18n, plan_editor.market),
        Section::Marketing => t_string!(i18n, plan_editor.marketing),
        Section::Staff => t_string!(i18n, plan_editor.staff),
        Section::Legal => t_string!(i18n, plan_editor.legal),
    }
    .to_string()
}

/// What to write in a section (SYB's questions, shortly).
pub fn section_hint(i18n: I18nContext<Locale>, section: Section) -> String {
    match section {
        Section::Summary => t_string!(i18n, plan_editor.summary_hint),
        Section::Idea => t_string!(i18n, plan_editor.idea_hint),
        Section::Market => t_string!(i18n, plan_editor.market_hint),
        Section::Marketing => t_string!(i18n, plan_editor.marketing_hint),
        Section::Staff => t_string!(i18n, plan_editor.staff_hint),
        Section::Legal => t_string!(i18n, plan_editor.legal_hint),
    }
    .to_string()
}

pub fn kind_name(i18n: I18nContext<Locale>, kind: CapitalKind) -> String {
    match kind {
        CapitalKind::Equipment => t_string!(i18n, plan_editor.equipment),
        CapitalKind::Stock => t_string!(i18n, plan_editor.stock),
        CapitalKind::WorkingCapital => t_string!(i18n, plan_editor.working_capital),
    }
    .to_string()
}

/// The id of a section's anchor and of its problems list.
pub fn problems_id(section: Section) -> &'static str {
    match section {
        Section::Summary => "summary-problems",
        Section::Idea => "idea-problems",
        Section::Market => "market-problems",
        Section::Marketing => "marketing-problems",
        Section::Staff => "staff-problems",
        Section::Legal => "legal-problems",
    }
}

/// A plan's state in the reader's language.
pub fn plan_status_name(i18n: I18nContext<Locale>, status: PlanStatus) -> String {
    match status {
        PlanStatus::Draft => t_string!(i18n, plan.draft),
        PlanStatus::Submitted => t_string!(i18n, plan.submitted),
        PlanStatus::ChangesRequested => t_string!(i18n, plan.changes_requested),
        PlanStatus::Resubmitted => t_string!(i18n, plan.resubmitted),
        PlanStatus::ReadyForCommittee => t_string!(i18n, plan.ready_for_committee),
        PlanStatus::UnderReview => t_string!(i18n, plan.under_review),
        PlanStatus::Approved => t_string!(i18n, plan.approved),
        PlanStatus::Rejected => t_string!(i18n, plan.rejected),
        PlanStatus::Returned => t_string!(i18n, plan.returned),
        PlanStatus::Withdrawn => t_string!(i18n, plan.withdrawn),
        PlanStatus::Closed => t_string!(i18n, plan.closed),
    }
    .to_string()
}

/// The sentence for one plans problem.
pub fn problem_text(i18n: I18nContext<Locale>, problem: PlansProblem) -> String {
    match problem {
        PlansProblem::CallClosed => t_string!(i18n, problem.call_closed).to_string(),
        PlansProblem::PlanExists => t_string!(i18n, problem.plan_exists).to_string(),
        PlansProblem::SectionTooLong { max } => {
            t_string!(i18n, problem.section_too_long, max).to_string()
        }
        PlansProblem::PlanIncomplete { item } => {
            crate::pages::mentoring::labels::checklist_text(i18n, item)
        }
        PlansProblem::PlanIs { status, action } => t_string!(
            i18n,
            problem.plan_is,
            action = crate::pages::mentoring::labels::action_name(i18n, action),
            status = plan_status_name(i18n, status)
        )
        .to_string(),
        PlansProblem::PartUnknown => t_string!(i18n, problem.part_unknown).to_string(),
        PlansProblem::ItemMissing { row } => t_string!(i18n, problem.item_missing, row).to_string(),
        PlansProblem::ItemTooLong { row, max } => {
            t_string!(i18n, problem.item_too_long, row, max).to_string()
        }
        PlansProblem::ItemInvalid { row } => t_string!(i18n, problem.item_invalid, row).to_string(),
        PlansProblem::CapitalKindUnknown { row } => {
            t_string!(i18n, problem.capital_kind_unknown, row).to_string()
        }
        PlansProblem::QuantityInvalid { row, max } => {
            t_string!(i18n, problem.quantity_invalid, row, max).to_string()
        }
        PlansProblem::AmountNotANumber { at } => {
            t_string!(i18n, problem.amount_not_a_number, at = spot_text(i18n, at)).to_string()
        }
        PlansProblem::AmountNegative { at } => {
            t_string!(i18n, problem.amount_negative, at = spot_text(i18n, at)).to_string()
        }
        PlansProblem::AmountTooHigh { at, max } => t_string!(
            i18n,
            problem.amount_too_high,
            at = spot_text(i18n, at),
            max = max.to_string()
        )
        .to_string(),
        PlansProblem::TooManyRows { max } => {
            t_string!(i18n, problem.too_many_rows, max).to_string()
        }
        PlansProblem::FiguresTooLarge => t_string!(i18n, problem.figures_too_large).to_string(),
        PlansProblem::PlanNotEditable => t_string!(i18n, problem.plan_not_editable).to_string(),
        PlansProblem::PlanDecided => t_string!(i18n, problem.plan_decided).to_string(),
    }
}

/// Where in a plan's figures an amount was typed ("line 3, unit cost", "month 4, sales").
fn spot_text(i18n: I18nContext<Locale>, spot: Spot) -> String {
    match spot {
        Spot::UnitCost { row } => t_string!(i18n, problem.spot_unit_cost, row).to_string(),
        Spot::Sales { month } => t_string!(i18n, problem.spot_sales, month).to_string(),
        Spot::Costs { month } => t_string!(i18n, problem.spot_costs, month).to_string(),
        Spot::OwnContribution => t_string!(i18n, plan_editor.own_contribution).to_string(),
        Spot::GrantRequested => t_string!(i18n, plan_editor.grant_requested).to_string(),
        Spot::Loan => t_string!(i18n, plan_editor.loan).to_string(),
    }
}
