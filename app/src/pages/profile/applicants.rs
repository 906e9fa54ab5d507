use crate::components::form::{invalid, last_error};
use crate::components::page_data::page_data;
use crate::domain::profile::consent::NOTICE_VERSION;
use crate::domain::profile::identity::{FULL_NAME_MAX, PHONE_MAX_DIGITS};
use crate::domain::shared::locale::Lang;
use crate::domain::shared::problem::Field;
use crate::i18n::*;
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::server_fns::profile::applicants::SEARCH_MAX_CHARS;
use crate::server_fns::profile::{applicants, RegisterApplicant};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/caseworker/applicants`: find someone by name or phone (a plain GET form), open their
/// profile, or register someone new with consent taken in person.
#[component]
pub fn ApplicantsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let q = move || query.with(|m| m.get("q").unwrap_or_default());
    let found = page_data(q, applicants);
    let withdrawn = move || query.with(|m| m.get("saved").as_deref() == Some("consent_withdrawn"));
    view! {
        <Title text=move || t_string!(i18n, assisted.title).to_string() />
        <h1>{t!(i18n, assisted.title)}</h1>
        <Show when=withdrawn>
            <p class="notice" role="status" data-test="saved">{t!(i18n, assisted.consent_withdrawn)}</p>
        </Show>
        <section class="card" data-test="applicants">
            <form method="get" action="/caseworker/applicants" class="form search" role="search">
                <div class="field">
                    <label for="applicant-search">{t!(i18n, assisted.search)}</label>
                    <input id="applicant-search" name="q" type="search" autocomplete="off"
                        maxlength=SEARCH_MAX_CHARS prop:value=q />
                </div>
                <button type="submit">{t!(i18n, skills.search)}</button>
            </form>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match found.await {
                        Ok(people) if people.is_empty() => view! {
                            <p class="empty">{t!(i18n, assisted.none)}</p>
                        }.into_any(),
                        Ok(people) => view! {
                            <ul class="holdings">
                                {people.into_iter().map(|person| {
                                    let href = format!("/caseworker/profile?applicant={}", person.id);
                                    let name = person.full_name.unwrap_or_else(|| format!("#{}", person.id));
                                    view! {
                                        <li data-test="applicant" data-applicant=person.id>
                                            <span>
                                                <a href=href><bdi>{name}</bdi></a>
                                                {person.phone.map(|p| view! { " · " <bdi dir="ltr">{p}</bdi> })}
                                                {person.mine.then(|| view! {
                                                    " · " <em data-test="mine">{t!(i18n, assisted.mine)}</em>
                                                })}
                                                {(!person.handed_over).then(|| view! {
                                                    " · " <span class="note">{t!(i18n, assisted.no_account_yet)}</span>
                                                })}
                                                {(person.waiting > 0).then(|| view! {
                                                    " · " <strong data-test="waiting">{t!(i18n, assisted.waiting, count = person.waiting)}</strong>
                                                })}
                                            </span>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => view! {
                            <FormProblems error=Signal::derive(move || Some(error.clone())) />
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
        <RegisterForm />
    }
}

/// Assisted registration: the person's name (and phone), the language the notice was read in,
/// and the caseworker's two confirmations.
#[component]
fn RegisterForm() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<RegisterApplicant>::new();
    let error = last_error(action);
    let current = move || i18n.get_locale().as_str();
    view! {
        <section class="card" id="register" data-test="register">
            <h2>{t!(i18n, assisted.register_title)}</h2>
            <p class="note">{t!(i18n, assisted.register_lead)}</p>
            <details>
                <summary>{t!(i18n, assisted.notice)}</summary>
                <p>{t!(i18n, consent.notice_1)}</p>
                <p>{t!(i18n, consent.notice_2)}</p>
                <p>{t!(i18n, consent.notice_3)}</p>
            </details>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <FormProblems error />
                <input type="hidden" name="notice_version" value=NOTICE_VERSION />
                <div class="field">
                    <label for="register-name">{t!(i18n, profile.full_name)}</label>
                    <input id="register-name" name="full_name" type="text" autocomplete="off" required
                        maxlength=FULL_NAME_MAX aria-invalid=invalid(error, Field::FullName)
                        aria-describedby="register-name-problems" />
                    <FieldProblems error field=Field::FullName id="register-name-problems" />
                </div>
                <div class="field">
                    <label for="register-phone">{t!(i18n, profile.phone)}</label>
                    <input id="register-phone" name="phone" type="tel" inputmode="tel" dir="ltr"
                        autocomplete="off" maxlength=PHONE_MAX_DIGITS + 8
                        aria-invalid=invalid(error, Field::Phone)
                        aria-describedby="register-phone-problems" />
                    <FieldProblems error field=Field::Phone id="register-phone-problems" />
                </div>
                <div class="field">
                    <label for="register-lang">{t!(i18n, assisted.notice_language)}</label>
                    <select id="register-lang" name="lang" aria-invalid=invalid(error, Field::Locale)
                        aria-describedby="register-lang-problems">
                        {Lang::ALL.into_iter().map(|lang| view! {
                            <option value=lang.code() selected=move || current() == lang.code()>
                                {lang.endonym()}
                            </option>
                        }).collect_view()}
                    </select>
                    <FieldProblems error field=Field::Locale id="register-lang-problems" />
                </div>
                <fieldset class="field choices" aria-describedby="consent-taken-problems">
                    <legend>{t!(i18n, assisted.consent_taken)}</legend>
                    <label class="choice">
                        <input type="checkbox" name="notice_read" value="yes" />
                        {t!(i18n, assisted.notice_read)}
                    </label>
                    <label class="choice">
                        <input type="checkbox" name="agreed" value="yes" />
                        {t!(i18n, assisted.agreed)}
                    </label>
                    <FieldProblems error field=Field::ConsentTaken id="consent-taken-problems" />
                </fieldset>
                <button type="submit" data-test="register-submit">{t!(i18n, assisted.register)}</button>
            </ActionForm>
        </section>
    }
}
