use crate::components::form::last_error;
use crate::i18n::*;
use crate::pages::problem::FormProblems;
use crate::pages::shared::labels::moment_text;
use crate::server_fns::profile::GiveConsent;
use crate::wire::profile::ConsentInfo;
use leptos::prelude::*;

/// The privacy notice, in the reader's language, and the button that records their consent
/// to this version of it in this language.
#[component]
pub fn ConsentStep(action: ServerAction<GiveConsent>, notice_version: String) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(action);
    view! {
        <section class="card" data-test="consent">
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
