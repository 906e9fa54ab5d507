//! The figures of a business plan (ILO "Start Your Business"): start-up capital, a 12-month
//! sales and cost plan, and what is computed from them — never typed — totals, monthly profit,
//! cash flow, and whether the plan meets its call's terms. Integer centimes throughout; a sum
//! too large to hold is an error, not a wrapped number.

use crate::domain::shared::money::Money;
use serde::{Deserialize, Serialize};

/// What a start-up capital line is for (SYB's three kinds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CapitalKind {
    Equipment,
    Stock,
    WorkingCapital,
}

impl CapitalKind {
    pub const ALL: [CapitalKind; 3] = [
        CapitalKind::Equipment,
        CapitalKind::Stock,
        CapitalKind::WorkingCapital,
    ];
}

/// One line of the start-up capital table: item, quantity, unit cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapitalItem {
    pub kind: CapitalKind,
    pub item: String,
    pub quantity: u32,
    pub unit_cost: Money,
}

/// One month of the sales and cost plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Month {
    pub sales: Money,
    pub costs: Money,
}

/// Everything typed in the plan's figures. A plan not yet given figures reads as empty.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Budget {
    pub items: Vec<CapitalItem>,
    pub months: [Month; 12],
    pub own_contribution: Money,
    pub grant_requested: Money,
    pub loan: Money,
}

/// Everything computed from a [`Budget`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// Per kind, in [`CapitalKind::ALL`] order.
    pub by_kind: [Money; 3],
    pub capital: Money,
    /// Own contribution, grant and loan.
    pub sources: Money,
    pub monthly_profit: [Money; 12],
    pub yearly_profit: Money,
    /// Cash at the end of each month: sources less capital, plus each month's profit.
    pub closing_cash: [Money; 12],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the figures are too large to add up")]
pub struct TooLarge;

fn add(a: Money, b: Money) -> Result<Money, TooLarge> {
    a.centimes()
        .checked_add(b.centimes())
        .map(Money::from_centimes)
        .ok_or(TooLarge)
}

fn sub(a: Money, b: Money) -> Result<Money, TooLarge> {
    a.centimes()
        .checked_sub(b.centimes())
        .map(Money::from_centimes)
        .ok_or(TooLarge)
}

impl CapitalItem {
    pub fn total(&self) -> Result<Money, TooLarge> {
        self.unit_cost
            .centimes()
            .checked_mul(i64::from(self.quantity))
            .map(Money::from_centimes)
            .ok_or(TooLarge)
    }
}

impl Budget {
    pub fn totals(&self) -> Result<Totals, TooLarge> {
        let mut by_kind = [Money::default(); 3];
        for item in &self.items {
            let slot = CapitalKind::ALL
                .iter()
                .position(|k| *k == item.kind)
                .unwrap_or_default();
            by_kind[slot] = add(by_kind[slot], item.total()?)?;
        }
        let capital = by_kind
            .iter()
            .try_fold(Money::default(), |a, b| add(a, *b))?;
        let sources = add(add(self.own_contribution, self.grant_requested)?, self.loan)?;
        let mut monthly_profit = [Money::default(); 12];
        let mut closing_cash = [Money::default(); 12];
        let mut cash = sub(sources, capital)?;
        let mut yearly_profit = Money::default();
        for (i, month) in self.months.iter().enumerate() {
            let profit = sub(month.sales, month.costs)?;
            monthly_profit[i] = profit;
            yearly_profit = add(yearly_profit, profit)?;
            cash = add(cash, profit)?;
            closing_cash[i] = cash;
        }
        Ok(Totals {
            by_kind,
            capital,
            sources,
            monthly_profit,
            yearly_profit,
            closing_cash,
        })
    }
}

/// One point of the checklist a plan is held to before it can go to its mentor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "check", rename_all = "snake_case")]
pub enum TermsCheck {
    /// The grant asked for is within the call's maximum.
    GrantWithinMaximum { requested: Money, maximum: Money },
    /// The applicant brings at least the call's share of the start-up capital.
    OwnContribution {
        brought: Money,
        needed: Money,
        percent: u8,
    },
    /// Own contribution, grant and loan pay for the start-up capital.
    CapitalCovered { sources: Money, capital: Money },
}

impl TermsCheck {
    pub fn met(&self) -> bool {
        match *self {
            TermsCheck::GrantWithinMaximum { requested, maximum } => requested <= maximum,
            TermsCheck::OwnContribution {
                brought, needed, ..
            } => brought >= needed,
            TermsCheck::CapitalCovered { sources, capital } => sources >= capital,
        }
    }
}

/// The least own contribution for `capital` at `percent`, rounded *up* to the centime (a share
/// of 10 % of 100.05 MAD is 10.01, not 10.00: rounding down would let a plan fall short).
pub fn needed_contribution(capital: Money, percent: u8) -> Money {
    let product = i128::from(capital.centimes()) * i128::from(percent);
    let needed = (product + 99).div_euclid(100);
    Money::from_centimes(i64::try_from(needed).unwrap_or(i64::MAX))
}

/// The call's terms, checked against the plan's figures.
pub fn check_terms(
    budget: &Budget,
    totals: &Totals,
    max_grant: Money,
    own_percent: u8,
) -> [TermsCheck; 3] {
    [
        TermsCheck::GrantWithinMaximum {
            requested: budget.grant_requested,
            maximum: max_grant,
        },
        TermsCheck::OwnContribution {
            brought: budget.own_contribution,
            needed: needed_contribution(totals.capital, own_percent),
            percent: own_percent,
        },
        TermsCheck::CapitalCovered {
            sources: totals.sources,
            capital: totals.capital,
        },
    ]
}

#[cfg(test)]
#[path = "budget_tests.rs"]
mod tests;
