use crate::components::form::{invalid, last_error};
use crate::domain::accounts::email::Email;
use crate::domain::accounts::password::Password;
use crate::domain::shared::problem::Field;
use crate::i18n::*;
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::server_fns::accounts::Signup;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn SignupPage() -> impl IntoView {
    let i18n = use_i18n();
    let signup = ServerAction::<Signup>::new();
    let error = last_error(signup);
    view! {
        <Title text=move || t_string!(i18n, signup.title).to_string() />
        <section class="card narrow">
            <h1>{t!(i18n, signup.title)}</h1>
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
                <button type="submit" class="button" data-test="signup-submit">{t!(i18n, signup.submit)}</button>
            </ActionForm>
            <p>{t!(i18n, signup.have_account)} " " <A href="/login">{t!(i18n, nav.sign_in)}</A></p>
            <p class="note">{t!(i18n, signup.no_email)}</p>
        </section>
    }
}
