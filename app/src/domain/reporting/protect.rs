//! Small-cell protection. A count from 1 to `k - 1` is shown as "< k"; in each row of a table
//! (an indicator across one dimension's categories, which add up to the row's total) more
//! cells are hidden until the hidden ones add up to at least `k`, so the total minus what is
//! shown never gives a small group either; and a figure whose difference from the same figure
//! with fewer filters (or a wider period) is from 1 to `k - 1` is hidden too, so subtracting
//! two published figures never gives a small group. Zero is shown: it names nobody.

use super::{Dimension, Indicator, Measure, DIMENSIONS, INDICATORS};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What one group of people adds up to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// People who reached each indicator's step (`Indicator::index`).
    pub people: [u64; INDICATORS],
    /// Grants approved, in centimes.
    pub committed: i64,
    /// Tranches paid, in centimes.
    pub paid: i64,
    /// Jobs reported at the latest visit of the businesses operating then.
    pub jobs: u64,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        for (mine, theirs) in self.people.iter_mut().zip(other.people) {
            *mine += theirs;
        }
        self.committed += other.committed;
        self.paid += other.paid;
        self.jobs += other.jobs;
    }
}

/// Which filters a cube row's people meet (each `false` when that filter is not chosen).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Memberships {
    /// Registered in the chosen period.
    pub period: bool,
    /// Registered in the year of the chosen quarter.
    pub wider_period: bool,
    /// Started a plan for the chosen call.
    pub call: bool,
    /// Asked for the chosen training.
    pub training: bool,
}

/// One cell of the database's cube: a combination of the seven dimensions' codes (the empty
/// code is "not stated") and of filter memberships, and what its people add up to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CubeRow {
    pub dims: [String; DIMENSIONS],
    pub member: Memberships,
    pub tally: Tally,
}

/// How far a view applies each filter. `period`: 0 not at all, 1 the chosen quarter's year,
/// 2 the chosen period itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Scope {
    pub period: u8,
    pub call: bool,
    pub training: bool,
    pub city: bool,
}

impl Scope {
    /// The views with fewer filters, or the period widened: every figure they publish contains
    /// the same figure of this view.
    pub(super) fn wider(self, period_has_year: bool) -> Vec<Scope> {
        let periods: Vec<u8> = match self.period {
            2 if period_has_year => vec![0, 1, 2],
            2 => vec![0, 2],
            1 => vec![0, 1],
            _ => vec![0],
        };
        let choices = |on: bool| if on { vec![false, true] } else { vec![false] };
        let mut scopes = Vec::new();
        for &period in &periods {
            for call in choices(self.call) {
                for training in choices(self.training) {
                    for city in choices(self.city) {
                        let scope = Scope {
                            period,
                            call,
                            training,
                            city,
                        };
                        if scope != self {
                            scopes.push(scope);
                        }
                    }
                }
            }
        }
        scopes
    }

    fn admits(self, row: &CubeRow, city: &str) -> bool {
        self.admits_parts(row.member, &row.dims[Dimension::City.index()], city)
    }

    pub(super) fn admits_parts(self, member: Memberships, row_city: &str, city: &str) -> bool {
        let period = match self.period {
            2 => member.period,
            1 => member.wider_period,
            _ => true,
        };
        period
            && (!self.call || member.call)
            && (!self.training || member.training)
            && (!self.city || row_city == city)
    }
}

/// A published count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Figure {
    Count(u64),
    /// From 1 to `k - 1`: shown as "< k".
    Small,
    /// Hidden so that a small group cannot be worked out from other figures.
    Hidden,
}

impl Figure {
    pub fn count(self) -> Option<u64> {
        match self {
            Figure::Count(n) => Some(n),
            _ => None,
        }
    }
}

/// One indicator across one dimension's categories.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableRow {
    pub indicator: Indicator,
    pub total: Figure,
    pub cells: Vec<Figure>,
}

/// An amount across one dimension's categories; `None` where its people count is not shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureRow {
    pub measure: Measure,
    pub total: Option<i64>,
    pub cells: Vec<Option<i64>>,
}

/// Every indicator disaggregated by one dimension. Categories are codes, "" for not stated
/// (listed last).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub dimension: Dimension,
    pub categories: Vec<String>,
    pub rows: Vec<TableRow>,
    pub measures: Vec<MeasureRow>,
}

/// What a report may publish for one choice of filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Protected {
    pub totals: Vec<(Indicator, Figure)>,
    pub measures: Vec<(Measure, Option<i64>)>,
    pub tables: Vec<Table>,
}

impl Protected {
    /// The table of one dimension.
    pub fn table(&self, dimension: Dimension) -> Option<&Table> {
        self.tables.iter().find(|t| t.dimension == dimension)
    }
}

/// A view's sums: in all and by each dimension's category.
struct View {
    total: Tally,
    by: Vec<BTreeMap<String, Tally>>,
}

impl View {
    fn of(cube: &[CubeRow], scope: Scope, city: &str) -> View {
        let mut view = View {
            total: Tally::default(),
            by: vec![BTreeMap::new(); DIMENSIONS],
        };
        for row in cube.iter().filter(|row| scope.admits(row, city)) {
            view.total.add(&row.tally);
            for (d, code) in row.dims.iter().enumerate() {
                view.by[d].entry(code.clone()).or_default().add(&row.tally);
            }
        }
        view
    }

