//! The profile: the privacy notice and consent first, then the steps of the wizard, each saved
//! on its own (a lost connection loses at most one step). The same editor serves the applicant
//! (`/profile`) and a caseworker acting for them (`/caseworker/profile?applicant=ID`): every
//! form then carries the applicant's id in a hidden field, and the server decides whether the
//! caller may act on that person (`server_fns::profile::subject`).

pub mod applicants;
pub mod assisted;
pub mod consent;
pub mod documents;
pub mod hand_over;
pub mod identity;
pub mod labels;
pub mod payees;
pub mod situation;
pub mod skill_search;
pub mod skills;
pub mod taxonomy;
pub mod work;

pub use applicants::ApplicantsPage;
pub use hand_over::HandOverCard;

use crate::components::page_data::page_data;
use crate::i18n::*;
use crate::pages::problem::FormProblems;
use crate::server_fns::accounts::HandOver;
use crate::server_fns::profile::{
    profile_page, AddDocument, AddSkill, AddWork, GiveConsent, RemoveDocument, RemovePayee,
    RemoveSkill, RemoveWork, SaveIdentity, SavePayee, SaveSituation, WithdrawConsent,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Whose profile the editor shows: `None` for the signed-in applicant's own, `Some(id)` for a
/// caseworker acting on behalf of applicant `id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Acting(pub Option<i64>);

/// The hidden `applicant` field every form of the editor carries when a caseworker acts for
/// someone (nothing on the applicant's own profile).
#[component]
pub fn ActingFor() -> impl IntoView {
    let acting = use_context::<Acting>().unwrap_or(Acting(None));
    acting
        .0
        .map(|id| view! { <input type="hidden" name="applicant" value=id /> })
}

/// The applicant's own profile.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || t_string!(i18n, profile.title).to_string() />
        <h1>{t!(i18n, profile.title)}</h1>
        <ProfileEditor applicant=None />
    }
}

