//! The payment details a grant may be paid to: a mobile money number and a bank account (RIB),
//! one of each at most. Saving a new one of a kind replaces the old. Details registered in the
//! last two weeks are confirmed by a second member of staff before money goes to them; the
//! step says so, and when they become usable without it.

use crate::components::form::{invalid, last_error};
use crate::domain::money::payee::{PayeeKind, HOLDER_MAX};
use crate::domain::shared::problem::Field;
use crate::i18n::*;
use crate::pages::money::labels::method_name;
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::pages::shared::labels::date_text;
use crate::server_fns::profile::{RemovePayee, SavePayee};
use crate::wire::money::PayeeView;
use leptos::prelude::*;

#[component]
pub fn PayeesStep(
    save: ServerAction<SavePayee>,
    remove: ServerAction<RemovePayee>,
    payees: Vec<PayeeView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(save);
    let remove_error = last_error(remove);
    let empty = payees.is_empty();
    view! {
        <section class="card" id="payees" data-test="payees">
            <h2>{t!(i18n, payees.title)}</h2>
            <p class="note">{t!(i18n, payees.lead)}</p>
            <FormProblems error=remove_error />
            {empty.then(|| view! { <p class="empty">{t!(i18n, payees.none)}</p> })}
            <ul class="holdings">
                {payees.into_iter().map(|payee| view! { <Registered payee remove /> }).collect_view()}
            </ul>
            <ActionForm action=save attr:class="form" attr:novalidate=true>
                <super::ActingFor />
                <FormProblems error />
                <fieldset class="field choices" aria-describedby="payee-kind-problems">
                    <legend>{t!(i18n, payees.kind)}</legend>
                    {PayeeKind::ALL.into_iter().map(|kind| view! {
                        <label class="choice">
                            <input type="radio" name="kind" value=kind.code() checked=kind == PayeeKind::MobileMoney />
                            {method_name(i18n, kind.code())}
                        </label>
                    }).collect_view()}
                    <FieldProblems error field=Field::Method id="payee-kind-problems" />
                </fieldset>
                <div class="field">
                    <label for="payee-detail">{t!(i18n, payees.detail)}</label>
                    <input id="payee-detail" name="detail" dir="ltr" inputmode="numeric" autocomplete="off"
                        maxlength="40" aria-invalid=move || {
                            if invalid(error, Field::Phone)() == "true" || invalid(error, Field::Account)() == "true" { "true" } else { "false" }
                        }
                        aria-describedby="payee-detail-hint payee-detail-problems" />
                    <p class="hint" id="payee-detail-hint">{t!(i18n, payees.detail_hint)}</p>
                    <div id="payee-detail-problems">
                        <FieldProblems error field=Field::Phone id="payee-phone-problems" />
                        <FieldProblems error field=Field::Account id="payee-account-problems" />
                    </div>
                </div>
                <div class="field">
                    <label for="payee-holder">{t!(i18n, payees.holder)}</label>
                    <input id="payee-holder" name="holder" maxlength=HOLDER_MAX autocomplete="name"
                        aria-invalid=invalid(error, Field::Holder) aria-describedby="payee-holder-problems" />
                    <FieldProblems error field=Field::Holder id="payee-holder-problems" />
                </div>
                <button type="submit" data-test="save-payee">{t!(i18n, payees.save)}</button>
            </ActionForm>
        </section>
    }
}

/// Registered details: what they are, since when, whether they may be paid to yet, and a form
/// to remove them.
#[component]
fn Registered(payee: PayeeView, remove: ServerAction<RemovePayee>) -> impl IntoView {
    let i18n = use_i18n();
    let state = if payee.confirmed_at.is_some() {
        t_string!(i18n, payees.confirmed).to_string()
    } else if payee.payable {
        t_string!(i18n, payees.usable).to_string()
    } else {
        t_string!(
            i18n,
            payees.waiting,
            date = date_text(i18n, payee.payable_from.date())
        )
        .to_string()
    };
    let since = t_string!(
        i18n,
        payees.since,
        date = date_text(i18n, payee.registered_at.date())
    )
    .to_string();
    view! {
        <li data-test="payee" data-kind=payee.kind.code()>
            <span>
                <strong>{method_name(i18n, payee.kind.code())}</strong>
                " · " <bdi dir="ltr">{payee.detail.clone()}</bdi> " · " {payee.holder.clone()}
                <br /><span class="note">{since} " · " {state}</span>
            </span>
            <ActionForm action=remove attr:class="inline-form">
                <super::ActingFor />
                <input type="hidden" name="id" value=payee.id />
                <button type="submit" class="link-button">{t!(i18n, payees.remove)}</button>
            </ActionForm>
        </li>
    }
}