    fn cell(&self, dimension: usize, category: &str, indicator: usize) -> u64 {
        self.by[dimension]
            .get(category)
            .map_or(0, |t| t.people[indicator])
    }
}

/// A difference from 1 to `k - 1`: a small group someone could work out.
pub(super) fn small_gap(wider: u64, narrower: u64, k: u64) -> bool {
    wider > narrower && wider - narrower < k
}

/// Protects the figures of the view `scope` (with `city` the chosen city's code when
/// `scope.city`). `period_has_year` says the period is a quarter, whose year is also
/// published.
pub fn protect(
    cube: &[CubeRow],
    scope: Scope,
    city: &str,
    period_has_year: bool,
    k: u64,
) -> Protected {
    let view = View::of(cube, scope, city);
    let wider: Vec<View> = scope
        .wider(period_has_year)
        .into_iter()
        .map(|s| View::of(cube, s, city))
        .collect();
    // An indicator whose total a wider view could subtract down to a small group is hidden
    // whole in this view.
    let hidden: Vec<bool> = (0..INDICATORS)
        .map(|i| {
            wider
                .iter()
                .any(|w| small_gap(w.total.people[i], view.total.people[i], k))
        })
        .collect();
    let total_figure = |i: usize| {
        if hidden[i] {
            Figure::Hidden
        } else {
            figure(view.total.people[i], k)
        }
    };
    let totals = Indicator::ALL
        .iter()
        .map(|ind| (*ind, total_figure(ind.index())))
        .collect();
    let measures = Measure::ALL
        .iter()
        .map(|m| {
            let shown = total_figure(m.with().index()).count().is_some();
            (*m, shown.then(|| m.of(&view.total)))
        })
        .collect();
    let tables = Dimension::ALL
        .iter()
        .map(|dimension| table(&view, &wider, &hidden, *dimension, k))
        .collect();
    Protected {
        totals,
        measures,
        tables,
    }
}

/// A count as published on its own: "< k" from 1 to `k - 1`.
pub fn figure(count: u64, k: u64) -> Figure {
    if count > 0 && count < k {
        Figure::Small
    } else {
        Figure::Count(count)
    }
}

/// One row's cells (which add up to the row's total). Small cells and those `already` hidden
/// are hidden; then, while the hidden cells are fewer than two or add up to less than `k`,
/// the smallest shown non-zero cell is hidden too (the complement), so the total minus the
/// shown cells never gives a small group nor one hidden cell.
pub fn protect_row(cells: &[u64], already: &[bool], k: u64) -> Vec<Figure> {
    let mut hidden: Vec<bool> = cells
        .iter()
        .zip(already)
        .map(|(&v, &pre)| pre || (v > 0 && v < k))
        .collect();
    loop {
        let count = hidden.iter().filter(|h| **h).count();
        let sum: u64 = cells
            .iter()
            .zip(&hidden)
            .filter(|(_, h)| **h)
            .map(|(v, _)| v)
            .sum();
        if count == 0 || sum == 0 || (count >= 2 && sum >= k) {
            break;
        }
        let next = cells
            .iter()
            .enumerate()
            .filter(|(j, v)| !hidden[*j] && **v > 0)
            .min_by_key(|(_, v)| **v)
            .map(|(j, _)| j);
        match next {
            Some(j) => hidden[j] = true,
            None => break,
        }
    }
    cells
        .iter()
        .zip(hidden)
        .map(|(&v, h)| match (h, figure(v, k)) {
            (false, shown) => shown,
            (true, Figure::Small) => Figure::Small,
            (true, _) => Figure::Hidden,
        })
        .collect()
}

/// One dimension's table: each indicator's cells protected (whole rows hidden with their
/// indicator), and the amounts beside the counts they go with.
fn table(view: &View, wider: &[View], hidden: &[bool], dimension: Dimension, k: u64) -> Table {
    let d = dimension.index();
    let mut categories: Vec<String> = view.by[d].keys().cloned().collect();
    // "Not stated" last.
    categories.sort_by_key(|c| (c.is_empty(), c.clone()));
    let rows: Vec<TableRow> = Indicator::ALL
        .iter()
        .map(|indicator| {
            let i = indicator.index();
            let raw: Vec<u64> = categories.iter().map(|c| view.cell(d, c, i)).collect();
            let cells = if hidden[i] {
                vec![Figure::Hidden; raw.len()]
            } else {
                let differenced: Vec<bool> = categories
                    .iter()
                    .zip(&raw)
                    .map(|(c, &v)| wider.iter().any(|w| small_gap(w.cell(d, c, i), v, k)))
                    .collect();
                protect_row(&raw, &differenced, k)
            };
            let total = if hidden[i] {
                Figure::Hidden
            } else {
                figure(view.total.people[i], k)
            };
            TableRow {
                indicator: *indicator,
                total,
                cells,
            }
        })
        .collect();
    let measures = Measure::ALL
        .iter()
        .map(|m| {
            let gate = &rows[m.with().index()];
            MeasureRow {
                measure: *m,
                total: gate.total.count().map(|_| m.of(&view.total)),
                cells: categories
                    .iter()
                    .zip(&gate.cells)
                    .map(|(c, f)| f.count().map(|_| m.of(&view.by[d][c])))
                    .collect(),
            }
        })
        .collect();
    Table {
        dimension,
        categories,
        rows,
        measures,
    }
}
