//! "Outbox" for admins: every message the platform sent, is about to send, or gave up on
//! (with the last error and the number of tries), filtered by state, paged by plain links. A
//! message given up on can be put back in the queue.

use crate::components::form::last_error;
use crate::components::page_data::page_data;
use crate::i18n::*;
use crate::pages::notifications::message::words;
use crate::pages::problem::FormProblems;
use crate::pages::shared::labels::moment_text;
use crate::server_fns::notifications::{outbox, RetryMessage};
use crate::wire::notifications::{OutboxLine, OutboxView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn OutboxPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let (state, before) = untrack(|| {
        query.with(|q| {
            (
                q.get("state"),
                q.get("before").and_then(|b| b.parse::<i64>().ok()),
            )
        })
    });
    let view_data = page_data(move || (state, before), |(s, b)| outbox(s, b));
    let retried = move || query.with(|q| q.get("retried").is_some());
    view! {
        <Title text=move || t_string!(i18n, notify.outbox_title).to_string() />
        <h1>{t!(i18n, notify.outbox_title)}</h1>
        <p>{t!(i18n, notify.outbox_intro)}</p>
        {move || retried().then(|| view! {
            <p class="notice" role="status" data-test="retried">{t!(i18n, notify.retried)}</p>
        })}
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match view_data.await {
                    Ok(data) => view! { <OutboxTable data /> }.into_any(),
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OutboxTable(data: OutboxView) -> impl IntoView {
    let i18n = use_i18n();
    let retry = ServerAction::<RetryMessage>::new();
    let OutboxView {
        lines,
        older,
        pending,
        sent,
        failed,
    } = data;
    view! {
        <nav class="filters" data-test="outbox-counts">
            <A href="/admin/outbox">{t!(i18n, notify.all)}</A>" · "
            <A href="/admin/outbox?state=pending">{t!(i18n, notify.pending, count = pending)}</A>" · "
            <A href="/admin/outbox?state=sent">{t!(i18n, notify.sent, count = sent)}</A>" · "
            <A href="/admin/outbox?state=failed">{t!(i18n, notify.failed, count = failed)}</A>
        </nav>
        <FormProblems error=last_error(retry) />
        <ul class="notifications" data-test="outbox">
            {lines.into_iter().map(|line| view! { <Row line retry /> }).collect_view()}
        </ul>
        {older.map(|before| view! {
            <p><A href=format!("/admin/outbox?before={before}") attr:data-test="older">
                {t!(i18n, notify.older)}
            </A></p>
        })}
    }
}

#[component]
fn Row(line: OutboxLine, retry: ServerAction<RetryMessage>) -> impl IntoView {
    let i18n = use_i18n();
    let state = match line.state.as_str() {
        "sent" => t_string!(i18n, notify.state_sent).to_string(),
        "failed" => t_string!(i18n, notify.state_failed).to_string(),
        _ => t_string!(i18n, notify.state_pending).to_string(),
    };
    let when = moment_text(i18n, line.done_at.unwrap_or(line.next_attempt_at));
    let secret = line.event.as_ref().is_none_or(|e| e.carries_secret());
    let subject = line
        .event
        .as_ref()
        .map(|event| words(i18n.get_locale_untracked(), event).subject)
        .unwrap_or_default();
    let failed = line.state == "failed" && !secret;
    view! {
        <li data-test="outbox-line" data-state=line.state.clone()>
            <strong>{subject}</strong>
            <br /><bdi dir="ltr">{line.address}</bdi>" · "{line.language}
            <br /><small>{moment_text(i18n, line.created_at)}</small>
            <br />{state}" · "{t!(i18n, notify.tries, count = line.attempts)}" · "<small>{when}</small>
            {line.last_error.map(|error| view! { <br /><small class="error" dir="ltr">{error}</small> })}
            {failed.then(|| view! {
                <ActionForm action=retry attr:class="inline">
                    <input type="hidden" name="message" value=line.id.to_string() />
                    <button type="submit" class="button secondary">{t!(i18n, notify.retry)}</button>
                </ActionForm>
            })}
        </li>
    }
}
