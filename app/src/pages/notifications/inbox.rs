//! "Notifications": what happened to the signed-in person, newest first, with the unread ones
//! marked, a button to mark them read, and older pages by plain links (works without
//! JavaScript). Each line is put into words in the reader's language of the moment.

use crate::components::page_data::page_data;
use crate::i18n::*;
use crate::pages::notifications::message::words;
use crate::pages::problem::FormProblems;
use crate::pages::shared::labels::moment_text;
use crate::server_fns::notifications::{my_notifications, MarkRead};
use crate::wire::notifications::{Inbox, NotificationLine};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let inbox = page_data(
        move || query.with(|q| q.get("before").and_then(|b| b.parse::<i64>().ok())),
        my_notifications,
    );
    let read = move || query.with(|q| q.get("read").is_some());
    view! {
        <Title text=move || t_string!(i18n, notify.title).to_string() />
        <h1>{t!(i18n, notify.title)}</h1>
        {move || read().then(|| view! {
            <p class="notice" role="status" data-test="marked-read">{t!(i18n, notify.marked_read)}</p>
        })}
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match inbox.await {
                    Ok(inbox) => view! { <InboxList inbox /> }.into_any(),
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn InboxList(inbox: Inbox) -> impl IntoView {
    let i18n = use_i18n();
    let mark = ServerAction::<MarkRead>::new();
    let newest = inbox.lines.first().map(|line| line.id);
    let unread = inbox.unread;
    let older = inbox.older;
    if inbox.lines.is_empty() {
        return view! { <p class="empty" data-test="no-notifications">{t!(i18n, notify.none)}</p> }
            .into_any();
    }
    view! {
        <p data-test="unread-count">{t!(i18n, notify.unread_count, count = unread)}</p>
        {newest.filter(|_| unread > 0).map(|newest| view! {
            <ActionForm action=mark attr:class="inline">
                <input type="hidden" name="up_to" value=newest.to_string() />
                <button type="submit" class="button secondary" data-test="mark-read">
                    {t!(i18n, notify.mark_read)}
                </button>
            </ActionForm>
        })}
        <ul class="notifications" data-test="notifications">
            {inbox.lines.into_iter().map(|line| view! { <Line line /> }).collect_view()}
        </ul>
        {older.map(|before| view! {
            <p><A href=format!("/notifications?before={before}") attr:data-test="older">
                {t!(i18n, notify.older)}
            </A></p>
        })}
    }
    .into_any()
}

#[component]
fn Line(line: NotificationLine) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let words = line.event.as_ref().map(|event| words(locale, event));
    let (subject, body) = words.map(|w| (w.subject, w.body)).unwrap_or_default();
    let class = if line.unread { "unread" } else { "read" };
    view! {
        <li class=class data-test="notification">
            {line.unread.then(|| view! {
                <strong class="badge">{t!(i18n, notify.unread_mark)}</strong>" "
            })}
            <A href=line.link>{subject}</A>
            <br />{body}
            <br />
            <small>{moment_text(i18n, line.at)}</small>
        </li>
    }
}
