//! The finance officer's desk on their home page: payments released by an admin and awaiting
//! confirmation, oldest first, and every call's balances.

use super::admin::BalancesTable;
use super::tranches::{Desk, MoneyProblems, TrancheTable};
use crate::components::form::last_error;
use crate::i18n::*;
use crate::pages::problem::FormProblems;
use crate::server_fns::money::{finance_desk, SettlePayment};
use leptos::prelude::*;

#[component]
pub fn FinanceDeskSection() -> impl IntoView {
    let i18n = use_i18n();
    let settle = ServerAction::<SettlePayment>::new();
    let desk = OnceResource::new(finance_desk());
    view! {
        <section data-test="finance-desk">
            <h2>{t!(i18n, money.desk_title)}</h2>
            <p class="lead">{t!(i18n, money.desk_lead)}</p>
            <MoneyProblems error=last_error(settle) />
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match desk.await {
                        Ok(desk) => view! {
                            <TrancheTable lines=desk.awaiting desk=Desk::Finance { settle } staff=true back="/finance" />
                            <super::payees::PayeesToConfirm list=desk.to_confirm me=desk.me />
                            <h2>{t!(i18n, money.overview_title)}</h2>
                            <BalancesTable calls=desk.calls linked=true />
                        }.into_any(),
                        Err(error) => view! {
                            <FormProblems error=Signal::derive(move || Some(error.clone())) />
                        }.into_any(),
                    }
                })}
            </Suspense>
            <p><a href=crate::domain::accounts::access::LEDGER_CSV download="">{t!(i18n, money.ledger_csv)}</a></p>
        </section>
    }
}