/// The wizard for the signed-in applicant (`applicant` = `None`) or for the applicant a
/// caseworker names.
#[component]
pub fn ProfileEditor(applicant: Option<i64>) -> impl IntoView {
    provide_context(Acting(applicant));
    let i18n = use_i18n();
    let consent = ServerAction::<GiveConsent>::new();
    let save_identity = ServerAction::<SaveIdentity>::new();
    let save_situation = ServerAction::<SaveSituation>::new();
    let add_document = ServerAction::<AddDocument>::new();
    let remove_document = ServerAction::<RemoveDocument>::new();
    let add_skill = ServerAction::<AddSkill>::new();
    let remove_skill = ServerAction::<RemoveSkill>::new();
    let add_work = ServerAction::<AddWork>::new();
    let remove_work = ServerAction::<RemoveWork>::new();
    let save_payee = ServerAction::<SavePayee>::new();
    let remove_payee = ServerAction::<RemovePayee>::new();
    let hand_over = ServerAction::<HandOver>::new();
    let withdraw = ServerAction::<WithdrawConsent>::new();
    let page = page_data(
        move || i18n.get_locale().as_str(),
        move |lang| profile_page(lang.to_owned(), applicant),
    );
    let query = use_query_map();
    // A withdrawal says so in the consent card (`consent-withdrawn`), not as a save.
    let saved = move || query.with(|q| q.get("saved").is_some_and(|s| s != "consent_withdrawn"));
    view! {
        <Show when=saved>
            <p class="notice" role="status" data-test="saved">{t!(i18n, profile.saved)}</p>
        </Show>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) if page.consent.is_none() => view! {
                        <consent::ConsentStep action=consent notice_version=page.notice_version
                            history=page.consent_history />
                    }.into_any(),
                    Ok(page) => {
                        // The other steps follow once the identity step exists.
                        let version = page.identity.as_ref().map_or(0, |i| i.version);
                        let situation = page.situation.clone();
                        let documents = page.documents.clone();
                        let skills = page.skills.clone();
                        let jobs = page.jobs.clone();
                        let payees = page.payees.clone();
                        let countries = page.countries.clone();
                        let assisted = page.assisted.clone();
                        let left = steps_left(&page);
                        let history = page.consent_history.clone();
                        let helped = assisted.is_some();
                        let held = assisted.as_ref().map_or_else(
                            || "/me/data".to_owned(),
                            |person| format!("/caseworker/data?applicant={}", person.id),
                        );
                        view! {
                            {assisted.map(|person| view! {
                                <crate::pages::profile::HandOverCard action=hand_over person />
                            })}
                            <consent::ConsentGiven consent=page.consent.clone() />
                            <identity::IdentityStep action=save_identity page />
                            <Show when=move || { version > 0 }>
                                <situation::SituationStep action=save_situation
                                    saved=situation.clone() version />
                                <documents::DocumentsStep add=add_document remove=remove_document
                                    documents=documents.clone() />
                                <skills::SkillsStep add=add_skill remove=remove_skill
                                    skills=skills.clone() />
                                <work::WorkStep add=add_work remove=remove_work
                                    jobs=jobs.clone() countries=countries.clone() />
                                <payees::PayeesStep save=save_payee remove=remove_payee payees=payees.clone() />
                            </Show>
                            <ProfileEnd left=left.clone() own=applicant.is_none() />
                            <consent::WithdrawCard action=withdraw history assisted=helped held />
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

/// A step the wizard still needs before matching can judge the person fairly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StepLeft {
    Identity,
    Situation,
    Skills,
}

/// The steps left: who the person is, their situation and at least one skill (papers and work
/// history are optional: many have none to give).
fn steps_left(page: &crate::wire::profile::ProfilePage) -> Vec<StepLeft> {
    let mut left = Vec::new();
    if page.identity.is_none() {
        left.push(StepLeft::Identity);
    }
    // The profile's row exists from the identity step on; the situation step is done once its
    // required answers are saved.
    if page
        .situation
        .as_ref()
        .is_none_or(|s| s.education.is_none() || s.availability.is_none())
    {
        left.push(StepLeft::Situation);
    }
    if page.skills.is_empty() {
        left.push(StepLeft::Skills);
    }
    left
}

/// The wizard's end: the profile is complete and leads to the offers it matches (or back to
/// the caseworker's list), or it names the steps left, each a link to its form.
#[component]
fn ProfileEnd(left: Vec<StepLeft>, own: bool) -> impl IntoView {
    let i18n = use_i18n();
    if left.is_empty() {
        let next = if own {
            view! { <p><a class="button" href="/matches" data-test="to-matches">{t!(i18n, profile.end_to_matches)}</a></p> }.into_any()
        } else {
            view! { <p><a href="/caseworker/applicants">{t!(i18n, profile.end_to_applicants)}</a></p> }.into_any()
        };
        return view! {
            <section class="card notice" data-test="profile-end" data-complete="true">
                <h2>{t!(i18n, profile.end_complete_title)}</h2>
                <p>{t!(i18n, profile.end_complete)}</p>
                {next}
            </section>
        }
        .into_any();
    }
    // The other steps' forms show once the identity is saved: until then only it is a link.
    let shown = !left.contains(&StepLeft::Identity);
    let items = left
        .into_iter()
        .map(|step| {
            let (anchor, name) = match step {
                StepLeft::Identity => (
                    "#identity",
                    t_string!(i18n, profile.identity_title).to_string(),
                ),
                StepLeft::Situation => ("#situation", t_string!(i18n, situation.title).to_string()),
                StepLeft::Skills => ("#skills", t_string!(i18n, my_skills.title).to_string()),
            };
            if shown || step == StepLeft::Identity {
                view! { <li><a href=anchor>{name}</a></li> }.into_any()
            } else {
                view! { <li>{name}</li> }.into_any()
            }
        })
        .collect_view();
    view! {
        <section class="card" data-test="profile-end" data-complete="false">
            <h2>{t!(i18n, profile.end_left_title)}</h2>
            <p>{t!(i18n, profile.end_left)}</p>
            <ul>{items}</ul>
        </section>
    }
    .into_any()
}
