//! The figures form of a business plan as typed (start-up capital lines, twelve months, the
//! sources of capital), read into a [`Budget`]. Every bad value is reported with its row or
//! month, all at once, and nothing is kept unless everything is right.

use crate::domain::plans::budget::{Budget, CapitalItem, CapitalKind, Month};
use crate::domain::plans::problem::{PlansProblem, Spot};
use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::shared::money::{Money, MoneyError};
use crate::domain::shared::problem::Field;
use crate::domain::shared::text::{FreeText, TextError};
use serde::{Deserialize, Serialize};

/// The most capital lines a plan may list: a microbusiness needs far fewer.
pub const MAX_ROWS: usize = 40;
/// The longest item name, in characters.
pub const ITEM_MAX: usize = 120;
/// The largest quantity on one line.
pub const QUANTITY_MAX: u32 = 10_000;
/// The dearest unit on one line.
pub const UNIT_COST_MAX: Money = Money::from_dirhams(1_000_000);
/// The most sales, costs or source a month or a source may show.
pub const MONTH_MAX: Money = Money::from_dirhams(10_000_000);

/// The figures form as posted: one list per column (rows and months in order), each value as
/// typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FiguresInput {
    pub kinds: Vec<String>,
    pub items: Vec<String>,
    pub quantities: Vec<String>,
    pub unit_costs: Vec<String>,
    pub sales: Vec<String>,
    pub costs: Vec<String>,
    pub own_contribution: String,
    pub grant_requested: String,
    pub loan: String,
}

/// A capital kind's form code.
pub fn kind_code(kind: CapitalKind) -> &'static str {
    match kind {
        CapitalKind::Equipment => "equipment",
        CapitalKind::Stock => "stock",
        CapitalKind::WorkingCapital => "working_capital",
    }
}

fn kind_from_code(code: &str) -> Option<CapitalKind> {
    CapitalKind::ALL
        .into_iter()
        .find(|kind| kind_code(*kind) == code.trim())
}

/// An amount as the form shows it again, so that it reads back the same (`25000,50`).
pub fn plain(money: Money) -> String {
    let c = money.centimes();
    if c % 100 == 0 {
        (c / 100).to_string()
    } else {
        format!("{},{:02}", c / 100, (c % 100).abs())
    }
}

impl FiguresInput {
    /// The form filled from saved figures (what the page shows before any edit).
    pub fn from_budget(budget: &Budget) -> FiguresInput {
        let items = &budget.items;
        FiguresInput {
            kinds: items.iter().map(|i| kind_code(i.kind).to_owned()).collect(),
            items: items.iter().map(|i| i.item.clone()).collect(),
            quantities: items.iter().map(|i| i.quantity.to_string()).collect(),
            unit_costs: items.iter().map(|i| plain(i.unit_cost)).collect(),
            sales: budget.months.iter().map(|m| plain(m.sales)).collect(),
            costs: budget.months.iter().map(|m| plain(m.costs)).collect(),
            own_contribution: plain(budget.own_contribution),
            grant_requested: plain(budget.grant_requested),
            loan: plain(budget.loan),
        }
    }
}

impl FiguresInput {
    /// What was typed, as plain lines to copy from (a kept conflict shows this).
    pub fn readable(&self) -> String {
        let mut out = Vec::new();
        for i in 0..self.items.len() {
            let line = [&self.kinds, &self.items, &self.quantities, &self.unit_costs]
                .map(|list| cell(list, i).trim());
            if line[1..].iter().any(|c| !c.is_empty()) {
                out.push(format!("{}. {}", i + 1, line.join(" | ")));
            }
        }
        for i in 0..12 {
            let (sales, costs) = (cell(&self.sales, i).trim(), cell(&self.costs, i).trim());
            if !sales.is_empty() || !costs.is_empty() {
                out.push(format!("M{}: {sales} | {costs}", i + 1));
            }
        }
        out.push(format!(
            "= {} | {} | {}",
            self.own_contribution.trim(),
            self.grant_requested.trim(),
            self.loan.trim()
        ));
        out.join("\n")
    }
}

/// An amount that may be left blank (zero), at most `max`.
fn amount(text: &str, at: Spot, max: Money) -> Result<Money, Problem> {
    if text.trim().is_empty() {
        return Ok(Money::default());
    }
    match Money::parse(text) {
        Ok(money) if money > max => Err(PlansProblem::AmountTooHigh { at, max }.into()),
        Ok(money) => Ok(money),
        Err(MoneyError::Negative) => Err(PlansProblem::AmountNegative { at }.into()),
        Err(MoneyError::TooLarge) => Err(PlansProblem::AmountTooHigh { at, max }.into()),
        Err(MoneyError::Missing | MoneyError::Invalid) => {
            Err(PlansProblem::AmountNotANumber { at }.into())
        }
    }
}

