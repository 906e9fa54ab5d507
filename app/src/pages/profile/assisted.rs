//! Caseworkers' pages: the people they help (search, assisted registration) and a person's
//! profile edited on their behalf, with the hand-over of the account.

use crate::i18n::*;
use crate::pages::profile::ProfileEditor;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// `/caseworker/profile?applicant=ID`: the applicant's profile wizard, reused as is, with every
/// form naming the applicant. The server checks the caseworker may act on that person.
#[component]
pub fn AssistedProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let applicant =
        query.with_untracked(|q| q.get("applicant").and_then(|id| id.parse::<i64>().ok()));
    view! {
        <Title text=move || t_string!(i18n, assisted.profile_title).to_string() />
        <p><A href="/caseworker/applicants">{t!(i18n, assisted.back_to_list)}</A></p>
        <h1>{t!(i18n, assisted.profile_title)}</h1>
        {match applicant {
            Some(id) => view! { <ProfileEditor applicant=Some(id) /> }.into_any(),
            None => view! {
                <p class="form-problems" role="alert">{t!(i18n, error.not_found)}</p>
            }.into_any(),
        }}
    }
}
