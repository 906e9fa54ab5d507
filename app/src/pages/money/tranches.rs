//! A grant's tranches with their payments, and the forms that move them: release and cancel
//! for admins, confirm paid or record a failure for finance officers. Every form carries its
//! line's idempotency key, so a double submission is one payment.

use super::labels::{method_name, release_name, tranche_status_name};
use crate::domain::money::tranche::TrancheStatus;
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::problem::{problem_text, LastError};
use crate::pages::shared::labels::{moment_text, money_text};
use crate::server_fns::money::{CancelTranche, ReleaseTranche, SettlePayment};
use crate::wire::money::{PaymentLine, TrancheLine};
use leptos::prelude::*;

/// Who reads the table, and so which forms it shows.
#[derive(Clone, Copy)]
pub enum Desk {
    /// The maker: releases and cancels.
    Admin {
        release: ServerAction<ReleaseTranche>,
        cancel: ServerAction<CancelTranche>,
    },
    /// The checker: confirms or records failures.
    Finance { settle: ServerAction<SettlePayment> },
    /// The applicant, their mentor: the schedule only.
    Reader,
}

/// Every problem of a refused money form, field ones included, above the table: the lines
/// share their forms' actions, so a message under one line's field would show under all.
#[component]
pub fn MoneyProblems(error: LastError) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().map(|error| {
            let messages = match &error {
                AppError::Validation(problems) => problems
                    .iter()
                    .map(|p| problem_text(i18n, p.problem))
                    .collect(),
                other => crate::pages::problem::form_messages(i18n, other),
            };
            view! {
                <div class="form-problems" role="alert" data-test="form-problems">
                    {messages.into_iter().map(|m| view! { <p>{m}</p> }).collect_view()}
                </div>
            }
        })
    }
}