fn cell(list: &[String], i: usize) -> &str {
    list.get(i).map(String::as_str).unwrap_or_default()
}

/// One capital line; `None` when the line is left empty (that is how a line is removed).
fn row(input: &FiguresInput, i: usize, problems: &mut Vec<Problem>) -> Option<CapitalItem> {
    let row = u8::try_from(i + 1).unwrap_or(u8::MAX);
    let (item, quantity, unit_cost) = (
        cell(&input.items, i).trim(),
        cell(&input.quantities, i).trim(),
        cell(&input.unit_costs, i).trim(),
    );
    if item.is_empty() && quantity.is_empty() && unit_cost.is_empty() {
        return None;
    }
    let before = problems.len();
    let kind = kind_from_code(cell(&input.kinds, i));
    if kind.is_none() {
        problems.push(PlansProblem::CapitalKindUnknown { row }.into());
    }
    let item = match FreeText::<ITEM_MAX>::line(item) {
        Ok(Some(item)) => item.into_string(),
        Ok(None) => {
            problems.push(PlansProblem::ItemMissing { row }.into());
            String::new()
        }
        Err(TextError::TooLong) => {
            problems.push(PlansProblem::ItemTooLong { row, max: ITEM_MAX }.into());
            String::new()
        }
        Err(TextError::Invalid) => {
            problems.push(PlansProblem::ItemInvalid { row }.into());
            String::new()
        }
    };
    let quantity = quantity
        .parse::<u32>()
        .ok()
        .filter(|q| (1..=QUANTITY_MAX).contains(q));
    if quantity.is_none() {
        problems.push(
            PlansProblem::QuantityInvalid {
                row,
                max: QUANTITY_MAX,
            }
            .into(),
        );
    }
    let unit_cost = if unit_cost.is_empty() {
        Err(PlansProblem::AmountNotANumber {
            at: Spot::UnitCost { row },
        }
        .into())
    } else {
        amount(unit_cost, Spot::UnitCost { row }, UNIT_COST_MAX)
    };
    let unit_cost = unit_cost.map_err(|p| problems.push(p)).ok();
    match (kind, quantity, unit_cost) {
        (Some(kind), Some(quantity), Some(unit_cost)) if problems.len() == before => {
            Some(CapitalItem {
                kind,
                item: item.to_owned(),
                quantity,
                unit_cost,
            })
        }
        _ => None,
    }
}

/// The typed figures as a budget whose totals can be computed, or every problem found, each
/// with the part of the form it belongs to.
pub fn parse(input: &FiguresInput) -> Result<Budget, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let mut capital = Vec::new();
    let mut items = Vec::new();
    let lines = input
        .items
        .len()
        .max(input.quantities.len())
        .max(input.unit_costs.len());
    for i in 0..lines.min(MAX_ROWS * 4) {
        items.extend(row(input, i, &mut capital));
    }
    let filled = (0..lines)
        .filter(|i| {
            [&input.items, &input.quantities, &input.unit_costs]
                .iter()
                .any(|list| !cell(list, *i).trim().is_empty())
        })
        .count();
    if filled > MAX_ROWS {
        capital.push(PlansProblem::TooManyRows { max: MAX_ROWS }.into());
    }
    problems.extend(
        capital
            .into_iter()
            .map(|p| FieldProblem::new(Field::Capital, p)),
    );
    let mut months = [Month::default(); 12];
    for (i, month) in months.iter_mut().enumerate() {
        let number = u8::try_from(i + 1).unwrap_or(12);
        let sales = amount(
            cell(&input.sales, i),
            Spot::Sales { month: number },
            MONTH_MAX,
        );
        let costs = amount(
            cell(&input.costs, i),
            Spot::Costs { month: number },
            MONTH_MAX,
        );
        match (sales, costs) {
            (Ok(sales), Ok(costs)) => *month = Month { sales, costs },
            (sales, costs) => problems.extend(
                [sales.err(), costs.err()]
                    .into_iter()
                    .flatten()
                    .map(|p| FieldProblem::new(Field::Months, p)),
            ),
        }
    }
    let mut source = |text: &str, at: Spot| {
        amount(text, at, MONTH_MAX)
            .map_err(|p| problems.push(FieldProblem::new(Field::Sources, p)))
            .unwrap_or_default()
    };
    let own_contribution = source(&input.own_contribution, Spot::OwnContribution);
    let grant_requested = source(&input.grant_requested, Spot::GrantRequested);
    let loan = source(&input.loan, Spot::Loan);
    if !problems.is_empty() {
        return Err(problems);
    }
    let budget = Budget {
        items,
        months,
        own_contribution,
        grant_requested,
        loan,
    };
    budget.totals().map(|_| budget.clone()).map_err(|_| {
        vec![FieldProblem::new(
            Field::Form,
            PlansProblem::FiguresTooLarge,
        )]
    })
}

#[cfg(test)]
#[path = "plan_figures_tests.rs"]
mod tests;
