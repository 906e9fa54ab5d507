//! The report's sections, shared by the dashboard and its printable form: the small-cell rule,
//! the indicators against their targets with the funnel, the money, and one dimension's table
//! with its chart. Every figure arrives protected; a cell says why it is not a number.

use crate::domain::reporting::protect::{Figure, Table};
use crate::domain::reporting::{Indicator, Measure};
use crate::i18n::*;
use crate::pages::reporting::charts::{Bar, BarChart};
use crate::pages::reporting::labels::{
    category_words, dimension_words, figure_text, indicator_words, measure_text, measure_words,
};
use crate::wire::reporting::Report;
use leptos::prelude::*;

/// The small-cell rule, in words, with this programme's threshold.
#[component]
pub fn Rule(k: u64) -> impl IntoView {
    let i18n = use_i18n();
    let below = k.saturating_sub(1);
    view! {
        <details class="card" data-test="small-cell-rule">
            <summary>{t!(i18n, reporting.rule_title)}</summary>
            <ul>
                <li>{t_string!(i18n, reporting.rule_small, below = below, k = k).to_string()}</li>
                <li>{t!(i18n, reporting.rule_complement)}</li>
                <li>{t_string!(i18n, reporting.rule_difference, k = k).to_string()}</li>
                <li>{t!(i18n, reporting.rule_groups)}</li>
            </ul>
        </details>
    }
}

/// A figure in a table cell, with a title saying why it is not a number.
#[component]
pub fn FigureCell(figure: Figure, k: u64) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let title = match figure {
        Figure::Count(_) => None,
        Figure::Small => Some(t_string!(i18n, reporting.small_title, k = k).to_string()),
        Figure::Hidden => Some(t_string!(i18n, reporting.hidden_title).to_string()),
    };
    let kind = match figure {
        Figure::Count(_) => "count",
        Figure::Small => "small",
        Figure::Hidden => "hidden",
    };
    view! { <td class="number" data-figure=kind title=title>{figure_text(locale, figure, k)}</td> }
}

fn bar(locale: Locale, label: String, figure: Figure, k: u64) -> Bar {
    Bar {
        label,
        value: figure.count(),
        text: figure_text(locale, figure, k),
    }
}

/// Every indicator against its target, and the funnel.
#[component]
pub fn Indicators(report: Report) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let k = report.small_cell;
    let figure_of = |indicator: Indicator| {
        report
            .figures
            .totals
            .iter()
            .find(|(i, _)| *i == indicator)
            .map_or(Figure::Hidden, |(_, f)| *f)
    };
    let rows = Indicator::ALL
        .into_iter()
        .map(|indicator| {
            let figure = figure_of(indicator);
            let target = report
                .targets
                .iter()
                .find(|(i, _)| *i == indicator)
                .map(|(_, t)| *t);
            // One column for the target and how much of it is reached, so the table fits a
            // phone's width: "40 % of 1350", or the target alone when the count is hidden.
            let progress = match (figure.count(), target) {
                (Some(n), Some(target)) if target > 0 => t_string!(
                    i18n,
                    reporting.of_target,
                    percent = n * 100 / target,
                    target = target
                )
                .to_string(),
                (_, Some(target)) => target.to_string(),
                (_, None) => String::new(),
            };
            view! {
                <tr data-test="indicator" data-indicator=indicator.code()>
                    <th scope="row">{indicator_words(locale, indicator)}</th>
                    <FigureCell figure k />
                    <td class="progress">{progress}</td>
                </tr>
            }
        })
        .collect_view();
    let funnel = Indicator::FUNNEL
        .into_iter()
        .map(|indicator| {
            bar(
                locale,
                indicator_words(locale, indicator),
                figure_of(indicator),
                k,
            )
        })
        .collect();
    let empty = figure_of(Indicator::Registered) == Figure::Count(0);
    view! {
        <section class="card report-section" data-test="indicators">
            <h2>{t!(i18n, reporting.indicators)}</h2>
            {empty.then(|| view! { <p class="empty">{t!(i18n, reporting.none)}</p> })}
            <div class="table-scroll"><table class="table">
                <thead><tr>
                    <th scope="col">{t!(i18n, reporting.col_indicator)}</th>
                    <th scope="col">{t!(i18n, reporting.col_people)}</th>
                    <th scope="col">{t!(i18n, reporting.col_target)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
            <p class="hint" data-test="matched-note">{t!(i18n, reporting.matched_note)}</p>
            <BarChart title=t_string!(i18n, reporting.chart_funnel).to_string() bars=funnel
                centred=true test="funnel-chart" />
        </section>
    }
}