#[component]
pub fn TrancheTable(
    lines: Vec<TrancheLine>,
    desk: Desk,
    /// Show the beneficiary and call columns (staff pages).
    #[prop(optional)]
    staff: bool,
    /// The page forms return to.
    #[prop(into)]
    back: String,
) -> impl IntoView {
    let i18n = use_i18n();
    if lines.is_empty() {
        return view! { <p class="empty" data-test="no-tranches">{t!(i18n, money.no_tranches)}</p> }
            .into_any();
    }
    let rows = lines
        .into_iter()
        .map(|line| view! { <TrancheRow line desk staff back=back.clone() /> })
        .collect_view();
    view! {
        <div class="table-scroll"><table class="table" data-test="tranches">
            <thead>
                <tr>
                    {staff.then(|| view! {
                        <th scope="col">{t!(i18n, money.col_beneficiary)}</th>
                    })}
                    <th scope="col">{t!(i18n, money.col_tranche)}</th>
                    <th scope="col">{t!(i18n, money.col_amount)}</th>
                    <th scope="col">{t!(i18n, money.col_rule)}</th>
                    <th scope="col">{t!(i18n, money.col_status)}</th>
                    <th scope="col">{t!(i18n, money.col_payments)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table></div>
    }
    .into_any()
}

#[component]
fn TrancheRow(line: TrancheLine, desk: Desk, staff: bool, back: String) -> impl IntoView {
    let i18n = use_i18n();
    let payments = line
        .payments
        .iter()
        .map(|p| view! { <PaymentItem payment=p.clone() /> })
        .collect_view();
    let forms = match desk {
        Desk::Admin { release, cancel } => {
            view! { <AdminForms line=line.clone() release cancel back=back.clone() /> }.into_any()
        }
        Desk::Finance { settle } => {
            view! { <FinanceForms line=line.clone() settle back=back.clone() /> }.into_any()
        }
        Desk::Reader => ().into_any(),
    };
    // Finance officers do not open plans: the name is a link for admins only.
    let linked = matches!(desk, Desk::Admin { .. });
    let beneficiary = staff.then(|| {
        let plan = line.plan;
        let name = if linked {
            view! { <a href=format!("/plans/plan?id={plan}")>{line.beneficiary.clone()}</a> }
                .into_any()
        } else {
            view! { {line.beneficiary.clone()} }.into_any()
        };
        view! {
            <td>
                {name}
                <br /><span class="note"><bdi>{line.call_reference.clone()}</bdi></span>
            </td>
        }
    });
    view! {
        <tr data-test="tranche" data-tranche=line.id data-status=line.status.code()>
            {beneficiary}
            <td>{line.number} " · " {line.percent} "%"</td>
            <td data-test="amount">{money_text(i18n, line.amount)}</td>
            <td>{release_name(i18n, line.release)}</td>
            <td data-test="status">{tranche_status_name(i18n, line.status)}</td>
            <td>
                <ul class="plain">{payments}</ul>
                {forms}
            </td>
        </tr>
    }
}

#[component]
fn PaymentItem(payment: PaymentLine) -> impl IntoView {
    let i18n = use_i18n();
    let details = [
        payment.supplier.clone(),
        payment.invoice.clone(),
        payment.payee.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let by = (!payment.released_by.is_empty()).then(|| {
        format!(
            "{} {}",
            t_string!(i18n, money.released_by),
            payment.released_by
        )
    });
    let settled = payment.settled_at.map(|at| {
        let who = payment.settled_by.clone().unwrap_or_default();
        let note = payment
            .settlement_ref
            .clone()
            .or(payment.failure_reason.clone())
            .unwrap_or_default();
        format!("{} {who} {note}", moment_text(i18n, at))
    });
    let registered = payment.payee_registered_at.map(|at| {
        let days = (payment.released_at - at).whole_days();
        let mut text = t_string!(
            i18n,
            money.payee_registered_before,
            date = moment_text(i18n, at),
            days = days
        )
        .to_string();
        if let Some(confirmed) = payment.payee_confirmed_at {
            text.push_str(" · ");
            text.push_str(
                &t_string!(
                    i18n,
                    money.payee_confirmed_on,
                    date = moment_text(i18n, confirmed)
                )
                .to_string(),
            );
        }
        text
    });
    let status = match payment.status.as_str() {
        "paid" => tranche_status_name(i18n, TrancheStatus::Paid),
        "failed" => tranche_status_name(i18n, TrancheStatus::Failed),
        "cancelled" => tranche_status_name(i18n, TrancheStatus::Cancelled),
        _ => tranche_status_name(i18n, TrancheStatus::Released),
    };
    view! {
        <li data-test="payment" data-payment=payment.id data-status=payment.status.clone()>
            "#" {payment.attempt} " · " {method_name(i18n, &payment.method)} " · " <bdi>{details}</bdi>
            " · " {status} " · " {moment_text(i18n, payment.released_at)} " " {by}
            {registered.map(|r| view! { <br /><span class="note" data-test="payee-registered">{r}</span> })}
            {settled.map(|s| view! { <br /><span class="note">{s}</span> })}
        </li>
    }
}

#[component]
fn AdminForms(
    line: TrancheLine,
    release: ServerAction<ReleaseTranche>,
    cancel: ServerAction<CancelTranche>,
    back: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let releasable = matches!(
        line.status,
        TrancheStatus::Scheduled | TrancheStatus::Failed
    );
    let blocked = if line.waits_for_earlier {
        Some(t_string!(i18n, problem.earlier_tranche_open).to_string())
    } else if line.waits_for_visit {
        Some(t_string!(i18n, problem.visit_required).to_string())
    } else {
        None
    };
    let release_form = match (releasable, blocked) {
        (false, _) => ().into_any(),
        (true, Some(reason)) => {
            view! { <p class="note" data-test="blocked">{reason}</p> }.into_any()
        }
        (true, None) => {
            view! { <super::release::ReleaseForm line=line.clone() release back=back.clone() /> }
                .into_any()
        }
    };
    let cancel_form =
        (!line.status.is_final()).then(|| view! { <CancelForm line=line.clone() cancel back /> });
    view! { {release_form} {cancel_form} }
}

/// Cancelling what is left of the tranche, with a reason.
#[component]
fn CancelForm(
    line: TrancheLine,
    cancel: ServerAction<CancelTranche>,
    back: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = line.id;
    view! {
        <details data-test="cancel">
            <summary>{t!(i18n, money.cancel)}</summary>
            <ActionForm action=cancel>
                <CommandFields tranche=id key=line.key.clone() back=back />
                <div class="field">
                    <label for=format!("cancel-reason-{id}")>{t!(i18n, money.cancel_reason)}</label>
                    <input id=format!("cancel-reason-{id}") name="reason" maxlength="500" required />
                </div>
                <button type="submit" class="danger" data-test="cancel-submit">{t!(i18n, money.cancel)}</button>
            </ActionForm>
        </details>
    }
}

#[component]
fn FinanceForms(
    line: TrancheLine,
    settle: ServerAction<SettlePayment>,
    back: String,
) -> impl IntoView {
    let i18n = use_i18n();
    if line.status != TrancheStatus::Released {
        return ().into_any();
    }
    if let Some(problem) = line.settle_refused {
        let reason = problem_text(i18n, problem);
        return view! { <p class="note" data-test="settle-refused">{reason}</p> }.into_any();
    }
    let id = line.id;
    let (key, back2) = (line.key.clone(), back.clone());
    view! {
        <ActionForm action=settle attr:data-test="confirm">
            <CommandFields tranche=id key=line.key.clone() back=back.clone() />
            <input type="hidden" name="outcome" value="paid" />
            <div class="field">
                <label for=format!("paid-ref-{id}")>{t!(i18n, money.transfer_ref)}</label>
                <input id=format!("paid-ref-{id}") name="note" maxlength="500" />
            </div>
            <button type="submit" data-test="confirm-submit">{t!(i18n, money.confirm_paid)}</button>
        </ActionForm>
        <details data-test="fail">
            <summary>{t!(i18n, money.record_failure)}</summary>
            <ActionForm action=settle>
                <CommandFields tranche=id key=key.clone() back=back2.clone() />
                <input type="hidden" name="outcome" value="failed" />
                <div class="field">
                    <label for=format!("fail-reason-{id}")>{t!(i18n, money.failure_reason)}</label>
                    <input id=format!("fail-reason-{id}") name="note" maxlength="500" required />
                </div>
                <button type="submit" class="danger" data-test="fail-submit">{t!(i18n, money.record_failure)}</button>
            </ActionForm>
        </details>
    }
    .into_any()
}

/// What every money form sends besides its own fields: the tranche, the form's idempotency
/// key (a resubmission is done once) and the page to come back to.
#[component]
pub(super) fn CommandFields(tranche: i64, key: String, back: String) -> impl IntoView {
    view! {
        <input type="hidden" name="tranche" value=tranche />
        <input type="hidden" name="key" value=key />
        <input type="hidden" name="back" value=back />
    }
}
