//! What a page shows, read once.
//!
//! Pages render only on the server (islands mode) and are never rendered again in the browser:
//! a new address or language is a new request. So a page reads its request (address, language)
//! as it is when the page renders, untracked, and loads its data once with a `OnceResource`.
//!
//! A tracked `Resource` would also keep a task that re-reads its sources whenever one is marked
//! changed. Under load that task could run after the page had been sent and its reactive owner
//! disposed, and panic reading a disposed signal in a server worker (seen under `wrk`).

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::future::Future;

/// The data `fetch` loads for what `source` reads from the request now (untracked).
#[track_caller]
pub fn page_data<S, T, Fut>(
    source: impl FnOnce() -> S,
    fetch: impl FnOnce(S) -> Fut,
) -> OnceResource<T>
where
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    OnceResource::new(fetch(untrack(source)))
}
