//! Money paid over time to a report's cohort, quarter by quarter, protected as the people
//! counts are: a quarter's amount shows only when its payments are not a small group, here or
//! against the same quarter in a wider view.

use super::protect::{figure, small_gap, Figure, Memberships, Scope};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The tranches paid in one month to people of one city and memberships.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaidRow {
    /// `YYYY-MM`.
    pub month: String,
    pub city: String,
    pub member: Memberships,
    pub payments: u64,
    pub centimes: i64,
}

/// Money paid in one calendar quarter: the amount only when the payments are not a small
/// group, here or against the same quarter in a wider view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuarterPaid {
    /// `2026-q3`.
    pub quarter: String,
    pub payments: Figure,
    pub centimes: Option<i64>,
}

/// The money paid to the view's cohort, quarter by quarter, oldest first.
pub fn paid_by_quarter(
    rows: &[PaidRow],
    scope: Scope,
    city: &str,
    period_has_year: bool,
    k: u64,
) -> Vec<QuarterPaid> {
    let sums = |scope: Scope| {
        let mut by: BTreeMap<String, (u64, i64)> = BTreeMap::new();
        for row in rows
            .iter()
            .filter(|r| scope.admits_parts(r.member, &r.city, city))
        {
            let quarter = quarter_of(&row.month);
            let entry = by.entry(quarter).or_default();
            entry.0 += row.payments;
            entry.1 += row.centimes;
        }
        by
    };
    let view = sums(scope);
    let wider: Vec<_> = scope.wider(period_has_year).into_iter().map(sums).collect();
    view.into_iter()
        .map(|(quarter, (payments, centimes))| {
            let differenced = wider.iter().any(|w| {
                w.get(&quarter)
                    .is_some_and(|(n, _)| small_gap(*n, payments, k))
            });
            let payments = if differenced {
                Figure::Hidden
            } else {
                figure(payments, k)
            };
            QuarterPaid {
                centimes: payments.count().map(|_| centimes),
                quarter,
                payments,
            }
        })
        .collect()
}

/// `2026-08` → `2026-q3`.
fn quarter_of(month: &str) -> String {
    let (year, month) = month.split_once('-').unwrap_or((month, "1"));
    let month: u8 = month.parse().unwrap_or(1).clamp(1, 12);
    format!("{year}-q{}", (month - 1) / 3 + 1)
}
