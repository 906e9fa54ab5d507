//! `/reporting/print`: the same report as the dashboard, every dimension at once, laid out for
//! A4 paper (the print stylesheet starts each section on a new page). A programme manager
//! prints it to PDF from the browser; nothing on it needs a script.

use crate::components::page_data::page_data;
use crate::domain::reporting::protect::Figure;
use crate::domain::reporting::Indicator;
use crate::i18n::*;
use crate::pages::problem::FormProblems;
use crate::pages::reporting::dashboard::Asked;
use crate::pages::reporting::labels::category_words;
use crate::pages::reporting::sections::{DimensionTable, Indicators, Money, Rule};
use crate::pages::shared::labels::date_text;
use crate::server_fns::reporting::report;
use crate::wire::reporting::Report;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PrintPage() -> impl IntoView {
    let i18n = use_i18n();
    let (asked, _) = Asked::from_query();
    let fetch = asked.clone();
    let loaded = page_data(
        move || fetch,
        |a| report(Some(a.period), Some(a.call), Some(a.training), Some(a.city)),
    );
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let asked = asked.clone();
                Suspend::new(async move {
                    match loaded.await {
                        Ok(report) => view! { <Printed report asked /> }.into_any(),
                        Err(error) => view! {
                            <h1>{t!(i18n, reporting.title)}</h1>
                            <FormProblems error=Signal::derive(move || Some(error.clone())) />
                        }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The cohort in words: "everyone registered", or each filter chosen.
fn cohort_text(i18n: leptos_i18n::I18nContext<Locale>, report: &Report) -> String {
    let locale = i18n.get_locale_untracked();
    let f = &report.filters;
    let mut parts = Vec::new();
    if let Some(period) = &f.period {
        parts.push(format!(
            "{} {}",
            t_string!(i18n, reporting.period),
            period.to_uppercase()
        ));
    }
    if let Some(call) = &f.call {
        parts.push(format!(
            "{} {} ({})",
            t_string!(i18n, reporting.call),
            call.title,
            call.reference
        ));
    }
    if let Some(training) = &f.training {
        parts.push(format!(
            "{} {} ({})",
            t_string!(i18n, reporting.training),
            training.title,
            training.reference
        ));
    }
    if let Some(city) = f.city {
        parts.push(category_words(
            locale,
            crate::domain::reporting::Dimension::City,
            city.code(),
        ));
    }
    if parts.is_empty() {
        t_string!(i18n, reporting.everyone).to_string()
    } else {
        parts.join(" · ")
    }
}

#[component]
fn Printed(report: Report, asked: Asked) -> impl IntoView {
    let i18n = use_i18n();
    let k = report.small_cell;
    let heading = t_string!(
        i18n,
        reporting.print_title,
        programme = report.programme.clone()
    )
    .to_string();
    let cohort = cohort_text(i18n, &report);
    let tables = report
        .figures
        .tables
        .clone()
        .into_iter()
        .map(|table| {
            // A dimension nobody answered adds nothing to paper.
            let answered = table.categories.iter().any(|c| !c.is_empty());
            answered.then(|| view! { <section class="report-page"><DimensionTable table k chart=true /></section> })
        })
        .collect_view();
    let registered = report
        .figures
        .totals
        .iter()
        .find(|(i, _)| *i == Indicator::Registered)
        .map_or(Figure::Hidden, |(_, f)| *f);
    view! {
        <Title text=heading.clone() />
        <div class="printed-report" data-test="printed-report" data-registered=format!("{registered:?}")>
            <header class="report-page">
                <h1>{heading}</h1>
                <p data-test="cohort">{t_string!(i18n, reporting.chosen, cohort = cohort).to_string()}</p>
                <p>{t_string!(i18n, reporting.print_generated, date = date_text(i18n, report.today)).to_string()}</p>
                <p class="no-print note">{t!(i18n, reporting.print_hint)} " "
                    <a href=asked.link(super::dashboard::PAGE, &[])>{t!(i18n, reporting.back)}</a></p>
                <Rule k />
            </header>
            <div class="report-page"><Indicators report=report.clone() /></div>
            <div class="report-page"><Money report=report.clone() /></div>
            {tables}
        </div>
    }
}
