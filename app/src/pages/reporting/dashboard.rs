//! `/reporting`: the donor report for admins and donor / M&E viewers. A plain GET form
//! chooses the cohort; every figure is protected (`domain::reporting::protect`) and the rule
//! is explained on the page. Charts are SVG drawn on the server.

use crate::components::page_data::page_data;
use crate::domain::reporting::Dimension;
use crate::domain::shared::problem::Field;
use crate::domain::shared::reference::City;
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::pages::reporting::labels::dimension_words;
use crate::pages::reporting::sections::{DimensionTable, Indicators, Money, Rule};
use crate::pages::shared::labels::lang_of;
use crate::pages::shared::url_query;
use crate::server_fns::reporting::report;
use crate::wire::reporting::Report;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

pub const PAGE: &str = "/reporting";

/// The filters as typed, kept in every link of the page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Asked {
    pub period: String,
    pub call: String,
    pub training: String,
    pub city: String,
}

impl Asked {
    pub fn from_query() -> (Asked, String) {
        let query = use_query_map();
        query.with_untracked(|q| {
            let get = |k: &str| q.get(k).unwrap_or_default();
            (
                Asked {
                    period: get("period"),
                    call: get("call"),
                    training: get("training"),
                    city: get("city"),
                },
                get("by"),
            )
        })
    }

    /// `path` with these filters (and `extra` pairs).
    pub fn link(&self, path: &str, extra: &[(&'static str, &str)]) -> String {
        let pairs = [
            ("period", self.period.as_str()),
            ("call", self.call.as_str()),
            ("training", self.training.as_str()),
            ("city", self.city.as_str()),
        ]
        .into_iter()
        .chain(extra.iter().copied())
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(key, value)| (key, value.trim().to_owned()));
        match url_query(pairs) {
            query if query.is_empty() => path.to_owned(),
            query => format!("{path}?{query}"),
        }
    }
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let (asked, by) = Asked::from_query();
    let fetch = asked.clone();
    let loaded = page_data(
        move || fetch,
        |a| report(Some(a.period), Some(a.call), Some(a.training), Some(a.city)),
    );
    let dimension = Dimension::from_code(&by).unwrap_or(Dimension::Sex);
    view! {
        <Title text=move || t_string!(i18n, reporting.title).to_string() />
        <h1>{t!(i18n, reporting.title)}</h1>
        <p class="lead">{t!(i18n, reporting.lead)}</p>
        <Suspense fallback=|| ()>
            {move || {
                let asked = asked.clone();
                Suspend::new(async move {
                    match loaded.await {
                        Ok(report) => view! { <Body report asked dimension /> }.into_any(),
                        Err(error) => view! {
                            <FormProblems error=Signal::derive(move || Some(error.clone())) />
                        }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn Body(report: Report, asked: Asked, dimension: Dimension) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let k = report.small_cell;
    let table = report.figures.table(dimension).cloned();
    let dimension_links = Dimension::ALL
        .into_iter()
        .map(|d| {
            let href = asked.link(PAGE, &[("by", d.code())]);
            let current = (d == dimension).then_some("page");
            view! { <li><a href=href aria-current=current>{dimension_words(locale, d)}</a></li> }
        })
        .collect_view();
    let csv_table = asked.link(super::export_path(), &[("table", dimension.code())]);
    view! {
        <Filters report=report.clone() asked=asked.clone() />
        <nav class="actions" data-test="report-links">
            <a class="button" href=asked.link("/reporting/print", &[]) data-test="print-link">{t!(i18n, reporting.print)}</a>
            <a href=asked.link(super::export_path(), &[("table", "indicators")]) rel="external"
                download="indicators.csv">{t!(i18n, reporting.csv_indicators)}</a>
            <a href=asked.link(super::export_path(), &[("table", "paid")]) rel="external"
                download="payments.csv">{t!(i18n, reporting.csv_paid)}</a>
            {report.may_configure.then(|| view! {
                <a href="/reporting/settings">{t!(i18n, reporting.settings_link)}</a>
            })}
        </nav>
        <Rule k />
        <Indicators report=report.clone() />
        <Money report=report.clone() />
        <section class="card" data-test="by-dimension">
            <h2>{t!(i18n, reporting.dimensions)}</h2>
            <ul class="tabs">{dimension_links}</ul>
            {table.map(|table| view! { <DimensionTable table k chart=true /> })}
            <p><a href=csv_table rel="external" download=format!("{}.csv", dimension.code())>{t!(i18n, reporting.csv_table)}</a></p>
        </section>
    }
}

/// The cohort form: a period from the list, a call's and a training's reference, a city.
#[component]
fn Filters(report: Report, asked: Asked) -> impl IntoView {
    let i18n = use_i18n();
    let lang = lang_of(i18n);
    let error = {
        let problems = report.problems.clone();
        Signal::derive(move || {
            (!problems.is_empty()).then(|| AppError::Validation(problems.clone()))
        })
    };
    let chosen_period = report.filters.period.clone().unwrap_or_default();
    let periods = report
        .periods
        .iter()
        .map(|p| view! { <option value=p.clone() selected=*p == chosen_period>{p.to_uppercase()}</option> })
        .collect_view();
    let chosen_city = report.filters.city.map(City::code).unwrap_or_default();
    let mut cities: Vec<City> = City::all().collect();
    cities.sort_by_key(|c| c.label(lang));
    let cities = cities
        .into_iter()
        .map(|c| view! { <option value=c.code() selected=c.code() == chosen_city>{c.label(lang)}</option> })
        .collect_view();
    let offer = |offer: &Option<crate::wire::reporting::ReportOffer>| {
        offer
            .as_ref()
            .map(|o| view! { <p class="note"><bdi>{o.title.clone()}</bdi></p> })
    };
    view! {
        <form method="get" action=PAGE class="form card" role="search" data-test="report-filters">
            <h2>{t!(i18n, reporting.filters)}</h2>
            <p class="note">{t!(i18n, reporting.cohort_note)}</p>
            <div class="field">
                <label for="period">{t!(i18n, reporting.period)}</label>
                <select id="period" name="period" aria-describedby="period-problems">
                    <option value="">{t!(i18n, reporting.period_all)}</option>
                    {periods}
                </select>
                <FieldProblems error field=Field::Period id="period-problems" />
            </div>
            <div class="field">
                <label for="call">{t!(i18n, reporting.call)}</label>
                <input id="call" name="call" type="search" maxlength="40" value=asked.call.clone()
                    aria-describedby="call-problems" />
                {offer(&report.filters.call)}
                <FieldProblems error field=Field::Call id="call-problems" />
            </div>
            <div class="field">
                <label for="training">{t!(i18n, reporting.training)}</label>
                <input id="training" name="training" type="search" maxlength="40"
                    value=asked.training.clone() aria-describedby="training-problems" />
                {offer(&report.filters.training)}
                <FieldProblems error field=Field::Training id="training-problems" />
            </div>
            <div class="field">
                <label for="city">{t!(i18n, reporting.city)}</label>
                <select id="city" name="city" aria-describedby="city-problems">
                    <option value="">{t!(i18n, reporting.city_all)}</option>
                    {cities}
                </select>
                <FieldProblems error field=Field::City id="city-problems" />
            </div>
            <p class="actions">
                <button type="submit">{t!(i18n, reporting.apply)}</button>
                " " <a href=PAGE>{t!(i18n, reporting.reset)}</a>
            </p>
        </form>
    }
}
