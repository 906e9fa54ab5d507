//! "Forgot your password?": ask for a link by email, then choose a new password through it.
//! Asking answers the same page whether the address is known or not.

use crate::components::form::{invalid, last_error};
use crate::domain::accounts::email::Email;
use crate::domain::accounts::password::Password;
use crate::domain::shared::problem::Field;
use crate::i18n::*;
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::server_fns::accounts::{RequestReset, ResetPassword};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ForgotPage() -> impl IntoView {
    let i18n = use_i18n();
    let ask = ServerAction::<RequestReset>::new();
    let error = last_error(ask);
    let query = use_query_map();
    let sent = untrack(move || query.with(|q| q.get("sent").is_some()));
    view! {
        <Title text=move || t_string!(i18n, reset.forgot_title).to_string() />
        <section class="card narrow">
            <h1>{t!(i18n, reset.forgot_title)}</h1>
            {sent.then(|| view! {
                <p class="notice" role="status" data-test="reset-sent">{t!(i18n, reset.sent)}</p>
            })}
            <p>{t!(i18n, reset.forgot_intro)}</p>
            <ActionForm action=ask attr:class="form" attr:novalidate=true>
                <FormProblems error />
                <div class="field">
                    <label for="forgot-email">{t!(i18n, login.email)}</label>
                    <input id="forgot-email" name="email" type="email" autocomplete="username"
                        inputmode="email" dir="ltr" required maxlength=Email::MAX_LEN
                        aria-invalid=invalid(error, Field::Email)
                        aria-describedby="forgot-email-problems" />
                    <FieldProblems error field=Field::Email id="forgot-email-problems" />
                </div>
                <button type="submit" class="button" data-test="reset-ask">{t!(i18n, reset.ask)}</button>
            </ActionForm>
            <p><A href="/login">{t!(i18n, reset.back_to_sign_in)}</A></p>
        </section>
    }
}

#[component]
pub fn ResetPage() -> impl IntoView {
    let i18n = use_i18n();
    let set = ServerAction::<ResetPassword>::new();
    let error = last_error(set);
    let query = use_query_map();
    let token = untrack(move || query.with(|q| q.get("token").unwrap_or_default()));
    view! {
        <Title text=move || t_string!(i18n, reset.title).to_string() />
        <section class="card narrow">
            <h1>{t!(i18n, reset.title)}</h1>
            <ActionForm action=set attr:class="form" attr:novalidate=true>
                <FormProblems error />
                <input type="hidden" name="token" value=token />
                <div class="field">
                    <label for="reset-password">{t!(i18n, password.new_password)}</label>
                    <input id="reset-password" name="password" type="password"
                        autocomplete="new-password" required minlength=Password::MIN_LEN
                        maxlength=Password::MAX_LEN
                        aria-invalid=invalid(error, Field::Password)
                        aria-describedby="reset-password-problems" />
                    <FieldProblems error field=Field::Password id="reset-password-problems" />
                </div>
                <button type="submit" class="button" data-test="reset-save">{t!(i18n, reset.save)}</button>
            </ActionForm>
            <p><A href="/password/forgot">{t!(i18n, reset.ask_again)}</A></p>
        </section>
    }
}
