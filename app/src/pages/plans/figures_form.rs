//! The owner's figures form: the capital lines saved plus a few empty ones (an empty line is
//! ignored, emptying a line removes it), twelve months, and the sources. A plain form: when
//! something is refused, the page comes back with what was typed.

use crate::components::form::{last_error, textarea_text};
use crate::domain::plans::budget::CapitalKind;
use crate::domain::plans::plan_figures::{kind_code, FiguresInput, MAX_ROWS};
use crate::domain::shared::problem::Field;
use crate::i18n::*;
use crate::pages::plans::labels::kind_name;
use crate::pages::plans::live_totals::{LiveTotals, LiveTotalsLabels};
use crate::pages::plans::sections::DismissForm;
use crate::pages::problem::{FieldProblems, FormProblems, LastError};
use crate::pages::shared::labels::moment_text;
use crate::server_fns::plans::SaveFigures;
use crate::wire::plans::{KeptConflict, PlanView};
use leptos::prelude::*;

/// Empty lines offered below the saved ones.
const SPARE_ROWS: usize = 3;

#[component]
pub fn FiguresForm(plan: PlanView, kept: Vec<KeptConflict>) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveFigures>::new();
    let error = last_error(save);
    // Sent back by a refused post of this form (its error is in the address): what was typed,
    // not the saved figures.
    let shown = plan
        .typed_figures
        .clone()
        .filter(|_| error.get_untracked().is_some())
        .unwrap_or_else(|| FiguresInput::from_budget(&plan.figures));
    let rows = (shown.items.len() + SPARE_ROWS).min(MAX_ROWS.max(shown.items.len()));
    let plan_id = plan.id;
    let labels = LiveTotalsLabels {
        title: t_string!(i18n, plan_editor.live_title).to_string(),
        capital: t_string!(i18n, plan_editor.capital_total).to_string(),
        sources: t_string!(i18n, plan_editor.sources_total).to_string(),
        yearly_profit: t_string!(i18n, plan_editor.yearly_profit).to_string(),
        unreadable: t_string!(i18n, plan_editor.live_unreadable).to_string(),
        lang: crate::pages::shared::labels::lang_of(i18n),
    };
    view! {
        {kept.into_iter().map(|conflict| view! {
            <div class="conflict" role="alert" data-test="conflict">
                <p><strong>{t!(i18n, plan_editor.figures_conflict, at = moment_text(i18n, conflict.created_at))}</strong></p>
                <textarea readonly rows=8 data-test="kept-text">{textarea_text(&conflict.body)}</textarea>
                <DismissForm plan_id conflict=conflict.id />
            </div>
        }).collect_view()}
        <LiveTotals labels>
        <ActionForm action=save attr:class="form figures-form" attr:novalidate=true>
            <FormProblems error />
            <input type="hidden" name="plan" value=plan.id />
            <input type="hidden" name="version" value=plan.version />
            <CapitalLines error shown=shown.clone() rows />
            <Months error shown=shown.clone() />
            <fieldset>
                <legend>{t!(i18n, plan_editor.sources_title)}</legend>
                <FieldProblems error field=Field::Sources id="sources-problems" />
                <label for="own_contribution">{t!(i18n, plan_editor.own_contribution)}</label>
                <input id="own_contribution" name="own_contribution" inputmode="decimal" value=shown.own_contribution.clone() />
                <label for="grant_requested">{t!(i18n, plan_editor.grant_requested)}</label>
                <input id="grant_requested" name="grant_requested" inputmode="decimal" value=shown.grant_requested.clone() />
                <label for="loan">{t!(i18n, plan_editor.loan)}</label>
                <input id="loan" name="loan" inputmode="decimal" value=shown.loan.clone() />
            </fieldset>
            <button type="submit" data-test="save-figures">{t!(i18n, plan_editor.save_figures)}</button>
        </ActionForm>
        </LiveTotals>
    }
}

/// The value typed in row `i` of a column, or nothing.
fn cell(list: &[String], i: usize) -> String {
    list.get(i).cloned().unwrap_or_default()
}

/// The start-up capital, one line per item: the saved ones and a few empty ones.
#[component]
fn CapitalLines(error: LastError, shown: FiguresInput, rows: usize) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset>
            <legend>{t!(i18n, plan_editor.capital_title)}</legend>
            <p class="note">{t!(i18n, plan_editor.capital_hint)}</p>
            <FieldProblems error field=Field::Capital id="capital-problems" />
            <div class="table-scroll"><table>
                <thead><tr>
                    <th>{t!(i18n, plan_editor.line)}</th>
                    <th>{t!(i18n, plan_editor.kind)}</th><th>{t!(i18n, plan_editor.item)}</th>
                    <th>{t!(i18n, plan_editor.quantity)}</th><th>{t!(i18n, plan_editor.unit_cost)}</th>
                </tr></thead>
                <tbody>
                    {(0..rows).map(|i| {
                        let kind = cell(&shown.kinds, i);
                        view! {
                            <tr>
                                <td><bdi>{i + 1}</bdi></td>
                                <td><select name="kinds[]" aria-label=t_string!(i18n, plan_editor.kind).to_string()>
                                    {CapitalKind::ALL.into_iter().map(|k| view! {
                                        <option value=kind_code(k) selected=kind == kind_code(k)>{kind_name(i18n, k)}</option>
                                    }).collect_view()}
                                </select></td>
                                <td><input name="items[]" maxlength=120 value=cell(&shown.items, i)
                                    aria-label=t_string!(i18n, plan_editor.item).to_string() /></td>
                                <td><input name="quantities[]" inputmode="numeric" size=5 value=cell(&shown.quantities, i)
                                    aria-label=t_string!(i18n, plan_editor.quantity).to_string() /></td>
                                <td><input name="unit_costs[]" inputmode="decimal" size=10 value=cell(&shown.unit_costs, i)
                                    aria-label=t_string!(i18n, plan_editor.unit_cost).to_string() /></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table></div>
        </fieldset>
    }
}

/// Sales and costs for each of the twelve months.
#[component]
fn Months(error: LastError, shown: FiguresInput) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset>
            <legend>{t!(i18n, plan_editor.months_title)}</legend>
            <FieldProblems error field=Field::Months id="months-problems" />
            <div class="table-scroll"><table>
                <thead><tr>
                    <th>{t!(i18n, plan_editor.month)}</th><th>{t!(i18n, plan_editor.sales)}</th>
                    <th>{t!(i18n, plan_editor.costs)}</th>
                </tr></thead>
                <tbody>
                    {(0..12).map(|i| view! {
                        <tr>
                            <td><bdi>{i + 1}</bdi></td>
                            <td><input name="sales[]" inputmode="decimal" size=10 value=cell(&shown.sales, i)
                                aria-label=t_string!(i18n, plan_editor.sales).to_string() /></td>
                            <td><input name="costs[]" inputmode="decimal" size=10 value=cell(&shown.costs, i)
                                aria-label=t_string!(i18n, plan_editor.costs).to_string() /></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table></div>
        </fieldset>
    }
}
