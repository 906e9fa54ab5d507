//! The payment details a person registered, in their held data: current ones and those
//! replaced or removed (payments still point at them).

use crate::i18n::*;
use crate::pages::shared::labels::date_text;
use leptos::prelude::*;

/// Payment details registered, current and past.
#[component]
pub fn HeldPayees(payees: Vec<crate::wire::money::PayeeView>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" id="held-payees" data-test="held-payees">
            <h2>{t!(i18n, payees.title)}</h2>
            <super::held::Listed empty=payees.is_empty()>
                <ul>
                    {payees.into_iter().map(|payee| {
                        let kind = crate::pages::money::labels::method_name(i18n, payee.kind.code());
                        let since = t_string!(i18n, payees.since, date = date_text(i18n, payee.registered_at.date())).to_string();
                        let ended = payee.retired_at.map(|at| t_string!(i18n, held.payee_retired, date = date_text(i18n, at.date())).to_string());
                        view! {
                            <li>{kind} " · " <bdi dir="ltr">{payee.detail}</bdi> " · " {payee.holder} " · " {since}
                                {ended.map(|e| view! { " · " {e} })}</li>
                        }
                    }).collect_view()}
                </ul>
            </super::held::Listed>
        </section>
    }
}
