//! The applicant's own profile: the privacy notice and consent first, then the steps of the
//! wizard, each saved on its own (a lost connection loses at most one step).

mod consent;
mod documents;
mod identity;
pub mod labels;
mod situation;
mod skills;

use crate::components::problem::FormProblems;
use crate::i18n::*;
use crate::server_fns::profile::{
    profile_page, AddDocument, AddSkill, GiveConsent, RemoveDocument, RemoveSkill, SaveIdentity,
    SaveSituation,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let consent = ServerAction::<GiveConsent>::new();
    let save_identity = ServerAction::<SaveIdentity>::new();
    let save_situation = ServerAction::<SaveSituation>::new();
    let add_document = ServerAction::<AddDocument>::new();
    let remove_document = ServerAction::<RemoveDocument>::new();
    let add_skill = ServerAction::<AddSkill>::new();
    let remove_skill = ServerAction::<RemoveSkill>::new();
    let page = Resource::new(
        move || {
            (
                i18n.get_locale().as_str(),
                consent.version().get(),
                save_identity.version().get(),
                save_situation.version().get(),
                (
                    add_document.version().get(),
                    remove_document.version().get(),
                    add_skill.version().get(),
                    remove_skill.version().get(),
                ),
            )
        },
        |(lang, ..)| profile_page(lang.to_owned()),
    );
    let query = use_query_map();
    let saved = move || query.with(|q| q.get("saved").is_some());
    view! {
        <Title text=move || t_string!(i18n, profile.title).to_string() />
        <h1>{t!(i18n, profile.title)}</h1>
        <Show when=saved>
            <p class="notice" role="status" data-test="saved">{t!(i18n, profile.saved)}</p>
        </Show>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) if page.consent.is_none() => view! {
                        <consent::ConsentStep action=consent notice_version=page.notice_version />
                    }.into_any(),
                    Ok(page) => {
                        // The situation step follows once the identity step exists.
                        let version = page.identity.as_ref().map_or(0, |i| i.version);
                        let situation = page.situation.clone();
                        let documents = page.documents.clone();
                        let skills = page.skills.clone();
                        view! {
                            <consent::ConsentGiven consent=page.consent.clone() />
                            <identity::IdentityStep action=save_identity page />
                            <Show when=move || { version > 0 }>
                                <situation::SituationStep action=save_situation
                                    saved=situation.clone() version />
                                <documents::DocumentsStep add=add_document remove=remove_document
                                    documents=documents.clone() />
                                <skills::SkillsStep add=add_skill remove=remove_skill
                                    skills=skills.clone() />
                            </Show>
                        }.into_any()
                    }
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
