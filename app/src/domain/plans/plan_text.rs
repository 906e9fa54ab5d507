//! The written part of a business plan (ILO "Start Your Business"): its sections, what a
//! section may hold, and the checklist a plan must pass before it goes to its mentor.

use crate::domain::plans::budget::{check_terms, Budget, TermsCheck};
use crate::domain::plans::problem::PlansProblem;
use crate::domain::problem::Problem;
use crate::domain::profile::codes;
use crate::domain::shared::money::Money;
use crate::domain::shared::problem::SharedProblem;
use crate::domain::shared::problem::{Field, Snippet};
use crate::domain::shared::text::{FreeText, TextError};
use serde::{Deserialize, Serialize};

/// The written sections, in the order SYB teaches them. The figures (capital, sales and costs,
/// cash flow, sources) are not text: they live in [`Budget`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Summary,
    Idea,
    Market,
    Marketing,
    Staff,
    Legal,
}

codes!(Section {
    Summary => "summary",
    Idea => "idea",
    Market => "market",
    Marketing => "marketing",
    Staff => "staff",
    Legal => "legal",
});

impl Section {
    /// The form field of this section, where its problems are shown.
    pub fn field(self) -> Field {
        Field::PlanSection(Snippet::new(self.code()))
    }

    pub const ALL: [Section; 6] = [
        Section::Summary,
        Section::Idea,
        Section::Market,
        Section::Marketing,
        Section::Staff,
        Section::Legal,
    ];
}

/// Where a comment thread hangs: a written section, or the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Section(Section),
    Figures,
}

impl Part {
    pub fn code(self) -> &'static str {
        match self {
            Part::Section(section) => section.code(),
            Part::Figures => "figures",
        }
    }

    pub fn from_code(code: &str) -> Option<Part> {
        match code {
            "figures" => Some(Part::Figures),
            other => Section::from_code(other).map(Part::Section),
        }
    }
}

/// The longest section, in characters: about eight pages, enough for any section of a
/// microbusiness plan, small enough to edit on a phone.
pub const SECTION_MAX: usize = 20_000;

/// A section's Markdown as the applicant typed it, checked: not too long, no control characters
/// but line breaks and tabs. Line endings are made `\n` so versions compare line by line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionText(String);

impl SectionText {
    pub fn parse(input: &str) -> Result<SectionText, Problem> {
        match FreeText::<SECTION_MAX>::lines(input) {
            Ok(text) => Ok(SectionText(
                text.map(FreeText::into_string).unwrap_or_default(),
            )),
            Err(TextError::TooLong) => {
                Err(PlansProblem::SectionTooLong { max: SECTION_MAX }.into())
            }
            Err(TextError::Invalid) => Err(SharedProblem::TextInvalid.into()),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }

    /// Whether there is something written (not only spaces).
    pub fn is_filled(&self) -> bool {
        !self.0.trim().is_empty()
    }
}

/// A plan's text and figures at one moment: what a submission freezes and two versions compare.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PlanContent {
    pub sections: std::collections::BTreeMap<Section, String>,
    pub figures: Budget,
}

impl PlanContent {
    /// The sections with text, for [`checklist`].
    pub fn written(&self) -> Vec<Section> {
        self.sections
            .iter()
            .filter(|(_, body)| !body.trim().is_empty())
            .map(|(section, _)| *section)
            .collect()
    }
}

/// One point of the checklist shown beside the editor, each something the applicant can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "item", rename_all = "snake_case")]
pub enum ChecklistItem {
    /// A required section has text.
    SectionWritten { section: Section, done: bool },
    /// The start-up capital has at least one line.
    CapitalListed { done: bool },
    /// The sales and cost plan has sales in at least one month.
    SalesPlanned { done: bool },
    /// One of the call's terms (grant, own contribution, capital covered).
    Terms { check: TermsCheck },
    /// The figures could not be added up (too large): they must be corrected.
    FiguresAddUp { done: bool },
}

impl ChecklistItem {
    pub fn done(&self) -> bool {
        match self {
            ChecklistItem::SectionWritten { done, .. }
            | ChecklistItem::CapitalListed { done }
            | ChecklistItem::SalesPlanned { done }
            | ChecklistItem::FiguresAddUp { done } => *done,
            ChecklistItem::Terms { check } => check.met(),
        }
    }
}

/// The call's terms a plan is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallTerms {
    pub max_grant: Money,
    pub own_contribution_percent: u8,
}

