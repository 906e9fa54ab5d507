use super::labels::document_name;
use crate::components::form::{invalid, last_error};
use crate::domain::profile::holdings::DOCUMENT_NUMBER_MAX;
use crate::domain::profile::DocumentKind;
use crate::domain::shared::problem::Field;
use crate::i18n::*;
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::pages::shared::labels::date_text;
use crate::server_fns::profile::{AddDocument, RemoveDocument};
use crate::wire::profile::DocumentView;
use leptos::prelude::*;

/// Step 3: the papers the person holds, one small form to add one, a button to remove each.
#[component]
pub fn DocumentsStep(
    add: ServerAction<AddDocument>,
    remove: ServerAction<RemoveDocument>,
    documents: Vec<DocumentView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(add);
    let remove_error = last_error(remove);
    let empty = documents.is_empty();
    view! {
        <section class="card" id="documents" data-test="documents">
            <h2>{t!(i18n, documents.title)}</h2>
            <p class="note">{t!(i18n, documents.lead)}</p>
            <FormProblems error=remove_error />
            <Show when=move || empty>
                <p class="empty">{t!(i18n, documents.none)}</p>
            </Show>
            <ul class="holdings">
                {documents
                    .into_iter()
                    .map(|doc| view! { <HeldDocument doc remove /> })
                    .collect_view()}
            </ul>
            <ActionForm action=add attr:class="form" attr:novalidate=true>
                <super::ActingFor />
                <FormProblems error />
                <div class="field">
                    <label for="document-kind">{t!(i18n, documents.kind)}</label>
                    <select id="document-kind" name="kind" aria-invalid=invalid(error, Field::DocumentKind)
                        aria-describedby="document-kind-problems">
                        <option value="">{t!(i18n, profile.choose)}</option>
                        {DocumentKind::ALL.into_iter().map(|kind| view! {
                            <option value=kind.code()>{document_name(i18n, kind)}</option>
                        }).collect_view()}
                    </select>
                    <FieldProblems error field=Field::DocumentKind id="document-kind-problems" />
                </div>
                <div class="field">
                    <label for="document-number">{t!(i18n, documents.number)}</label>
                    <input id="document-number" name="number" dir="ltr" autocomplete="off"
                        maxlength=DOCUMENT_NUMBER_MAX aria-invalid=invalid(error, Field::DocumentNumber)
                        aria-describedby="document-number-problems" />
                    <FieldProblems error field=Field::DocumentNumber id="document-number-problems" />
                </div>
                <fieldset class="field" aria-describedby="expires-problems">
                    <legend>{t!(i18n, documents.expires)}</legend>
                    <div class="date-parts" dir="ltr">
                        <label>{t!(i18n, profile.day)}
                            <input id="expires-day" name="expires_day" inputmode="numeric" maxlength="2" size="2"
                                aria-invalid=invalid(error, Field::ExpiresOn) />
                        </label>
                        <label>{t!(i18n, profile.month)}
                            <input id="expires-month" name="expires_month" inputmode="numeric" maxlength="2" size="2"
                                aria-invalid=invalid(error, Field::ExpiresOn) />
                        </label>
                        <label>{t!(i18n, profile.year)}
                            <input id="expires-year" name="expires_year" inputmode="numeric" maxlength="4" size="4"
                                aria-invalid=invalid(error, Field::ExpiresOn) />
                        </label>
                    </div>
                    <FieldProblems error field=Field::ExpiresOn id="expires-problems" />
                </fieldset>
                <button type="submit" data-test="add-document">{t!(i18n, documents.add)}</button>
            </ActionForm>
        </section>
    }
}

/// A paper the person holds: its kind, number and expiry, and a form to remove it.
#[component]
fn HeldDocument(doc: DocumentView, remove: ServerAction<RemoveDocument>) -> impl IntoView {
    let i18n = use_i18n();
    let kind = DocumentKind::from_code(&doc.kind)
        .map(|k| document_name(i18n, k))
        .unwrap_or(doc.kind.clone());
    let expiry = match doc.expires_on {
        Some(date) => {
            t_string!(i18n, documents.expires_on, date = date_text(i18n, date)).to_string()
        }
        None => t_string!(i18n, documents.no_expiry).to_string(),
    };
    view! {
        <li data-test="document">
            <span>
                <strong>{kind}</strong>
                {doc.number.map(|n| view! { " · " <bdi>{n}</bdi> })}
                " · "
                {expiry}
            </span>
            <ActionForm action=remove attr:class="inline-form">
                <super::ActingFor />
                <input type="hidden" name="id" value=doc.id />
                <button type="submit" class="link-button">{t!(i18n, documents.remove)}</button>
            </ActionForm>
        </li>
    }
}
