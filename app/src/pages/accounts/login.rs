use crate::components::form::{invalid, last_error};
use crate::domain::accounts::access::safe_next;
use crate::domain::accounts::email::Email;
use crate::domain::accounts::password::Password;
use crate::domain::shared::problem::Field;
use crate::i18n::*;
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::server_fns::accounts::Login;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let login = ServerAction::<Login>::new();
    let error = last_error(login);
    let query = use_query_map();
    let next = move || {
        query.with(|q| {
            q.get("next")
                .and_then(|n| safe_next(Some(&n)).map(str::to_owned))
        })
    };
    let signed_out = move || query.with(|q| q.get("signed_out").is_some());
    let reset = move || query.with(|q| q.get("reset").is_some());
    view! {
        <Title text=move || t_string!(i18n, login.title).to_string() />
        <section class="card narrow">
            <h1>{t!(i18n, login.title)}</h1>
            <Show when=signed_out>
                <p class="notice" role="status" data-test="signed-out">{t!(i18n, login.signed_out)}</p>
            </Show>
            <Show when=reset>
                <p class="notice" role="status" data-test="password-reset">{t!(i18n, reset.done)}</p>
            </Show>
            <Show when=move || next().is_some()>
                <p class="notice" role="status">{t!(i18n, login.sign_in_first)}</p>
            </Show>
            <ActionForm action=login attr:class="form" attr:novalidate=true>
                <FormProblems error />
                <input type="hidden" name="next" value=move || next().unwrap_or_default() />
                <div class="field">
                    <label for="login-email">{t!(i18n, login.email)}</label>
                    <input
                        id="login-email"
                        name="email"
                        type="email"
                        autocomplete="username"
                        inputmode="email"
                        dir="ltr"
                        required
                        maxlength=Email::MAX_LEN
                        aria-invalid=invalid(error, Field::Email)
                        aria-describedby="login-email-problems"
                    />
                    <FieldProblems error field=Field::Email id="login-email-problems" />
                </div>
                <div class="field">
                    <label for="login-password">{t!(i18n, login.password)}</label>
                    <input
                        id="login-password"
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        required
                        maxlength=Password::MAX_LEN
                        aria-invalid=invalid(error, Field::Password)
                        aria-describedby="login-password-problems"
                    />
                    <FieldProblems error field=Field::Password id="login-password-problems" />
                </div>
                <button type="submit" class="button" data-test="login-submit">{t!(i18n, login.submit)}</button>
            </ActionForm>
            <p><A href="/password/forgot" attr:data-test="forgot">{t!(i18n, reset.forgot_link)}</A></p>
            <p>{t!(i18n, login.no_account)} " " <A href="/signup">{t!(i18n, nav.sign_up)}</A></p>
        </section>
    }
}
