use crate::components::form::{invalid, last_error};
use crate::domain::accounts::email::Email;
use crate::domain::accounts::password::Password;
use crate::domain::shared::problem::Field;
use crate::i18n::*;
use crate::pages::notifications::waiting::WaitingCard;
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::server_fns::accounts::HandOver;
use crate::wire::profile::AssistedPerson;
use leptos::prelude::*;

/// On an assisted profile: what waits unread for the person, whether the account is handed
/// over, and if not, the form that gives it an email and a first password the caseworker passes
/// on to the person.
#[component]
pub fn HandOverCard(action: ServerAction<HandOver>, person: AssistedPerson) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(action);
    let waiting = person.waiting.clone();
    if person.handed_over {
        return view! {
            <WaitingCard waiting />
            <p class="note" data-test="handed-over">{t!(i18n, assisted.handed_over)}</p>
        }
        .into_any();
    }
    view! {
        <WaitingCard waiting />
        <section class="card" id="hand-over" data-test="hand-over">
            <h2>{t!(i18n, assisted.hand_over_title)}</h2>
            <p class="note">{t!(i18n, assisted.hand_over_lead)}</p>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <FormProblems error />
                <input type="hidden" name="applicant" value=person.id />
                <div class="field">
                    <label for="hand-over-email">{t!(i18n, signup.email)}</label>
                    <input id="hand-over-email" name="email" type="email" autocomplete="off"
                        inputmode="email" dir="ltr" required maxlength=Email::MAX_LEN
                        aria-invalid=invalid(error, Field::Email)
                        aria-describedby="hand-over-email-problems" />
                    <FieldProblems error field=Field::Email id="hand-over-email-problems" />
                </div>
                <div class="field">
                    <label for="hand-over-password">{t!(i18n, assisted.first_password)}</label>
                    <input id="hand-over-password" name="password" type="password"
                        autocomplete="new-password" required minlength=Password::MIN_LEN
                        maxlength=Password::MAX_LEN aria-invalid=invalid(error, Field::Password)
                        aria-describedby="hand-over-password-hint hand-over-password-problems" />
                    <p class="hint" id="hand-over-password-hint">{t!(i18n, signup.password_hint)}</p>
                    <FieldProblems error field=Field::Password id="hand-over-password-problems" />
                </div>
                <button type="submit" data-test="hand-over-submit">{t!(i18n, assisted.hand_over)}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}
