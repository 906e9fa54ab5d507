//! The release form: how a tranche is paid and to whom, chosen among the beneficiary's
//! registered payment details and the approved suppliers (`domain::money::payee`).

use super::labels::method_name;
use super::tranches::CommandFields;
use crate::i18n::*;
use crate::pages::shared::labels::{date_text, moment_text, money_text};
use crate::server_fns::money::ReleaseTranche;
use crate::wire::money::TrancheLine;
use leptos::prelude::*;

/// How the tranche is paid and to whom: one of the beneficiary's registered payment details
/// (those waiting for a second staff member's confirmation shown, not offered), or in kind to
/// an approved supplier against an invoice. Nobody types a number here.
#[component]
pub fn ReleaseForm(
    line: TrancheLine,
    release: ServerAction<ReleaseTranche>,
    back: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = line.id;
    let suppliers = use_context::<Suppliers>().unwrap_or_default().0;
    let opened_by = line.opening_visit.map(|visit| {
        let text = t_string!(
            i18n,
            money.opened_by_visit,
            date = date_text(i18n, visit.visited_on),
            id = visit.id,
            files = visit.evidence_files
        )
        .to_string();
        view! { <p class="note" data-test="opening-visit">{text}</p> }
    });
    let none_registered = line
        .payees
        .is_empty()
        .then(|| view! { <p class="note" data-test="no-payee">{t!(i18n, money.no_payee)}</p> });
    // The first payable choice comes ticked, so a form sent as it is pays somewhere registered.
    let first_payable = line.payees.iter().position(|p| p.payable);
    let can_pay = first_payable.is_some() || !suppliers.is_empty();
    let registered = line
        .payees
        .iter()
        .cloned()
        .enumerate()
        .map(
            |(n, payee)| view! { <PayeeOption tranche=id payee ticked=first_payable == Some(n) /> },
        )
        .collect_view();
    let in_kind = (!suppliers.is_empty()).then(|| {
        view! {
            <label class="choice">
                <input type="radio" name="method" value="in_kind" checked=first_payable.is_none() />
                {t!(i18n, money.in_kind_choice)}
            </label>
            <div class="field">
                <label for=format!("supplier-{id}")>{t!(i18n, money.supplier)}</label>
                <select id=format!("supplier-{id}") name="supplier">
                    <option value="">{t!(i18n, profile.choose)}</option>
                    {suppliers.iter().map(|s| view! {
                        <option value=s.id>{format!("{} · {}", s.name, s.city)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=format!("invoice-{id}")>{t!(i18n, money.invoice)}</label>
                <input id=format!("invoice-{id}") name="invoice" maxlength="120" />
            </div>
        }
    });
    view! {
        <details data-test="release">
            <summary>{t!(i18n, money.release)}</summary>
            <ActionForm action=release>
                <CommandFields tranche=id key=line.key.clone() back=back />
                {opened_by}
                <fieldset class="field choices">
                    <legend>{t!(i18n, money.method)}</legend>
                    {registered}
                    {none_registered}
                    {in_kind}
                </fieldset>
                <p class="note">{t!(i18n, money.method_hint)}</p>
                {can_pay.then(|| view! {
                    <button type="submit" data-test="release-submit">
                        {t!(i18n, money.release_amount, amount = money_text(i18n, line.amount))}
                    </button>
                })}
            </ActionForm>
        </details>
    }
}

/// The approved suppliers, given once by the page to every release form.
#[derive(Clone, Default)]
pub struct Suppliers(pub Vec<crate::wire::money::SupplierView>);

/// One registered payee as a choice of the release form, or why it cannot be chosen yet.
#[component]
fn PayeeOption(tranche: i64, payee: crate::wire::money::PayeeView, ticked: bool) -> impl IntoView {
    let i18n = use_i18n();
    let text = format!(
        "{} · {} · {}",
        method_name(i18n, payee.kind.code()),
        payee.detail,
        payee.holder
    );
    let since = t_string!(
        i18n,
        money.payee_registered_on,
        date = moment_text(i18n, payee.registered_at)
    )
    .to_string();
    if payee.payable {
        view! {
            <label class="choice" data-test="payee-choice">
                <input type="radio" name="method" value=payee.kind.code() checked=ticked />
                <bdi>{text}</bdi>
                <span class="note">" (" {since} ")"</span>
            </label>
        }
        .into_any()
    } else {
        let wait = t_string!(
            i18n,
            money.payee_waits,
            date = moment_text(i18n, payee.payable_from)
        )
        .to_string();
        view! {
            <p class="note" data-test="payee-unconfirmed" data-tranche=tranche>
                <bdi>{text}</bdi> " · " {since} ". " {wait}
            </p>
        }
        .into_any()
    }
}
