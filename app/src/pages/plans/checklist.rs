//! The checklist beside the editor: each point met or, if not, what to do about it.

use crate::domain::plans::budget::TermsCheck;
use crate::domain::plans::plan_text::ChecklistItem;
use crate::i18n::*;
use crate::pages::plans::labels::section_name;
use crate::pages::shared::labels::money_text;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

/// What a point asks for, in words the applicant can act on.
pub fn item_text(i18n: I18nContext<Locale>, item: &ChecklistItem) -> String {
    match *item {
        ChecklistItem::SectionWritten { section, .. } => t_string!(
            i18n,
            plan_editor.check_section,
            section = section_name(i18n, section)
        )
        .to_string(),
        ChecklistItem::CapitalListed { .. } => {
            t_string!(i18n, plan_editor.check_capital).to_string()
        }
        ChecklistItem::SalesPlanned { .. } => t_string!(i18n, plan_editor.check_sales).to_string(),
        ChecklistItem::FiguresAddUp { .. } => t_string!(i18n, plan_editor.check_add_up).to_string(),
        ChecklistItem::Terms { check } => match check {
            TermsCheck::GrantWithinMaximum { requested, maximum } => t_string!(
                i18n,
                plan_editor.check_grant,
                maximum = money_text(i18n, maximum),
                requested = money_text(i18n, requested)
            )
            .to_string(),
            TermsCheck::OwnContribution {
                brought,
                needed,
                percent,
            } => t_string!(
                i18n,
                plan_editor.check_own,
                needed = money_text(i18n, needed),
                percent = percent,
                brought = money_text(i18n, brought)
            )
            .to_string(),
            TermsCheck::CapitalCovered { sources, capital } => t_string!(
                i18n,
                plan_editor.check_covered,
                sources = money_text(i18n, sources),
                capital = money_text(i18n, capital)
            )
            .to_string(),
        },
    }
}

#[component]
pub fn Checklist(items: Vec<ChecklistItem>) -> impl IntoView {
    let i18n = use_i18n();
    let ready = items.iter().all(ChecklistItem::done);
    view! {
        <section class="card checklist" id="checklist" data-test="checklist" data-ready=ready.to_string()>
            <h2>{t!(i18n, plan_editor.checklist_title)}</h2>
            <ul>
                {items.into_iter().map(|item| {
                    let done = item.done();
                    let mark = if done {
                        t_string!(i18n, plan_editor.done).to_string()
                    } else {
                        t_string!(i18n, plan_editor.to_do).to_string()
                    };
                    view! {
                        <li data-test="check" data-done=done.to_string()>
                            <strong>{mark}</strong> " " {item_text(i18n, &item)}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
