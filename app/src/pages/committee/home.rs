//! The member's part of the committee home: each call they sit on, its sessions and the plans
//! on each agenda with where the member stands and the round's quorum progress.

use super::labels::{quorum_text, standing_name};
use crate::components::page_data::page_data;
use crate::i18n::*;
use crate::pages::plans::labels::plan_status_name;
use crate::pages::problem::FormProblems;
use crate::pages::shared::labels::date_text;
use crate::server_fns::committee::committee_home;
use crate::wire::committee::{MemberCall, MemberSession};
use leptos::prelude::*;

#[component]
pub fn CommitteeCalls() -> impl IntoView {
    let calls = page_data(|| (), |_| committee_home());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match calls.await {
                    Ok(calls) => view! { <Calls calls /> }.into_any(),
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Calls(calls: Vec<MemberCall>) -> impl IntoView {
    let i18n = use_i18n();
    if calls.is_empty() {
        return view! { <p class="card empty" data-test="no-committee">{t!(i18n, committee.no_calls)}</p> }
            .into_any();
    }
    calls
        .into_iter()
        .map(|call| {
            let chair = call.chair.then(|| {
                view! { " · " <strong data-test="chair">{t!(i18n, committee.chair)}</strong> }
            });
            let sessions = if call.sessions.is_empty() {
                view! { <p class="empty">{t!(i18n, committee.no_sessions)}</p> }.into_any()
            } else {
                call.sessions
                    .into_iter()
                    .map(|session| view! { <Session session /> })
                    .collect_view()
                    .into_any()
            };
            view! {
                <section class="card" data-test="committee-call" data-call=call.call_id>
                    <h2>{call.title.clone()}</h2>
                    <p class="note"><bdi>{call.reference.clone()}</bdi> {chair}</p>
                    {sessions}
                </section>
            }
        })
        .collect_view()
        .into_any()
}

#[component]
fn Session(session: MemberSession) -> impl IntoView {
    let i18n = use_i18n();
    let rows = session
        .agenda
        .into_iter()
        .map(|line| {
            let id = line.plan_id;
            view! {
                <tr data-test="agenda-plan" data-plan=id data-standing=line.standing.code()>
                    <td><a href=format!("/committee/review?plan={id}")>
                        {t_string!(i18n, committee.plan_number, id = id).to_string()}</a></td>
                    <td>{plan_status_name(i18n, line.status)}</td>
                    <td>{line.round}</td>
                    <td data-test="standing">{standing_name(i18n, line.standing)}</td>
                    <td data-test="quorum">{quorum_text(i18n, line.quorum)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3><bdi>{date_text(i18n, session.held_on)}</bdi> " · " {session.place.clone()}</h3>
        <div class="table-scroll"><table class="table">
            <thead><tr>
                <th scope="col">{t!(i18n, committee.plan)}</th>
                <th scope="col">{t!(i18n, committee.status)}</th>
                <th scope="col">{t!(i18n, committee.round)}</th>
                <th scope="col">{t!(i18n, committee.your_part)}</th>
                <th scope="col">{t!(i18n, committee.quorum)}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table></div>
    }
}
