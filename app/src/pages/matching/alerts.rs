//! "Tell me when a new training or call matches me": one button on the matches page that turns
//! the alerts on or off (a plain form: works without JavaScript), and what it did.

use crate::i18n::*;
use crate::server_fns::notifications::SetOfferAlerts;
use leptos::prelude::*;

/// The alerts' state, the button that changes it, and the confirmation of the last change
/// (`done`: `on` or `off`, from the page's query).
#[component]
pub fn OfferAlerts(on: bool, done: String) -> impl IntoView {
    let i18n = use_i18n();
    let set = ServerAction::<SetOfferAlerts>::new();
    let confirmation = match done.as_str() {
        "on" if on => Some(t_string!(i18n, matches.alerts_turned_on).to_string()),
        "off" if !on => Some(t_string!(i18n, matches.alerts_turned_off).to_string()),
        _ => None,
    };
    view! {
        <section class="card alerts" data-test="offer-alerts" data-on=on.to_string()>
            {confirmation.map(|text| view! {
                <p class="notice" role="status" data-test="alerts-changed">{text}</p>
            })}
            <ActionForm action=set attr:class="inline">
                <p>
                    {if on { t!(i18n, matches.alerts_on).into_any() } else { t!(i18n, matches.alerts_off).into_any() }}
                </p>
                <input type="hidden" name="on" value=if on { "0" } else { "1" } />
                <button type="submit" class="button secondary" data-test="alerts-toggle">
                    {if on { t!(i18n, matches.alerts_turn_off).into_any() } else { t!(i18n, matches.alerts_turn_on).into_any() }}
                </button>
            </ActionForm>
        </section>
    }
}