/// Grants committed and paid, jobs, and the money paid per quarter.
#[component]
pub fn Money(report: Report) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let k = report.small_cell;
    let measures = report
        .figures
        .measures
        .iter()
        .map(|(measure, value)| {
            view! {
                <tr data-test="measure" data-measure=measure.code()>
                    <th scope="row">{measure_words(locale, *measure)}</th>
                    <td class="number">{measure_text(locale, *measure, *value)}</td>
                </tr>
            }
        })
        .collect_view();
    let most = report
        .paid
        .iter()
        .filter_map(|q| q.centimes)
        .max()
        .unwrap_or(0);
    let bars: Vec<Bar> = report
        .paid
        .iter()
        .map(|q| Bar {
            label: q.quarter.to_uppercase(),
            // Drawn in whole dirhams.
            value: q.centimes.map(|c| u64::try_from(c / 100).unwrap_or(0)),
            text: match q.centimes {
                Some(c) => measure_text(locale, Measure::Paid, Some(c)),
                None => figure_text(locale, q.payments, k),
            },
        })
        .collect();
    let quarters = report
        .paid
        .iter()
        .map(|q| {
            view! {
                <tr data-test="quarter" data-quarter=q.quarter.clone()>
                    <th scope="row">{q.quarter.to_uppercase()}</th>
                    <FigureCell figure=q.payments k />
                    <td class="number">{measure_text(locale, Measure::Paid, q.centimes)}</td>
                </tr>
            }
        })
        .collect_view();
    let none = report.paid.is_empty();
    view! {
        <section class="card report-section" data-test="money">
            <h2>{t!(i18n, reporting.money)}</h2>
            <table class="table"><tbody>{measures}</tbody></table>
            <h3>{t!(i18n, reporting.paid_by_quarter)}</h3>
            {if none {
                view! { <p class="empty">{t!(i18n, reporting.no_payment)}</p> }.into_any()
            } else {
                view! {
                    {(most > 0).then(|| view! {
                        <BarChart title=t_string!(i18n, reporting.chart_paid).to_string() bars=bars.clone()
                            test="paid-chart" />
                    })}
                    <div class="table-scroll"><table class="table">
                        <thead><tr>
                            <th scope="col">{t!(i18n, reporting.col_quarter)}</th>
                            <th scope="col">{t!(i18n, reporting.col_payments)}</th>
                            <th scope="col">{t!(i18n, reporting.col_amount)}</th>
                        </tr></thead>
                        <tbody>{quarters}</tbody>
                    </table></div>
                }.into_any()
            }}
        </section>
    }
}

/// One dimension: a chart of the people registered, and every indicator by category (a
/// category per row, so the table reads on a phone and scrolls sideways).
#[component]
pub fn DimensionTable(table: Table, k: u64, chart: bool) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let dimension = table.dimension;
    let name = dimension_words(locale, dimension);
    let registered = &table.rows[Indicator::Registered.index()];
    let bars: Vec<Bar> = table
        .categories
        .iter()
        .zip(&registered.cells)
        .map(|(c, f)| bar(locale, category_words(locale, dimension, c), *f, k))
        .collect();
    let heads = Indicator::ALL
        .into_iter()
        .map(|i| view! { <th scope="col">{indicator_words(locale, i)}</th> })
        .collect_view();
    let measure_heads = Measure::ALL
        .into_iter()
        .map(|m| view! { <th scope="col">{measure_words(locale, m)}</th> })
        .collect_view();
    let body = table
        .categories
        .iter()
        .enumerate()
        .map(|(n, category)| {
            let cells = table
                .rows
                .iter()
                .map(|row| view! { <FigureCell figure=row.cells[n] k /> })
                .collect_view();
            let measures = table
                .measures
                .iter()
                .map(|m| view! { <td class="number">{measure_text(locale, m.measure, m.cells[n])}</td> })
                .collect_view();
            view! {
                <tr data-test="category" data-category=category.clone()>
                    <th scope="row">{category_words(locale, dimension, category)}</th>
                    {cells}
                    {measures}
                </tr>
            }
        })
        .collect_view();
    let totals = table
        .rows
        .iter()
        .map(|row| view! { <FigureCell figure=row.total k /> })
        .collect_view();
    let measure_totals = table
        .measures
        .iter()
        .map(|m| view! { <td class="number">{measure_text(locale, m.measure, m.total)}</td> })
        .collect_view();
    view! {
        <div class="report-section" data-test="dimension-table" data-dimension=dimension.code()>
            <h3>{t_string!(i18n, reporting.by, dimension = name.clone()).to_string()}</h3>
            {chart.then(|| view! {
                <BarChart title=t_string!(i18n, reporting.chart_by, dimension = name.clone()).to_string()
                    bars=bars.clone() test="dimension-chart" />
            })}
            <div class="table-scroll"><table class="table report-table">
                <thead><tr>
                    <th scope="col">{t!(i18n, reporting.col_category)}</th>
                    {heads}
                    {measure_heads}
                </tr></thead>
                <tbody>{body}</tbody>
                <tfoot><tr data-test="category-total">
                    <th scope="row">{t!(i18n, reporting.col_total)}</th>
                    {totals}
                    {measure_totals}
                </tr></tfoot>
            </table></div>
        </div>
    }
}
