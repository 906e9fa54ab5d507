//! What the reporting pages receive: protected figures only (`domain::reporting::protect`),
//! never a person.

use crate::domain::problem::FieldProblem;
use crate::domain::reporting::paid::QuarterPaid;
use crate::domain::reporting::protect::Protected;
use crate::domain::reporting::Indicator;
use crate::domain::shared::reference::City;
use serde::{Deserialize, Serialize};
use time::Date;

/// A call or training a report is filtered by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportOffer {
    pub reference: String,
    pub title: String,
}

/// The filters as chosen (each `None` when not chosen or not understood).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportFilters {
    pub period: Option<String>,
    pub call: Option<ReportOffer>,
    pub training: Option<ReportOffer>,
    pub city: Option<City>,
}

/// The donor report for one choice of filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub programme: String,
    /// Counts from 1 to `small_cell - 1` are shown as "< small_cell".
    pub small_cell: u64,
    pub today: Date,
    pub filters: ReportFilters,
    /// Filters that were not understood, each on its field; the report ignores them.
    pub problems: Vec<FieldProblem>,
    /// The periods one may choose: years and their quarters, newest first.
    pub periods: Vec<String>,
    pub figures: Protected,
    pub targets: Vec<(Indicator, u64)>,
    pub paid: Vec<QuarterPaid>,
    /// The reader may change the settings (an admin).
    pub may_configure: bool,
}

/// The reporting settings form's values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportSettings {
    pub name: String,
    pub small_cell: u64,
    pub version: i64,
    pub targets: Vec<(Indicator, u64)>,
}
