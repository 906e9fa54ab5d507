//! Donor reporting: the protected report (a page, its printable form and its CSV files all
//! read it through `build`), and the programme's reporting settings.

#[cfg(feature = "ssr")]
pub mod export;
pub mod report;
pub mod save_settings;
pub mod settings;

pub use report::{report, LoadReport};
pub use save_settings::{save_settings, SaveReportSettings};
pub use settings::{report_settings, LoadReportSettings};

/// Who may read reports: admins, and donor / M&E viewers (aggregates only).
pub const READERS: &[crate::domain::accounts::role::Role] = &[
    crate::domain::accounts::role::Role::Admin,
    crate::domain::accounts::role::Role::Viewer,
];

#[cfg(feature = "ssr")]
pub use build::build;

#[cfg(feature = "ssr")]
mod build {
    use crate::db::reporting::{self, matched, Cohort};
    use crate::db::Tx;
    use crate::domain::problem::FieldProblem;
    use crate::domain::reporting::paid::paid_by_quarter;
    use crate::domain::reporting::problem::ReportingProblem;
    use crate::domain::reporting::protect::{protect, Scope};
    use crate::domain::reporting::Period;
    use crate::domain::shared::problem::{Field, SharedProblem};
    use crate::domain::shared::reference::City;
    use crate::error::AppError;
    use crate::state::ServerContext;
    use crate::wire::reporting::{Report, ReportFilters, ReportOffer};

    /// The report for the filters as typed: a period code, a call's and a training's
    /// reference, a city code. A filter that is not understood is named in `problems` and
    /// left out (the rest of the report still shows). Who was found eligible for an offer
    /// is brought up to date first, so "matched" counts what the rules say today.
    pub async fn build(
        ctx: &ServerContext,
        period: &str,
        call: &str,
        training: &str,
        city: &str,
    ) -> Result<Report, AppError> {
        let today = crate::db::now().date();
        // A check that fails (the database busy with a long write) leaves the record as the
        // last check left it (every server checks every five minutes): the report still shows.
        if let Err(error) = matched::refresh(&ctx.db, &ctx.people, &ctx.catalogue, today).await {
            tracing::warn!(%error, "could not check who is eligible for an offer");
        }
        let mut tx = ctx.db.read().await?;
        let report = build_in(&mut tx, today, period, call, training, city).await?;
        tx.commit().await?;
        Ok(report)
    }

    async fn build_in(
        tx: &mut Tx,
        today: time::Date,
        period: &str,
        call: &str,
        training: &str,
        city: &str,
    ) -> Result<Report, AppError> {
        let mut problems = Vec::new();
        let period = match period.trim() {
            "" => None,
            text => Period::parse(text)
                .filter(|p| p.bounds().0 <= today)
                .or_else(|| {
                    problems.push(FieldProblem::new(
                        Field::Period,
                        ReportingProblem::PeriodUnknown,
                    ));
                    None
                }),
        };
        let call = offer(tx, true, call, &mut problems).await?;
        let training = offer(tx, false, training, &mut problems).await?;
        let city = match city.trim() {
            "" => None,
            code => City::parse(code).or_else(|| {
                problems.push(FieldProblem::new(Field::City, SharedProblem::CityUnknown));
                None
            }),
        };
        let settings = reporting::settings(tx).await?;
        let cohort = Cohort {
            period,
            call: call.as_ref().map(|c| c.id),
            training: training.as_ref().map(|t| t.id),
        };
        let cube = reporting::cube(tx, cohort, today).await?;
        let paid = reporting::paid(tx, cohort).await?;
        let scope = Scope {
            period: if period.is_some() { 2 } else { 0 },
            call: call.is_some(),
            training: training.is_some(),
            city: city.is_some(),
        };
        let city_code = city.map(City::code).unwrap_or_default();
        let has_year = period.is_some_and(|p| p.wider().is_some());
        let k = settings.small_cell;
        let first_year = reporting::first_year(tx).await?.unwrap_or(today.year());
        let as_offer = |named: reporting::Named| ReportOffer {
            reference: named.reference,
            title: named.title,
        };
        Ok(Report {
            programme: settings.name,
            small_cell: k,
            today,
            filters: ReportFilters {
                period: period.map(Period::code),
                call: call.map(as_offer),
                training: training.map(as_offer),
                city,
            },
            problems,
            periods: periods(first_year, today),
            figures: protect(&cube, scope, city_code, has_year, k),
            targets: settings.targets,
            paid: paid_by_quarter(&paid, scope, city_code, has_year, k),
            may_configure: false,
        })
    }

    /// The call (or training) with this reference; one that does not exist is a problem.
    async fn offer(
        tx: &mut Tx,
        is_call: bool,
        reference: &str,
        problems: &mut Vec<FieldProblem>,
    ) -> Result<Option<reporting::Named>, AppError> {
        let reference = reference.trim();
        if reference.is_empty() {
            return Ok(None);
        }
        let found = reporting::find_offer(tx, is_call, reference).await?;
        if found.is_none() {
            problems.push(if is_call {
                FieldProblem::new(Field::Call, ReportingProblem::ReportCallUnknown)
            } else {
                FieldProblem::new(Field::Training, ReportingProblem::ReportTrainingUnknown)
            });
        }
        Ok(found)
    }

    /// Every year from the first registration to today's, newest first, each followed by its
    /// quarters that have begun.
    fn periods(first_year: i32, today: time::Date) -> Vec<String> {
        let mut periods = Vec::new();
        for year in (first_year.min(today.year())..=today.year()).rev() {
            periods.push(year.to_string());
            for quarter in 1..=4u8 {
                let period = Period {
                    year,
                    quarter: Some(quarter),
                };
                if period.bounds().0 <= today {
                    periods.push(period.code());
                }
            }
        }
        periods
    }
}
