//! Signing up: the form, the "check your mail" answer (the same for every address), and the
//! page the mailed link opens, whose button creates the account.

use crate::components::form::{invalid, last_error};
use crate::domain::accounts::email::Email;
use crate::domain::accounts::password::Password;
use crate::domain::notifications::delivery::SIGN_UP_HOURS;
use crate::domain::shared::problem::Field;
use crate::i18n::*;
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::server_fns::accounts::{FinishSignUp, Signup};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SignupPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let sent = untrack(move || query.with(|q| q.get("sent").is_some()));
    view! {
        <Title text=move || t_string!(i18n, signup.title).to_string() />
        <section class="card narrow">
            <h1>{t!(i18n, signup.title)}</h1>
            {if sent {
                view! {
                    <p class="notice" role="status" data-test="signup-sent">
                        {t!(i18n, signup.sent, hours = SIGN_UP_HOURS)}
                    </p>
                    <p><A href="/signup">{t!(i18n, signup.sign_up_again)}</A></p>
                }
                .into_any()
            } else {
                view! { <SignupForm /> }.into_any()
            }}
            <p>{t!(i18n, signup.have_account)} " " <A href="/login">{t!(i18n, nav.sign_in)}</A></p>
            <p class="note">{t!(i18n, signup.no_email)}</p>
        </section>
    }
}

#[component]
fn SignupForm() -> impl IntoView {
    let i18n = use_i18n();
    let signup = ServerAction::<Signup>::new();
    let error = last_error(signup);
    view! {
        <p>{t!(i18n, signup.lead)}</p>
        <ActionForm action=signup attr:class="form" attr:novalidate=true>
            <FormProblems error />
            <div class="field">
                <label for="signup-email">{t!(i18n, signup.email)}</label>
                <input
                    id="signup-email"
                    name="email"
                    type="email"
                    autocomplete="email"
                    inputmode="email"
                    dir="ltr"
                    required
                    maxlength=Email::MAX_LEN
                    aria-invalid=invalid(error, Field::Email)
                    aria-describedby="signup-email-hint signup-email-problems"
                />
                <p class="hint" id="signup-email-hint">{t!(i18n, signup.email_hint)}</p>
                <FieldProblems error field=Field::Email id="signup-email-problems" />
            </div>
            <div class="field">
                <label for="signup-password">{t!(i18n, signup.password)}</label>
                <input
                    id="signup-password"
                    name="password"
                    type="password"
                    autocomplete="new-password"
                    required
                    minlength=Password::MIN_LEN
                    maxlength=Password::MAX_LEN
                    aria-invalid=invalid(error, Field::Password)
                    aria-describedby="signup-password-hint signup-password-problems"
                />
                <p class="hint" id="signup-password-hint">{t!(i18n, signup.password_hint)}</p>
                <FieldProblems error field=Field::Password id="signup-password-problems" />
            </div>
            <p class="hint">{t!(i18n, signup.link_note)}</p>
            <button type="submit" class="button" data-test="signup-submit">{t!(i18n, signup.submit)}</button>
        </ActionForm>
    }
}

/// Where the mailed link leads. Opening it changes nothing; the button does.
#[component]
pub fn FinishSignUpPage() -> impl IntoView {
    let i18n = use_i18n();
    let finish = ServerAction::<FinishSignUp>::new();
    let error = last_error(finish);
    let query = use_query_map();
    let token = untrack(move || query.with(|q| q.get("token").unwrap_or_default()));
    view! {
        <Title text=move || t_string!(i18n, signup.finish_title).to_string() />
        <section class="card narrow">
            <h1>{t!(i18n, signup.finish_title)}</h1>
            <p>{t!(i18n, signup.finish_intro)}</p>
            <ActionForm action=finish attr:class="form" attr:novalidate=true>
                <FormProblems error />
                <input type="hidden" name="token" value=token />
                <div class="field">
                    <label for="finish-password">{t!(i18n, signup.finish_password)}</label>
                    <input id="finish-password" name="password" type="password"
                        autocomplete="current-password" required maxlength=Password::MAX_LEN
                        aria-invalid=invalid(error, Field::Password)
                        aria-describedby="finish-password-problems" />
                    <FieldProblems error field=Field::Password id="finish-password-problems" />
                </div>
                <button type="submit" class="button" data-test="signup-finish">{t!(i18n, signup.finish_submit)}</button>
            </ActionForm>
            <p><A href="/signup">{t!(i18n, signup.sign_up_again)}</A></p>
            <p>{t!(i18n, signup.have_account)} " " <A href="/login">{t!(i18n, nav.sign_in)}</A></p>
        </section>
    }
}
