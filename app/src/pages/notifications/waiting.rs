//! On a caseworker's page for someone they help: what waits unread for that person (their
//! notifications, newest first), so the caseworker can tell them, for instance someone without
//! an account or a phone of their own yet. Words only: the links lead to the person's pages.

use crate::i18n::*;
use crate::pages::notifications::message::words;
use crate::pages::shared::labels::moment_text;
use crate::wire::notifications::Waiting;
use leptos::prelude::*;

#[component]
pub fn WaitingCard(waiting: Waiting) -> impl IntoView {
    let i18n = use_i18n();
    if waiting.total == 0 {
        return ().into_any();
    }
    let locale = i18n.get_locale_untracked();
    let total = waiting.total;
    let more = total - waiting.lines.len() as i64;
    view! {
        <section class="card" data-test="waiting-for">
            <h2>{t!(i18n, notify.waiting_title)}</h2>
            <p>{t!(i18n, notify.waiting_intro, count = total)}</p>
            <ul class="notifications">
                {waiting.lines.into_iter().map(|line| {
                    let words = line.event.as_ref().map(|event| words(locale, event));
                    let (subject, body) = words.map(|w| (w.subject, w.body)).unwrap_or_default();
                    view! {
                        <li class="unread" data-test="waiting-line">
                            <strong>{subject}</strong>
                            <br />{body}
                            <br /><small>{moment_text(i18n, line.at)}</small>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(more > 0).then(|| view! { <p class="note">{t!(i18n, notify.waiting_more, count = more)}</p> })}
        </section>
    }
    .into_any()
}
