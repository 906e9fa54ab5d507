//! The second pair of eyes on where money goes: on the finance desk, payment details
//! registered recently that wait for confirmation; for admins, `/admin/suppliers`, the list of
//! suppliers a release in kind may pay, each approved by an admin other than its proposer.

use super::labels::method_name;
use crate::components::form::{invalid, last_error};
use crate::components::page_data::page_data;
use crate::domain::shared::problem::Field;
use crate::i18n::*;
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::pages::shared::labels::moment_text;
use crate::server_fns::money::{
    load_suppliers, ApproveSupplier, ConfirmPayee, ProposeSupplier, RetireSupplier,
};
use crate::wire::money::{PayeeToConfirm, SupplierView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Payment details registered less than two weeks ago, not yet confirmed, of people with an
/// approved plan: a release cannot pay to them until a second person confirms them.
#[component]
pub fn PayeesToConfirm(list: Vec<PayeeToConfirm>, me: i64) -> impl IntoView {
    let i18n = use_i18n();
    let confirm = ServerAction::<ConfirmPayee>::new();
    let query = use_query_map();
    let saved = query.with_untracked(|q| q.get("saved")).as_deref() == Some("payee");
    let empty = list.is_empty();
    view! {
        <section class="card" id="payees" data-test="payees-to-confirm">
            <h2>{t!(i18n, money.to_confirm_title)}</h2>
            <p class="note">{t!(i18n, money.to_confirm_lead)}</p>
            {saved.then(|| view! { <p class="notice" role="status" data-test="payee-confirmed">{t!(i18n, money.payee_confirmed)}</p> })}
            <FormProblems error=last_error(confirm) />
            {empty.then(|| view! { <p class="empty">{t!(i18n, money.to_confirm_none)}</p> })}
            <ul class="plain">
                {list.into_iter().map(|item| {
                    let mine = item.registered_by_id == me || item.beneficiary == me;
                    let payee = item.payee;
                    let text = format!("{} · {} · {} · {}", item.person, method_name(i18n, payee.kind.code()), payee.detail, payee.holder);
                    let when = t_string!(i18n, money.payee_registered_on, date = moment_text(i18n, payee.registered_at)).to_string();
                    view! {
                        <li data-test="payee-to-confirm" data-payee=payee.id>
                            <bdi>{text}</bdi> " · " {when}
                            {(!mine).then(|| view! {
                                <ActionForm action=confirm attr:class="inline-form">
                                    <input type="hidden" name="payee" value=payee.id />
                                    <button type="submit" data-test="confirm-payee">{t!(i18n, money.confirm_payee)}</button>
                                </ActionForm>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// `/admin/suppliers`.
#[component]
pub fn SuppliersPage() -> impl IntoView {
    let i18n = use_i18n();
    let propose = ServerAction::<ProposeSupplier>::new();
    let approve = ServerAction::<ApproveSupplier>::new();
    let retire = ServerAction::<RetireSupplier>::new();
    let list = page_data(|| (), |_| load_suppliers());
    let query = use_query_map();
    let saved = query.with_untracked(|q| q.get("saved"));
    let error = last_error(propose);
    view! {
        <Title text=move || t_string!(i18n, suppliers.title).to_string() />
        <p><a href="/admin/money">{t!(i18n, money.back_to_overview)}</a></p>
        <h1>{t!(i18n, suppliers.title)}</h1>
        <p class="lead">{t!(i18n, suppliers.lead)}</p>
        {saved.map(|_| view! { <p class="notice" role="status" data-test="saved">{t!(i18n, suppliers.saved)}</p> })}
        <FormProblems error=last_error(approve) />
        <FormProblems error=last_error(retire) />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => view! { <SupplierTable suppliers=list.suppliers me=list.me approve retire /> }.into_any(),
                    Err(error) => view! { <FormProblems error=Signal::derive(move || Some(error.clone())) /> }.into_any(),
                }
            })}
        </Suspense>
        <section class="card">
            <h2>{t!(i18n, suppliers.propose_title)}</h2>
            <ActionForm action=propose attr:class="form" attr:novalidate=true>
                <FormProblems error />
                <div class="field">
                    <label for="supplier-name">{t!(i18n, suppliers.name)}</label>
                    <input id="supplier-name" name="name" maxlength="120" aria-invalid=invalid(error, Field::SupplierName)
                        aria-describedby="supplier-name-problems" />
                    <FieldProblems error field=Field::SupplierName id="supplier-name-problems" />
                </div>
                <div class="field">
                    <label for="supplier-city">{t!(i18n, suppliers.city)}</label>
                    <input id="supplier-city" name="city" maxlength="120" aria-invalid=invalid(error, Field::City)
                        aria-describedby="supplier-city-problems" />
                    <FieldProblems error field=Field::City id="supplier-city-problems" />
                </div>
                <div class="field">
                    <label for="supplier-rib">{t!(i18n, suppliers.rib)}</label>
                    <input id="supplier-rib" name="rib" dir="ltr" inputmode="numeric" autocomplete="off"
                        aria-invalid=invalid(error, Field::Account) aria-describedby="supplier-rib-problems" />
                    <FieldProblems error field=Field::Account id="supplier-rib-problems" />
                </div>
                <button type="submit" data-test="propose-supplier">{t!(i18n, suppliers.propose)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn SupplierTable(
    suppliers: Vec<SupplierView>,
    me: i64,
    approve: ServerAction<ApproveSupplier>,
    retire: ServerAction<RetireSupplier>,
) -> impl IntoView {
    let i18n = use_i18n();
    if suppliers.is_empty() {
        return view! { <p class="empty">{t!(i18n, suppliers.none)}</p> }.into_any();
    }
    view! {
        <div class="table-scroll"><table class="table" data-test="suppliers">
            <thead><tr>
                <th scope="col">{t!(i18n, suppliers.name)}</th>
                <th scope="col">{t!(i18n, suppliers.rib)}</th>
                <th scope="col">{t!(i18n, suppliers.state)}</th>
            </tr></thead>
            <tbody>
                {suppliers.into_iter().map(|s| {
                    let state = match &s.approver {
                        Some(approver) => t_string!(i18n, suppliers.approved_by, proposer = s.proposer.clone(), approver = approver.clone()).to_string(),
                        None => t_string!(i18n, suppliers.awaiting, proposer = s.proposer.clone()).to_string(),
                    };
                    let may_approve = !s.approved && s.proposed_by != me;
                    view! {
                        <tr data-test="supplier" data-supplier=s.id data-approved=s.approved.to_string()>
                            <td>{s.name.clone()} <br /><span class="note">{s.city.clone()}</span></td>
                            <td><bdi dir="ltr">{s.rib.clone()}</bdi></td>
                            <td>{state}
                                {may_approve.then(|| view! {
                                    <ActionForm action=approve attr:class="inline-form">
                                        <input type="hidden" name="supplier" value=s.id />
                                        <button type="submit" data-test="approve-supplier">{t!(i18n, suppliers.approve)}</button>
                                    </ActionForm>
                                })}
                                <ActionForm action=retire attr:class="inline-form">
                                    <input type="hidden" name="supplier" value=s.id />
                                    <button type="submit" class="link-button" data-test="retire-supplier">{t!(i18n, suppliers.retire)}</button>
                                </ActionForm>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table></div>
    }
    .into_any()
}
