//! `/admin/money`: every call's envelope against what is committed, released and paid (summed
//! from the ledger), and `/admin/money/call?id=N`: one call's tranches, where admins release
//! and cancel and finance officers read. The ledger downloads as CSV from both.

use super::tranches::{Desk, MoneyProblems, TrancheTable};
use crate::components::form::last_error;
use crate::components::page_data::page_data;
use crate::domain::accounts::role::Role;
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::problem::FormProblems;
use crate::pages::shared::labels::money_text;
use crate::pages::shared::not_found::NotFound;
use crate::server_fns::accounts::current_user;
use crate::server_fns::money::{load_call_money, money_overview, CancelTranche, ReleaseTranche};
use crate::wire::money::Balances;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The balances of calls, one row each.
#[component]
pub fn BalancesTable(calls: Vec<Balances>, #[prop(optional)] linked: bool) -> impl IntoView {
    let i18n = use_i18n();
    if calls.is_empty() {
        return view! { <p class="empty">{t!(i18n, money.no_calls)}</p> }.into_any();
    }
    let rows = calls
        .into_iter()
        .map(|b| {
            let title = if linked {
                view! { <a href=format!("/admin/money/call?id={}", b.call)>{b.title.clone()}</a> }
                    .into_any()
            } else {
                view! { {b.title.clone()} }.into_any()
            };
            view! {
                <tr data-test="balance" data-call=b.call>
                    <td>{title} <br /><span class="note"><bdi>{b.reference.clone()}</bdi></span></td>
                    <td data-test="envelope">{money_text(i18n, b.envelope)}</td>
                    <td data-test="committed">{money_text(i18n, b.committed)}</td>
                    <td data-test="available">{money_text(i18n, b.available())}</td>
                    <td data-test="released">{money_text(i18n, b.released)}</td>
                    <td data-test="awaiting">{money_text(i18n, b.awaiting())}</td>
                    <td data-test="paid">{money_text(i18n, b.paid)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll"><table class="table" data-test="balances">
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, money.col_call)}</th>
                    <th scope="col">{t!(i18n, money.col_envelope)}</th>
                    <th scope="col">{t!(i18n, money.col_committed)}</th>
                    <th scope="col">{t!(i18n, money.col_available)}</th>
                    <th scope="col">{t!(i18n, money.col_released)}</th>
                    <th scope="col">{t!(i18n, money.col_awaiting)}</th>
                    <th scope="col">{t!(i18n, money.col_paid)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table></div>
    }
    .into_any()
}

#[component]
pub fn MoneyOverviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let calls = page_data(|| (), |_| money_overview());
    view! {
        <Title text=move || t_string!(i18n, money.overview_title).to_string() />
        <h1>{t!(i18n, money.overview_title)}</h1>
        <p class="lead">{t!(i18n, money.overview_lead)}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match calls.await {
                    Ok(calls) => view! { <BalancesTable calls linked=true /> }.into_any(),
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
        <p><a href=crate::domain::accounts::access::LEDGER_CSV download="" data-test="ledger-csv">{t!(i18n, money.ledger_csv)}</a></p>
        <p><a href="/admin/suppliers" data-test="suppliers-link">{t!(i18n, suppliers.title)}</a></p>
    }
}

#[component]
pub fn CallMoneyPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let call = move || query.with(|q| q.get("id")).unwrap_or_default();
    let release = ServerAction::<ReleaseTranche>::new();
    let cancel = ServerAction::<CancelTranche>::new();
    let user = page_data(|| (), |_| current_user());
    let money = page_data(call, load_call_money);
    view! {
        <Title text=move || t_string!(i18n, money.call_title).to_string() />
        <p><a href="/admin/money">{t!(i18n, money.back_to_overview)}</a></p>
        <MoneyProblems error=last_error(release) />
        <MoneyProblems error=last_error(cancel) />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let role = user.await.ok().flatten().map(|u| u.role);
                match money.await {
                    Ok(money) => {
                        let id = money.balances.call;
                        let back = format!("/admin/money/call?id={id}");
                        provide_context(super::release::Suppliers(money.suppliers.clone()));
                        let desk = if role == Some(Role::Admin) {
                            Desk::Admin { release, cancel }
                        } else {
                            Desk::Reader
                        };
                        view! {
                            <h1>{t!(i18n, money.call_title)}</h1>
                            <h2><bdi>{money.balances.reference.clone()}</bdi> " · " {money.balances.title.clone()}</h2>
                            <BalancesTable calls=vec![money.balances.clone()] />
                            <p><a href=format!("{}?call={id}", crate::domain::accounts::access::LEDGER_CSV) download=""
                                data-test="call-ledger-csv">{t!(i18n, money.ledger_csv)}</a></p>
                            <h2>{t!(i18n, money.tranches_title)}</h2>
                            <TrancheTable lines=money.tranches desk staff=true back />
                        }.into_any()
                    }
                    Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
