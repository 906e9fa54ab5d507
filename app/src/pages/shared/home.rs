use crate::components::layout::use_current_user;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let user = use_current_user();
    view! {
        <Title text=move || t_string!(i18n, home.title).to_string() />
        <section class="hero">
            <h1>{t!(i18n, home.title)}</h1>
            <p class="lead">{t!(i18n, home.lead)}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match user.await {
                        Some(user) => view! {
                            <p class="actions">
                                <A href=user.role.home_path() attr:class="button">{t!(i18n, nav.my_space)}</A>
                            </p>
                        }.into_any(),
                        None => view! {
                            <p class="actions">
                                <A href="/signup" attr:class="button">{t!(i18n, home.cta_signup)}</A>
                                <A href="/login" attr:class="button secondary">{t!(i18n, home.cta_login)}</A>
                            </p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
        <section class="card">
            <h2>{t!(i18n, home.what_title)}</h2>
            <ul class="features">
                <li>{t!(i18n, home.what_profile)}</li>
                <li>{t!(i18n, home.what_match)}</li>
                <li>{t!(i18n, home.what_plan)}</li>
            </ul>
            <p class="note">{t!(i18n, home.staff_note)}</p>
        </section>
    }
}
