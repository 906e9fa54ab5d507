//! The script of a page that holds islands (`app::page_has_islands`).
//!
//! Leptos's `HydrationScripts` asks for the bundle at once, with high priority, and hydrates
//! every island in one go. On a phone that competes with the page itself for a slow link (the
//! WebAssembly is most of a page's bytes) and blocks the only busy core for a quarter of a
//! second. The page works without the script, so it waits: this component links nothing in
//! the head and loads the bundle when the browser is idle, one island per task
//! (`islands.js`).

use leptos::prelude::*;

const SCRIPT: &str = include_str!("islands.js");

/// The module script that hydrates the page's islands, with this response's nonce.
#[component]
pub fn IslandScripts() -> impl IntoView {
    let bundle = crate::assets::bundle();
    let script = format!("{SCRIPT}({:?}, {:?});", bundle.js, bundle.wasm);
    view! { <script type="module" nonce=leptos::nonce::use_nonce() inner_html=script></script> }
}
