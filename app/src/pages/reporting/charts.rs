//! Charts drawn on the server as SVG: readable without JavaScript, printed as they are, and
//! mirrored for Arabic. Each bar's figure is written beside it, so a chart says nothing its
//! table does not (a protected figure draws no bar).

use crate::i18n::*;
use leptos::prelude::*;

/// One bar: its label, the value it is drawn to (`None` for a protected figure) and the text
/// written beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub value: Option<u64>,
    pub text: String,
}

/// The drawing's width in its own units: about a phone's width, so text stays legible when
/// the chart is shrunk to 360 px.
const WIDTH: u64 = 360;
const ROW: u64 = 44;
/// Room kept after the longest bar for its figure.
const FIGURE_ROOM: u64 = 110;

/// Horizontal bars, one per row, the label above each. `centred` draws a funnel (each bar
/// centred under the one before).
#[component]
pub fn BarChart(
    title: String,
    bars: Vec<Bar>,
    #[prop(optional)] centred: bool,
    test: &'static str,
) -> impl IntoView {
    let rtl = use_i18n().get_locale_untracked() == Locale::ar;
    let most = bars
        .iter()
        .filter_map(|b| b.value)
        .max()
        .unwrap_or(0)
        .max(1);
    let span = WIDTH - FIGURE_ROOM;
    let height = ROW * bars.len() as u64 + 8;
    // Where text starts. Anchors are logical: with `direction="rtl"` a text's start is its
    // right end, so every text is anchored at its start and only the positions are mirrored.
    let edge = if rtl { WIDTH - 2 } else { 2 };
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(n, bar)| {
            let top = ROW * n as u64 + 4;
            let length = bar.value.map_or(0, |v| (v * span).div_ceil(most).min(span));
            let x = if centred {
                // The funnel keeps the figures' room on the side text ends.
                (if rtl { FIGURE_ROOM } else { 0 }) + (span - length) / 2
            } else if rtl {
                WIDTH - 2 - length
            } else {
                2
            };
            // The figure after the bar's end (on its left, in Arabic), or beside the funnel.
            let figure_x = match (centred, rtl) {
                (true, false) => span + 4,
                (true, true) => FIGURE_ROOM - 4,
                (false, false) => x + length + 6,
                (false, true) => x.saturating_sub(6),
            };
            view! {
                <g data-test="bar" data-value=bar.value.map(|v| v.to_string()).unwrap_or_default()>
                    <text x=edge y=top + 14 text-anchor="start" class="chart-label">{bar.label}</text>
                    {(length > 0).then(|| view! {
                        <rect x=x y=top + 20 width=length height="16" rx="2" class="chart-bar" />
                    })}
                    <text x=figure_x y=top + 33 text-anchor="start" class="chart-figure">{bar.text}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart" data-test=test>
            <svg viewBox=format!("0 0 {WIDTH} {height}") width="100%" role="img"
                aria-label=title.clone() direction=if rtl { "rtl" } else { "ltr" }
                xmlns="http://www.w3.org/2000/svg">
                <title>{title.clone()}</title>
                {rows}
            </svg>
            <figcaption>{title}</figcaption>
        </figure>
    }
}
