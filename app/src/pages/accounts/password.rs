//! "Change my password" — for anyone signed in, and the only page open to someone whose
//! password was chosen by someone else (a caseworker's hand-over) until they replace it.

use crate::components::form::{invalid, last_error};
use crate::components::page_data::page_data;
use crate::domain::accounts::password::Password;
use crate::domain::shared::problem::Field;
use crate::i18n::*;
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::server_fns::accounts::{current_user, ChangePassword};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let change = ServerAction::<ChangePassword>::new();
    let error = last_error(change);
    let me = page_data(|| (), |_| current_user());
    view! {
        <Title text=move || t_string!(i18n, password.title).to_string() />
        <section class="card narrow">
            <h1>{t!(i18n, password.title)}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let required = matches!(me.await, Ok(Some(ref u)) if u.must_change_password);
                    required.then(|| view! {
                        <p class="notice" role="status" data-test="password-required">
                            {t!(i18n, password.required)}
                        </p>
                    })
                })}
            </Suspense>
            <ActionForm action=change attr:class="form" attr:novalidate=true>
                <FormProblems error />
                <div class="field">
                    <label for="current-password">{t!(i18n, password.current)}</label>
                    <input id="current-password" name="current" type="password"
                        autocomplete="current-password" required maxlength=Password::MAX_LEN
                        aria-invalid=invalid(error, Field::Current)
                        aria-describedby="current-password-problems" />
                    <FieldProblems error field=Field::Current id="current-password-problems" />
                </div>
                <div class="field">
                    <label for="new-password">{t!(i18n, password.new_password)}</label>
                    <input id="new-password" name="new" type="password" autocomplete="new-password"
                        required minlength=Password::MIN_LEN maxlength=Password::MAX_LEN
                        aria-invalid=invalid(error, Field::Password)
                        aria-describedby="new-password-problems" />
                    <FieldProblems error field=Field::Password id="new-password-problems" />
                </div>
                <button type="submit" class="button" data-test="change-password">
                    {t!(i18n, password.save)}
                </button>
            </ActionForm>
        </section>
    }
}
