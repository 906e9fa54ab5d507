//! The report's tables as CSV, in the reader's language (`/reporting/export.csv?table=…` with
//! the dashboard's filters): `indicators`, `paid`, or a dimension's code. The same protected
//! figures as the page ("< 5", "×"), never a person. Admins and donor / M&E viewers.

use crate::auth::AuthSession;
use crate::domain::reporting::protect::Table;
use crate::domain::reporting::{Dimension, Indicator, Measure};
use crate::domain::shared::spreadsheet::safe_cell;
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::reporting::labels::{
    category_words, dimension_words, figure_text, indicator_words, measure_text, measure_words,
};
use crate::server_fns::shared::download::{attachment, csv_bytes, csv_failed, failed};
use crate::state::ServerContext;
use crate::wire::reporting::Report;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;

/// What the file is, in the server's log when writing it fails.
const WHAT: &str = "report";

pub async fn download(
    State(ctx): State<ServerContext>,
    auth: AuthSession,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    match auth.user {
        Some(user) if super::READERS.contains(&user.role) && !user.must_change_password => {}
        Some(_) => return StatusCode::FORBIDDEN.into_response(),
        None => return StatusCode::UNAUTHORIZED.into_response(),
    }
    let get = |key: &str| query.get(key).map(String::as_str).unwrap_or_default();
    let table = match get("table") {
        "" => "indicators",
        table => table,
    };
    let dimension = Dimension::from_code(table);
    if dimension.is_none() && !matches!(table, "indicators" | "paid") {
        return Redirect::to("/reporting").into_response();
    }
    let lang = crate::components::plain_page::reader_language(&headers);
    let locale: Locale = lang.code().parse().unwrap_or_default();
    let report = super::build(
        &ctx,
        get("period"),
        get("call"),
        get("training"),
        get("city"),
    );
    let report = match report.await {
        Ok(report) => report,
        Err(error) => return failed(error),
    };
    // A filter that was not understood sends the reader back to the page, which names it.
    if !report.problems.is_empty() {
        return Redirect::to("/reporting").into_response();
    }
    let rows = match dimension {
        Some(dimension) => report
            .figures
            .table(dimension)
            .map(|t| dimension_rows(locale, &report, t))
            .unwrap_or_default(),
        None if table == "paid" => paid_rows(locale, &report),
        None => indicator_rows(locale, &report),
    };
    let name = format!("{}-{}.csv", report.today, table.replace('_', "-"));
    match write(rows) {
        Ok(body) => attachment(&name, body),
        Err(error) => failed(error),
    }
}

fn write(rows: Vec<Vec<String>>) -> Result<Vec<u8>, AppError> {
    // A byte-order mark, so spreadsheet programs read the accents and Arabic as UTF-8.
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    for row in rows {
        out.write_record(row.iter().map(|cell| safe_cell(cell).into_owned()))
            .map_err(|error| csv_failed(error, WHAT))?;
    }
    csv_bytes(out, WHAT)
}

fn indicator_rows(locale: Locale, report: &Report) -> Vec<Vec<String>> {
    let k = report.small_cell;
    let mut rows = vec![vec![
        td_string!(locale, reporting.col_indicator).to_string(),
        td_string!(locale, reporting.col_people).to_string(),
        td_string!(locale, reporting.col_target).to_string(),
    ]];
    for (indicator, figure) in &report.figures.totals {
        let target = report
            .targets
            .iter()
            .find(|(i, _)| i == indicator)
            .map(|(_, t)| t.to_string())
            .unwrap_or_default();
        rows.push(vec![
            indicator_words(locale, *indicator),
            figure_text(locale, *figure, k),
            target,
        ]);
    }
    for (measure, value) in &report.figures.measures {
        rows.push(vec![
            measure_words(locale, *measure),
            plain_measure(*measure, *value, locale),
            String::new(),
        ]);
    }
    rows
}

/// Money as a plain number (dirhams with two decimals) a spreadsheet can add up.
fn plain_measure(measure: Measure, value: Option<i64>, locale: Locale) -> String {
    match (measure, value) {
        (_, None) => measure_text(locale, measure, None),
        (Measure::Jobs, Some(jobs)) => jobs.to_string(),
        (_, Some(centimes)) => format!("{}.{:02}", centimes / 100, centimes % 100),
    }
}

fn paid_rows(locale: Locale, report: &Report) -> Vec<Vec<String>> {
    let k = report.small_cell;
    let mut rows = vec![vec![
        td_string!(locale, reporting.col_quarter).to_string(),
        td_string!(locale, reporting.col_payments).to_string(),
        td_string!(locale, reporting.col_amount).to_string(),
    ]];
    for quarter in &report.paid {
        rows.push(vec![
            quarter.quarter.to_uppercase(),
            figure_text(locale, quarter.payments, k),
            plain_measure(Measure::Paid, quarter.centimes, locale),
        ]);
    }
    rows
}

fn dimension_rows(locale: Locale, report: &Report, table: &Table) -> Vec<Vec<String>> {
    let k = report.small_cell;
    let mut header = vec![dimension_words(locale, table.dimension)];
    header.extend(Indicator::ALL.iter().map(|i| indicator_words(locale, *i)));
    header.extend(Measure::ALL.iter().map(|m| measure_words(locale, *m)));
    let mut rows = vec![header];
    for (n, category) in table.categories.iter().enumerate() {
        let mut row = vec![category_words(locale, table.dimension, category)];
        row.extend(
            table
                .rows
                .iter()
                .map(|r| figure_text(locale, r.cells[n], k)),
        );
        row.extend(
            table
                .measures
                .iter()
                .map(|m| plain_measure(m.measure, m.cells[n], locale)),
        );
        rows.push(row);
    }
    let mut total = vec![td_string!(locale, reporting.col_total).to_string()];
    total.extend(table.rows.iter().map(|r| figure_text(locale, r.total, k)));
    total.extend(
        table
            .measures
            .iter()
            .map(|m| plain_measure(m.measure, m.total, locale)),
    );
    rows.push(total);
    rows
}
