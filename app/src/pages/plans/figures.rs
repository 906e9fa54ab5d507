//! The plan's figures: the form on the owner's turn, otherwise the tables; then what is
//! computed from them (never typed): totals per kind, capital, sources, monthly profit, closing
//! cash and the year's profit.

use crate::domain::plans::budget::{Budget, CapitalKind, Totals};
use crate::domain::plans::plan::Viewer;
use crate::i18n::*;
use crate::pages::plans::figures_form::FiguresForm;
use crate::pages::plans::labels::kind_name;
use crate::pages::shared::labels::money_text;
use crate::wire::plans::PlanView;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Figures(plan: PlanView) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let saved = move || query.with(|q| q.get("saved").as_deref() == Some("figures"));
    let kept: Vec<_> = plan
        .conflicts
        .iter()
        .filter(|c| c.part == "figures")
        .cloned()
        .collect();
    let body = if plan.editable {
        view! { <FiguresForm plan=plan.clone() kept /> }.into_any()
    } else {
        view! { <FiguresTables budget=plan.figures.clone() /> }.into_any()
    };
    view! {
        <section class="card plan-figures" id="figures" data-test="figures">
            <h2>{t!(i18n, plan_editor.figures_title)}</h2>
            <Show when=saved>
                <p class="notice" role="status" data-test="saved">{t!(i18n, plan_editor.figures_saved)}</p>
            </Show>
            {body}
            <TotalsTable totals=plan.totals.clone() owner=plan.viewer == Viewer::Owner />
        </section>
    }
}

/// The typed figures, read only (mentor, admin, or not the owner's turn).
#[component]
pub(crate) fn FiguresTables(budget: Budget) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h3>{t!(i18n, plan_editor.capital_title)}</h3>
        <div class="table-scroll"><table data-test="capital">
            <thead><tr>
                <th>{t!(i18n, plan_editor.kind)}</th><th>{t!(i18n, plan_editor.item)}</th>
                <th>{t!(i18n, plan_editor.quantity)}</th><th>{t!(i18n, plan_editor.unit_cost)}</th>
            </tr></thead>
            <tbody>
                {budget.items.iter().map(|item| view! {
                    <tr>
                        <td>{kind_name(i18n, item.kind)}</td><td>{item.item.clone()}</td>
                        <td><bdi>{item.quantity}</bdi></td><td><bdi>{money_text(i18n, item.unit_cost)}</bdi></td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table></div>
        <h3>{t!(i18n, plan_editor.months_title)}</h3>
        <div class="table-scroll"><table data-test="months">
            <thead><tr>
                <th>{t!(i18n, plan_editor.month)}</th><th>{t!(i18n, plan_editor.sales)}</th>
                <th>{t!(i18n, plan_editor.costs)}</th>
            </tr></thead>
            <tbody>
                {budget.months.iter().enumerate().map(|(i, m)| view! {
                    <tr><td><bdi>{i + 1}</bdi></td><td><bdi>{money_text(i18n, m.sales)}</bdi></td>
                        <td><bdi>{money_text(i18n, m.costs)}</bdi></td></tr>
                }).collect_view()}
            </tbody>
        </table></div>
        <h3>{t!(i18n, plan_editor.sources_title)}</h3>
        <dl>
            <dt>{t!(i18n, plan_editor.own_contribution)}</dt><dd><bdi>{money_text(i18n, budget.own_contribution)}</bdi></dd>
            <dt>{t!(i18n, plan_editor.grant_requested)}</dt><dd><bdi>{money_text(i18n, budget.grant_requested)}</bdi></dd>
            <dt>{t!(i18n, plan_editor.loan)}</dt><dd><bdi>{money_text(i18n, budget.loan)}</bdi></dd>
        </dl>
    }
}

/// What is computed from the figures, titled for the applicant ("your figures") or for anyone
/// else reading them (mentor, committee, staff).
#[component]
fn TotalsTable(totals: Option<Totals>, owner: bool) -> impl IntoView {
    let i18n = use_i18n();
    let Some(totals) = totals else {
        return view! { <p class="form-problems">{t!(i18n, plan_editor.check_add_up)}</p> }
            .into_any();
    };
    view! {
        <div class="totals" data-test="totals">
            <h3>{if owner {
                t_string!(i18n, plan_editor.totals_title).to_string()
            } else {
                t_string!(i18n, plan_editor.totals_title_reader).to_string()
            }}</h3>
            <dl>
                {CapitalKind::ALL.into_iter().zip(totals.by_kind).map(|(kind, total)| view! {
                    <dt>{kind_name(i18n, kind)}</dt><dd><bdi>{money_text(i18n, total)}</bdi></dd>
                }).collect_view()}
                <dt>{t!(i18n, plan_editor.capital_total)}</dt>
                <dd data-test="capital-total"><bdi>{money_text(i18n, totals.capital)}</bdi></dd>
                <dt>{t!(i18n, plan_editor.sources_total)}</dt>
                <dd data-test="sources-total"><bdi>{money_text(i18n, totals.sources)}</bdi></dd>
                <dt>{t!(i18n, plan_editor.yearly_profit)}</dt>
                <dd data-test="yearly-profit"><bdi>{money_text(i18n, totals.yearly_profit)}</bdi></dd>
            </dl>
            <div class="table-scroll"><table data-test="cash-flow">
                <thead><tr>
                    <th>{t!(i18n, plan_editor.month)}</th><th>{t!(i18n, plan_editor.profit)}</th>
                    <th>{t!(i18n, plan_editor.closing_cash)}</th>
                </tr></thead>
                <tbody>
                    {totals.monthly_profit.iter().zip(totals.closing_cash.iter()).enumerate()
                        .map(|(i, (profit, cash))| view! {
                            <tr><td><bdi>{i + 1}</bdi></td><td><bdi>{money_text(i18n, *profit)}</bdi></td>
                                <td><bdi>{money_text(i18n, *cash)}</bdi></td></tr>
                        }).collect_view()}
                </tbody>
            </table></div>
        </div>
    }
    .into_any()
}
