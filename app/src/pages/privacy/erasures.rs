//! `/admin/erasures`: erasure on request, with four eyes. One admin asks (whom, why, a note for
//! the second admin); another carries it out after checking, or either cancels it. The page
//! says what an erasure removes and what it keeps, and why the one who asked cannot finish it.

use crate::components::form::{invalid, last_error};
use crate::domain::privacy::erasure::{ErasureReason, ErasureStatus, NOTE_MAX};
use crate::domain::shared::problem::Field;
use crate::i18n::*;
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::pages::shared::labels::moment_text;
use crate::server_fns::privacy::{erasures, AskErasure, CancelErasure, CarryOutErasure};
use crate::wire::privacy::ErasureLine;
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ErasuresPage() -> impl IntoView {
    let i18n = use_i18n();
    let ask = ServerAction::<AskErasure>::new();
    let carry = ServerAction::<CarryOutErasure>::new();
    let cancel = ServerAction::<CancelErasure>::new();
    let query = use_query_map();
    let (saved, person) = query.with_untracked(|q| (q.get("saved"), q.get("person")));
    let lines = OnceResource::new(erasures());
    let notice = saved.map(|saved| {
        let message = match saved.as_str() {
            "asked" => t_string!(i18n, erasure.saved_asked).to_string(),
            "erased" => t_string!(i18n, erasure.saved_erased).to_string(),
            _ => t_string!(i18n, erasure.saved_cancelled).to_string(),
        };
        view! { <p class="notice" role="status" data-test="saved">{message}</p> }
    });
    view! {
        <Title text=move || t_string!(i18n, erasure.title).to_string() />
        <h1>{t!(i18n, erasure.title)}</h1>
        {notice}
        <p>{t!(i18n, erasure.lead)}</p>
        <p class="note">{t!(i18n, erasure.kept)}</p>
        <AskForm ask person=person.unwrap_or_default() />
        <FormProblems error=last_error(carry) />
        <FormProblems error=last_error(cancel) />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match lines.await {
                    Ok(lines) => view! { <Requests lines carry cancel /> }.into_any(),
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn reason_name(i18n: I18nContext<Locale>, reason: ErasureReason) -> String {
    match reason {
        ErasureReason::PersonAsked => t_string!(i18n, erasure.reason_person_asked),
        ErasureReason::AskedThroughCaseworker => t_string!(i18n, erasure.reason_caseworker),
        ErasureReason::LegalOrder => t_string!(i18n, erasure.reason_legal_order),
        ErasureReason::DuplicateAccount => t_string!(i18n, erasure.reason_duplicate),
    }
    .to_string()
}

#[component]
fn AskForm(ask: ServerAction<AskErasure>, person: String) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(ask);
    view! {
        <section class="card" id="ask">
            <h2>{t!(i18n, erasure.ask_title)}</h2>
            <ActionForm action=ask attr:class="form" attr:novalidate=true>
                <FormProblems error />
                <div class="field">
                    <label for="erasure-person">{t!(i18n, erasure.person)}</label>
                    <input id="erasure-person" name="person" type="text" inputmode="numeric" dir="ltr"
                        required value=person autocomplete="off"
                        aria-invalid=invalid(error, Field::Subject)
                        aria-describedby="erasure-person-hint erasure-person-problems" />
                    <p class="hint" id="erasure-person-hint">{t!(i18n, erasure.person_hint)}</p>
                    <FieldProblems error field=Field::Subject id="erasure-person-problems" />
                </div>
                <div class="field">
                    <label for="erasure-reason">{t!(i18n, erasure.reason)}</label>
                    <select id="erasure-reason" name="reason" aria-invalid=invalid(error, Field::Reason)
                        aria-describedby="erasure-reason-problems">
                        {ErasureReason::ALL.into_iter().map(|reason| view! {
                            <option value=reason.code()>{reason_name(i18n, reason)}</option>
                        }).collect_view()}
                    </select>
                    <FieldProblems error field=Field::Reason id="erasure-reason-problems" />
                </div>
                <div class="field">
                    <label for="erasure-note">{t!(i18n, erasure.note)}</label>
                    <textarea id="erasure-note" name="note" rows="3" maxlength=NOTE_MAX
                        aria-invalid=invalid(error, Field::Note)
                        aria-describedby="erasure-note-hint erasure-note-problems"></textarea>
                    <p class="hint" id="erasure-note-hint">{t!(i18n, erasure.note_hint)}</p>
                    <FieldProblems error field=Field::Note id="erasure-note-problems" />
                </div>
                <button type="submit" class="button" data-test="ask-erasure">{t!(i18n, erasure.ask)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn Requests(
    lines: Vec<ErasureLine>,
    carry: ServerAction<CarryOutErasure>,
    cancel: ServerAction<CancelErasure>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (pending, closed): (Vec<_>, Vec<_>) = lines
        .into_iter()
        .partition(|line| line.status == ErasureStatus::Pending);
    view! {
        <section class="card" data-test="pending-erasures">
            <h2>{t!(i18n, erasure.pending_title)}</h2>
            {if pending.is_empty() {
                view! { <p class="empty">{t!(i18n, erasure.none_pending)}</p> }.into_any()
            } else {
                view! {
                    <ul class="holdings">
                        {pending.into_iter().map(|line| view! { <Pending line carry cancel /> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section class="card" data-test="closed-erasures">
            <h2>{t!(i18n, erasure.closed_title)}</h2>
            {if closed.is_empty() {
                view! { <p class="empty">{t!(i18n, erasure.none_closed)}</p> }.into_any()
            } else {
                view! {
                    <ul class="holdings">
                        {closed.into_iter().map(|line| view! { <Closed line /> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// Whom a request is about: the account number and, while there is one, the name on file.
fn whom(line: &ErasureLine) -> String {
    match &line.name {
        Some(name) if !name.starts_with('#') => format!("#{} · {name}", line.person),
        _ => format!("#{}", line.person),
    }
}

#[component]
fn Pending(
    line: ErasureLine,
    carry: ServerAction<CarryOutErasure>,
    cancel: ServerAction<CancelErasure>,
) -> impl IntoView {
    let i18n = use_i18n();
    let asked = t_string!(
        i18n,
        erasure.asked_by,
        who = line.requester.clone(),
        at = moment_text(i18n, line.requested_at)
    )
    .to_string();
    let id = line.id;
    let action = if line.asked_by_me {
        view! { <p class="note" data-test="second-admin">{t!(i18n, erasure.second_admin)}</p> }
            .into_any()
    } else {
        view! {
            <ActionForm action=carry attr:class="form">
                <input type="hidden" name="request" value=id />
                <label class="choice">
                    <input type="checkbox" name="confirmed" value="yes" />
                    {t!(i18n, erasure.confirm)}
                </label>
                <button type="submit" class="button danger" data-test="carry-out">{t!(i18n, erasure.carry_out)}</button>
            </ActionForm>
        }.into_any()
    };
    view! {
        <li data-test="erasure-request" data-request=id>
            <p><strong><bdi>{whom(&line)}</bdi></strong> " · " {reason_name(i18n, line.reason)}</p>
            <p class="note">{asked}</p>
            {line.note.map(|note| view! { <p class="comment-body" dir="auto">{note}</p> })}
            {action}
            <ActionForm action=cancel attr:class="inline-form">
                <input type="hidden" name="request" value=id />
                <button type="submit" class="link-button" data-test="cancel-erasure">{t!(i18n, erasure.cancel)}</button>
            </ActionForm>
        </li>
    }
}

#[component]
fn Closed(line: ErasureLine) -> impl IntoView {
    let i18n = use_i18n();
    let status = if line.status == ErasureStatus::Erased {
        t_string!(i18n, erasure.status_erased).to_string()
    } else {
        t_string!(i18n, erasure.status_cancelled).to_string()
    };
    let decided = line
        .decided_at
        .map(|at| moment_text(i18n, at))
        .unwrap_or_default();
    let by = t_string!(
        i18n,
        erasure.closed_line,
        asker = line.requester.clone(),
        decider = line.decider.clone().unwrap_or_default(),
        at = decided
    )
    .to_string();
    view! {
        <li data-test="erasure-closed" data-status=line.status.code()>
            <p><strong><bdi>{whom(&line)}</bdi></strong> " · " {reason_name(i18n, line.reason)} " · " {status}</p>
            <p class="note">{by}</p>
        </li>
    }
}
