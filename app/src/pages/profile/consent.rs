use crate::components::form::last_error;
use crate::i18n::*;
use crate::pages::problem::FormProblems;
use crate::pages::profile::ActingFor;
use crate::pages::shared::labels::moment_text;
use crate::server_fns::profile::{GiveConsent, WithdrawConsent};
use crate::wire::profile::{ConsentInfo, ConsentLine};
use leptos::prelude::*;

/// The privacy notice, in the reader's language, and the button that records their consent
/// to this version of it in this language. After a withdrawal, it says so first.
#[component]
pub fn ConsentStep(
    action: ServerAction<GiveConsent>,
    notice_version: String,
    history: Vec<ConsentLine>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(action);
    let withdrawn = history.first().filter(|line| !line.given).map(|line| {
        let date = moment_text(i18n, line.at);
        view! {
            <p class="notice" role="status" data-test="consent-withdrawn">
                {move || t_string!(i18n, consent.withdrawn_on, date = date.clone()).to_string()}
            </p>
        }
    });
    view! {
        <section class="card" id="consent" data-test="consent">
            {withdrawn}
            <h2>{t!(i18n, consent.title)}</h2>
            <p class="lead">{t!(i18n, consent.lead)}</p>
            <p>{t!(i18n, consent.notice_1)}</p>
            <p>{t!(i18n, consent.notice_2)}</p>
            <p>{t!(i18n, consent.notice_3)}</p>
            <ActionForm action attr:class="form">
                <FormProblems error />
                <input type="hidden" name="notice_version" value=notice_version />
                <input type="hidden" name="lang" value=move || i18n.get_locale().as_str() />
                <button type="submit" data-test="agree">{t!(i18n, consent.agree)}</button>
            </ActionForm>
            <ConsentHistory history />
        </section>
    }
}

/// Every consent decision, newest first: given or withdrawn, when, and how (online, or in
/// person with a caseworker, who is not named).
#[component]
pub fn ConsentHistory(history: Vec<ConsentLine>) -> impl IntoView {
    let i18n = use_i18n();
    (!history.is_empty()).then(|| {
        let lines = history
            .into_iter()
            .map(|line| {
                let date = moment_text(i18n, line.at);
                let version = line.notice_version;
                let given = line.given;
                let what = move || {
                    let (date, version) = (date.clone(), version.clone());
                    if given {
                        t_string!(i18n, consent.history_given, date, version).to_string()
                    } else {
                        t_string!(i18n, consent.history_withdrawn, date).to_string()
                    }
                };
                let how = move || {
                    if line.in_person {
                        t_string!(i18n, consent.history_in_person).to_string()
                    } else {
                        t_string!(i18n, consent.history_online).to_string()
                    }
                };
                let state = if given { "given" } else { "withdrawn" };
                view! { <li data-test="consent-line" data-state=state>{what} " · " {how}</li> }
            })
            .collect_view();
        view! {
            <h3>{t!(i18n, consent.history_title)}</h3>
            <ul class="plain" data-test="consent-history">{lines}</ul>
        }
    })
}

/// The consent on record and, folded away, the way to withdraw it: what withdrawing changes,
/// a box to say it is understood, the button. A caseworker sees who may ask for it. `held` is
/// the page of everything held about the person.
#[component]
pub fn WithdrawCard(
    action: ServerAction<WithdrawConsent>,
    history: Vec<ConsentLine>,
    assisted: bool,
    held: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(action);
    view! {
        <section class="card" id="consent" data-test="consent-card">
            <h2>{t!(i18n, consent.title)}</h2>
            <ConsentHistory history />
            <p><a href=held data-test="held-link">{t!(i18n, held.link)}</a></p>
            // Open when the last try was refused, so its problem is seen (a post without
            // JavaScript comes back as a new page, the box folded otherwise).
            <details data-test="withdraw" open=move || error.get().is_some()>
                <summary>{t!(i18n, consent.withdraw_title)}</summary>
                <ActionForm action attr:class="form">
                    <FormProblems error />
                    <ActingFor />
                    <input type="hidden" name="lang" value=move || i18n.get_locale().as_str() />
                    <p>{t!(i18n, consent.withdraw_lead)}</p>
                    {assisted.then(|| view! { <p class="note">{t!(i18n, consent.withdraw_lead_assisted)}</p> })}
                    <label class="choice">
                        <input type="checkbox" name="understood" value="yes" />
                        {t!(i18n, consent.withdraw_understood)}
                    </label>
                    <button type="submit" class="button danger" data-test="withdraw-submit">
                        {t!(i18n, consent.withdraw_button)}
                    </button>
                </ActionForm>
            </details>
        </section>
    }
}

#[component]
pub fn ConsentGiven(consent: Option<ConsentInfo>) -> impl IntoView {
    let i18n = use_i18n();
    consent.map(|consent| {
        let date = moment_text(i18n, consent.at);
        let version = consent.notice_version;
        view! {
            <p class="note" data-test="consent-given">
                {move || {
                    let (date, version) = (date.clone(), version.clone());
                    t_string!(i18n, consent.given_on, date, version).to_string()
                }}
            </p>
        }
    })
}