/// Every point a plan must meet before it is sent to its mentor: every section written, capital
/// listed, sales planned, and the call's terms met. `written` lists the sections that have text.
pub fn checklist(written: &[Section], budget: &Budget, terms: CallTerms) -> Vec<ChecklistItem> {
    let mut items: Vec<ChecklistItem> = Section::ALL
        .into_iter()
        .map(|section| ChecklistItem::SectionWritten {
            section,
            done: written.contains(&section),
        })
        .collect();
    items.push(ChecklistItem::CapitalListed {
        done: !budget.items.is_empty(),
    });
    items.push(ChecklistItem::SalesPlanned {
        done: budget.months.iter().any(|m| m.sales > Money::default()),
    });
    match budget.totals() {
        Ok(totals) => items.extend(
            check_terms(
                budget,
                &totals,
                terms.max_grant,
                terms.own_contribution_percent,
            )
            .into_iter()
            .map(|check| ChecklistItem::Terms { check }),
        ),
        Err(_) => items.push(ChecklistItem::FiguresAddUp { done: false }),
    }
    items
}

/// Whether every point of a checklist is met.
pub fn ready_to_send(items: &[ChecklistItem]) -> bool {
    items.iter().all(ChecklistItem::done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plans::budget::{CapitalItem, CapitalKind, Month};

    fn terms() -> CallTerms {
        CallTerms {
            max_grant: Money::from_dirhams(20_000),
            own_contribution_percent: 10,
        }
    }

    fn sound_budget() -> Budget {
        let mut months = [Month::default(); 12];
        months[0].sales = Money::from_dirhams(3_000);
        Budget {
            items: vec![CapitalItem {
                kind: CapitalKind::Equipment,
                item: "Machine à coudre".into(),
                quantity: 2,
                unit_cost: Money::from_dirhams(5_000),
            }],
            months,
            own_contribution: Money::from_dirhams(1_000),
            grant_requested: Money::from_dirhams(9_000),
            loan: Money::default(),
        }
    }

    #[test]
    fn a_section_keeps_its_text_with_unix_line_endings() {
        let text = SectionText::parse("# Idée\r\nCouture\rsur mesure  \n\n").expect("valid");
        assert_eq!(text.as_str(), "# Idée\nCouture\nsur mesure");
        assert!(text.is_filled());
        assert!(!SectionText::parse("  \n ").expect("valid").is_filled());
    }

    #[test]
    fn a_section_too_long_or_with_control_characters_is_refused() {
        assert_eq!(
            SectionText::parse(&"é".repeat(SECTION_MAX + 1)),
            Err(PlansProblem::SectionTooLong { max: SECTION_MAX }.into())
        );
        assert!(SectionText::parse(&"é".repeat(SECTION_MAX)).is_ok());
        assert_eq!(
            SectionText::parse("a\u{0}b"),
            Err(SharedProblem::TextInvalid.into())
        );
        assert!(SectionText::parse("col\tcol").is_ok());
    }

    #[test]
    fn a_complete_plan_within_the_terms_is_ready_to_send() {
        let items = checklist(&Section::ALL, &sound_budget(), terms());
        assert!(ready_to_send(&items), "{items:?}");
    }

    #[test]
    fn a_missing_section_is_named_on_the_checklist() {
        let written = [Section::Summary, Section::Idea];
        let items = checklist(&written, &sound_budget(), terms());
        assert!(!ready_to_send(&items));
        assert!(items.contains(&ChecklistItem::SectionWritten {
            section: Section::Market,
            done: false
        }));
    }

    #[test]
    fn an_empty_budget_or_a_grant_above_the_maximum_is_not_ready() {
        let empty = checklist(&Section::ALL, &Budget::default(), terms());
        assert!(empty.contains(&ChecklistItem::CapitalListed { done: false }));
        assert!(empty.contains(&ChecklistItem::SalesPlanned { done: false }));
        let mut greedy = sound_budget();
        greedy.grant_requested = Money::from_dirhams(25_000);
        let items = checklist(&Section::ALL, &greedy, terms());
        assert!(items.iter().any(|item| matches!(
            item,
            ChecklistItem::Terms {
                check: TermsCheck::GrantWithinMaximum { .. }
            }
        ) && !item.done()));
    }

    #[test]
    fn every_part_code_round_trips() {
        for section in Section::ALL {
            assert_eq!(
                Part::from_code(section.code()),
                Some(Part::Section(section))
            );
        }
        assert_eq!(Part::from_code("figures"), Some(Part::Figures));
        assert_eq!(Part::from_code("budget"), None);
    }
}
