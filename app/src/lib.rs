//! Passerelle's application crate: the pages (rendered on the server; only their few
//! `#[island]`s run in the browser), the server functions behind them, the domain rules, and,
//! with the `ssr` feature, the data layer.

#![recursion_limit = "256"]

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub mod app;
pub mod components;
pub mod domain;
pub mod error;
pub mod pages;
pub mod server_fns;
pub mod wire;

#[cfg(feature = "ssr")]
pub mod assets;
#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod markdown;
#[cfg(feature = "ssr")]
pub mod memory;
#[cfg(feature = "ssr")]
pub mod state;

pub use app::{document, shell, App};

/// Entry point of the browser bundle, loaded only by pages that hold an island
/// (`app::page_has_islands`): sets up the reactive runtime, then the page's script
/// (`components/islands.js`) hydrates each `<leptos-island>`.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
