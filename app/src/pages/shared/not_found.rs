use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// Any path that is not a page. Answers 404.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let i18n = use_i18n();
    // Read now, not when the head is written: a missing file's 404 (leptos_axum's fallback)
    // writes the head after the page's reactive values are gone, and a closure here panicked.
    let title = td_string!(i18n.get_locale_untracked(), error.not_found_title).to_string();
    view! {
        <Title text=title />
        <section class="card">
            <h1>{t!(i18n, error.not_found_title)}</h1>
            <p>{t!(i18n, error.not_found)}</p>
            <p><A href="/">{t!(i18n, error.back_home)}</A></p>
        </section>
    }
}
