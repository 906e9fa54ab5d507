//! Names of a plan's parts in the reader's language.

use crate::domain::plans::budget::CapitalKind;
use crate::domain::plans::plan_text::Section;
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
