//! What changed between two versions of a plan, or a version and the current draft: each
//! changed section line by line, then the figures (capital lines, months, sources, totals).

use crate::components::page_data::page_data;
use crate::domain::plans::plan_diff::{Amount, CapitalChange, FiguresDiff, Line, SectionDiff};
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::plans::{labels::kind_name, labels::section_name};
use crate::pages::problem::FormProblems;
use crate::pages::shared::not_found::NotFound;
use crate::server_fns::plans::compare_plan;
use crate::wire::plans::PlanComparison;
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ComparePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let args = move || {
        query.with(|q| {
            let number = |key: &str| q.get(key).and_then(|v| v.parse::<i32>().ok());
            (
                q.get("id").and_then(|id| id.parse::<i64>().ok()),
                number("from"),
                number("to"),
            )
        })
    };
    let loaded = page_data(args, |(id, from, to)| async move {
        match id {
            Some(id) => compare_plan(id, from, to).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Title text=move || t_string!(i18n, plan_editor.compare_title).to_string() />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(comparison) => view! { <Comparison comparison /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn state_name(i18n: I18nContext<Locale>, number: Option<i32>) -> String {
    match number {
        None => t_string!(i18n, plan_editor.nothing_before).to_string(),
        Some(0) => t_string!(i18n, plan_editor.current_draft).to_string(),
        Some(n) => t_string!(i18n, plan_editor.version_n, number = n).to_string(),
    }
}

#[component]
fn Comparison(comparison: PlanComparison) -> impl IntoView {
    let i18n = use_i18n();
    let id = comparison.id;
    let heading = t_string!(
        i18n,
        plan_editor.compare_heading,
        from = state_name(i18n, comparison.from),
        to = state_name(i18n, Some(comparison.to))
    )
    .to_string();
    let nothing = comparison.diff.sections.is_empty() && comparison.diff.figures.is_empty();
    let choices = move |selected: Option<i32>| {
        std::iter::once(0)
            .chain(comparison.versions.iter().map(|v| v.number))
            .map(|n| view! { <option value=n selected=selected == Some(n)>{state_name(i18n, Some(n))}</option> })
            .collect_view()
    };
    view! {
        <p><a href=format!("/plans/plan?id={id}") rel="external">{comparison.title.clone()}</a>
            " · " <bdi>{comparison.reference.clone()}</bdi></p>
        <h1>{t!(i18n, plan_editor.compare_title)}</h1>
        <form method="get" action="/plans/compare" class="form inline-form">
            <input type="hidden" name="id" value=id />
            <label>{t!(i18n, plan_editor.from)} <select name="from">{choices(comparison.from)}</select></label>
            <label>{t!(i18n, plan_editor.to)} <select name="to">{choices(Some(comparison.to))}</select></label>
            <button type="submit">{t!(i18n, plan_editor.compare)}</button>
        </form>
        <p data-test="compare-heading">{heading}</p>
        {nothing.then(|| view! { <p class="empty" data-test="no-change">{t!(i18n, plan_editor.no_change)}</p> })}
        {comparison.diff.sections.into_iter().map(|diff| view! { <SectionChanges diff /> }).collect_view()}
        {(!comparison.diff.figures.is_empty()).then(|| view! { <FiguresChanges diff=comparison.diff.figures.clone() /> })}
    }
}

#[component]
fn SectionChanges(diff: SectionDiff) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card diff" data-test=format!("diff-{}", diff.section.code())>
            <h2>{section_name(i18n, diff.section)}</h2>
            <div class="diff-lines">
                {diff.lines.into_iter().map(|line| match line {
                    Line::Same(text) => view! { <div class="same"><span aria-hidden="true">"  "</span>{text}</div> }.into_any(),
                    Line::Added(text) => view! { <ins class="added"><span>"+ "</span>{text}</ins> }.into_any(),
                    Line::Removed(text) => view! { <del class="removed"><span>"- "</span>{text}</del> }.into_any(),
                }).collect_view()}
            </div>
        </section>
    }
}

fn amount_name(i18n: I18nContext<Locale>, amount: Amount) -> String {
    match amount {
        Amount::OwnContribution => t_string!(i18n, plan_editor.own_contribution),
        Amount::GrantRequested => t_string!(i18n, plan_editor.grant_requested),
        Amount::Loan => t_string!(i18n, plan_editor.loan),
        Amount::Capital => t_string!(i18n, plan_editor.capital_total),
        Amount::Sources => t_string!(i18n, plan_editor.sources_total),
        Amount::YearlyProfit => t_string!(i18n, plan_editor.yearly_profit),
        Amount::ClosingCash => t_string!(i18n, plan_editor.closing_cash_year),
    }
    .to_string()
}

#[component]
fn FiguresChanges(diff: FiguresDiff) -> impl IntoView {
    let i18n = use_i18n();
    let line = move |item: &crate::domain::plans::budget::CapitalItem| {
        format!(
            "{} · {} · {} × {}",
            kind_name(i18n, item.kind),
            item.item,
            item.quantity,
            item.unit_cost
        )
    };
    view! {
        <section class="card diff" data-test="diff-figures">
            <h2>{t!(i18n, plan_editor.figures_title)}</h2>
            <ul data-test="diff-capital">
                {diff.capital.iter().map(|change| match change {
                    CapitalChange::Added { item } => view! {
                        <li><ins>{t!(i18n, plan_editor.added)} " " {line(item)}</ins></li> }.into_any(),
                    CapitalChange::Removed { item } => view! {
                        <li><del>{t!(i18n, plan_editor.removed)} " " {line(item)}</del></li> }.into_any(),
                    CapitalChange::Changed { before, after } => view! {
                        <li>{t!(i18n, plan_editor.changed)} " " {line(before)} " → " {line(after)}</li> }.into_any(),
                }).collect_view()}
                {diff.months.iter().map(|m| view! {
                    <li>{t!(i18n, plan_editor.month_changed, month = m.month)} " "
                        <bdi>{format!("{} / {} → {} / {}", m.before.sales, m.before.costs, m.after.sales, m.after.costs)}</bdi></li>
                }).collect_view()}
            </ul>
            <dl data-test="diff-amounts">
                {diff.sources.iter().chain(diff.totals.iter()).map(|c| view! {
                    <dt>{amount_name(i18n, c.amount)}</dt>
                    <dd><bdi>{format!("{} → {}", c.before, c.after)}</bdi></dd>
                }).collect_view()}
            </dl>
        </section>
    }
}
