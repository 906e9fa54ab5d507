//! Live totals under the figures form: as the owner types, the start-up capital, the sources and
//! the year's profit are added up in the browser with the same rules the server saves by
//! (`domain::plans::plan_figures::parse`, `Budget::totals`). The form itself stays a plain form
//! (the island's children); without JavaScript the totals come with the saved page.

use crate::domain::plans::budget::Totals;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the island says, in the reader's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LiveTotalsLabels {
    pub title: String,
    pub capital: String,
    pub sources: String,
    pub yearly_profit: String,
    pub unreadable: String,
    /// How amounts are written (`domain::shared::display`).
    pub lang: crate::domain::shared::locale::Lang,
}

/// The figures form (`children`), and under it what its figures add up to so far.
#[island]
pub fn LiveTotals(labels: LiveTotalsLabels, children: Children) -> impl IntoView {
    // None until something is typed; then the totals, or None inside when a cell cannot be read.
    let totals = RwSignal::new(None::<Option<Totals>>);
    let on_input = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        if let Some(input) = browser::typed_figures(&ev) {
            use crate::domain::plans::plan_figures::parse;
            totals.set(Some(parse(&input).ok().and_then(|b| b.totals().ok())));
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    let line = move || {
        let money = |amount| crate::domain::shared::display::money(labels.lang, amount);
        totals.get().map(|totals| match totals {
            Some(t) => format!(
                "{} · {} {} · {} {} · {} {}",
                labels.title,
                labels.capital,
                money(t.capital),
                labels.sources,
                money(t.sources),
                labels.yearly_profit,
                money(t.yearly_profit)
            ),
            None => labels.unreadable.clone(),
        })
    };
    view! {
        <div on:input=on_input>{children()}</div>
        <p class="live-totals" role="status" aria-live="polite" data-test="live-totals">{line}</p>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use crate::domain::plans::plan_figures::FiguresInput;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, FormData, HtmlFormElement};

    /// Every column of the form the event came from, as typed.
    pub fn typed_figures(ev: &leptos::ev::Event) -> Option<FiguresInput> {
        let field = ev.target()?.dyn_into::<Element>().ok()?;
        let form = field
            .closest("form")
            .ok()??
            .dyn_into::<HtmlFormElement>()
            .ok()?;
        let data = FormData::new_with_form(&form).ok()?;
        let all = |name: &str| -> Vec<String> {
            data.get_all(name)
                .iter()
                .filter_map(|value| value.as_string())
                .collect()
        };
        let one = |name: &str| data.get(name).as_string().unwrap_or_default();
        Some(FiguresInput {
            kinds: all("kinds[]"),
            items: all("items[]"),
            quantities: all("quantities[]"),
            unit_costs: all("unit_costs[]"),
            sales: all("sales[]"),
            costs: all("costs[]"),
            own_contribution: one("own_contribution"),
            grant_requested: one("grant_requested"),
            loan: one("loan"),
        })
    }
}
