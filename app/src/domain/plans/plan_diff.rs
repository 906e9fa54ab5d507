//! What changed between two states of a plan (two submitted versions, or a version and the
//! draft): the lines of each written section, the start-up capital lines, the months, the
//! sources and the key totals. Mentors read this to see what an applicant did with their advice.

use crate::domain::plans::budget::{Budget, CapitalItem, CapitalKind, Month};
use crate::domain::plans::plan_text::{PlanContent, Section};
use crate::domain::shared::money::Money;
use serde::{Deserialize, Serialize};

/// One line of a section, kept, added or removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", content = "line", rename_all = "snake_case")]
pub enum Line {
    Same(String),
    Added(String),
    Removed(String),
}

/// A section whose text changed, line by line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionDiff {
    pub section: Section,
    pub lines: Vec<Line>,
}

/// A start-up capital line, matched by kind and item between the two states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum CapitalChange {
    Added {
        item: CapitalItem,
    },
    Removed {
        item: CapitalItem,
    },
    Changed {
        before: CapitalItem,
        after: CapitalItem,
    },
}

/// A month whose sales or costs changed (`month` from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthChange {
    pub month: u8,
    pub before: Month,
    pub after: Month,
}

/// An amount named by what it is, before and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Amount {
    OwnContribution,
    GrantRequested,
    Loan,
    Capital,
    Sources,
    YearlyProfit,
    /// Cash at the end of the twelfth month.
    ClosingCash,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmountChange {
    pub amount: Amount,
    pub before: Money,
    pub after: Money,
}

/// What changed in the figures; every list is empty when nothing did.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FiguresDiff {
    pub capital: Vec<CapitalChange>,
    pub months: Vec<MonthChange>,
    pub sources: Vec<AmountChange>,
    /// Computed totals; left out when either side cannot be added up.
    pub totals: Vec<AmountChange>,
}

impl FiguresDiff {
    pub fn is_empty(&self) -> bool {
        self.capital.is_empty() && self.months.is_empty() && self.sources.is_empty()
    }
}

/// Everything that changed from `before` to `after`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PlanDiff {
    /// Only the sections whose text changed, in SYB order.
    pub sections: Vec<SectionDiff>,
    pub figures: FiguresDiff,
}

/// The line diff of one text, or `None` when it did not change.
pub fn lines(before: &str, after: &str) -> Option<Vec<Line>> {
    if before == after {
        return None;
    }
    let diff = similar::TextDiff::from_lines(before, after);
    Some(
        diff.iter_all_changes()
            .map(|change| {
                let text = change.value().trim_end_matches('\n').to_owned();
                match change.tag() {
                    similar::ChangeTag::Equal => Line::Same(text),
                    similar::ChangeTag::Insert => Line::Added(text),
                    similar::ChangeTag::Delete => Line::Removed(text),
                }
            })
            .collect(),
    )
}

fn capital(before: &[CapitalItem], after: &[CapitalItem]) -> Vec<CapitalChange> {
    let key = |i: &CapitalItem| (i.kind, i.item.trim().to_lowercase());
    let mut unmatched: Vec<Option<&CapitalItem>> = after.iter().map(Some).collect();
    let mut changes = Vec::new();
    for old in before {
        let found = unmatched
            .iter_mut()
            .find(|slot| slot.is_some_and(|new| key(new) == key(old)))
            .and_then(Option::take);
        match found {
            Some(new) if new == old => {}
            Some(new) => changes.push(CapitalChange::Changed {
                before: old.clone(),
                after: new.clone(),
            }),
            None => changes.push(CapitalChange::Removed { item: old.clone() }),
        }
    }
    changes.extend(
        unmatched
            .into_iter()
            .flatten()
            .map(|item| CapitalChange::Added { item: item.clone() }),
    );
    let order = |kind: CapitalKind| CapitalKind::ALL.iter().position(|k| *k == kind);
    changes.sort_by_key(|c| match c {
        CapitalChange::Added { item } | CapitalChange::Removed { item } => order(item.kind),
        CapitalChange::Changed { after, .. } => order(after.kind),
    });
    changes
}

fn changed(amount: Amount, before: Money, after: Money) -> Option<AmountChange> {
    (before != after).then_some(AmountChange {
        amount,
        before,
        after,
    })
}

fn totals(before: &Budget, after: &Budget) -> Vec<AmountChange> {
    let (Ok(b), Ok(a)) = (before.totals(), after.totals()) else {
        return Vec::new();
    };
    let last = |cash: &[Money; 12]| cash[11];
    [
        changed(Amount::Capital, b.capital, a.capital),
        changed(Amount::Sources, b.sources, a.sources),
        changed(Amount::YearlyProfit, b.yearly_profit, a.yearly_profit),
        changed(
            Amount::ClosingCash,
            last(&b.closing_cash),
            last(&a.closing_cash),
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// What changed in the figures.
pub fn figures(before: &Budget, after: &Budget) -> FiguresDiff {
    let months = before
        .months
        .iter()
        .zip(after.months.iter())
        .enumerate()
        .filter(|(_, (b, a))| b != a)
        .map(|(i, (b, a))| MonthChange {
            month: u8::try_from(i + 1).unwrap_or(12),
            before: *b,
            after: *a,
        })
        .collect();
    let sources = [
        changed(
            Amount::OwnContribution,
            before.own_contribution,
            after.own_contribution,
        ),
        changed(
            Amount::GrantRequested,
            before.grant_requested,
            after.grant_requested,
        ),
        changed(Amount::Loan, before.loan, after.loan),
    ]
    .into_iter()
    .flatten()
    .collect();
    FiguresDiff {
        capital: capital(&before.items, &after.items),
        months,
        sources,
        totals: totals(before, after),
    }
}

/// What changed from `before` to `after`, text and figures.
pub fn diff(before: &PlanContent, after: &PlanContent) -> PlanDiff {
    let text = |content: &PlanContent, section| {
        content.sections.get(&section).cloned().unwrap_or_default()
    };
    let sections = Section::ALL
        .into_iter()
        .filter_map(|section| {
            lines(&text(before, section), &text(after, section))
                .map(|lines| SectionDiff { section, lines })
        })
        .collect();
    PlanDiff {
        sections,
        figures: figures(&before.figures, &after.figures),
    }
}

#[cfg(test)]
#[path = "plan_diff_tests.rs"]
mod tests;
