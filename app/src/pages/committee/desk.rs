//! `/admin/committee?call=N`: a call's committee (members, the chair), its review sessions with
//! their agenda, and the plans signed off for the committee, to put on an agenda.

use crate::components::form::{invalid, last_error};
use crate::components::page_data::page_data;
use crate::domain::shared::problem::Field;
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::plans::labels::plan_status_name;
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::pages::shared::labels::date_text;
use crate::pages::shared::labels::money_text;
use crate::pages::shared::not_found::NotFound;
use crate::server_fns::committee::{
    committee_desk, AddCommitteeMember, CreateReviewSession, PutOnAgenda, RemoveCommitteeMember,
    SetCommitteeChair,
};
use crate::wire::committee::{CommitteeDesk, MemberLine, ReadyPlan, SessionView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Every form on the page, so each list reloads after any of them (with JavaScript on).
#[derive(Clone, Copy)]
struct Actions {
    add: ServerAction<AddCommitteeMember>,
    remove: ServerAction<RemoveCommitteeMember>,
    chair: ServerAction<SetCommitteeChair>,
    session: ServerAction<CreateReviewSession>,
    agenda: ServerAction<PutOnAgenda>,
}

#[component]
pub fn CommitteeDeskPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let call = move || query.with(|q| q.get("call").unwrap_or_default());
    let actions = Actions {
        add: ServerAction::new(),
        remove: ServerAction::new(),
        chair: ServerAction::new(),
        session: ServerAction::new(),
        agenda: ServerAction::new(),
    };
    let desk = page_data(call, committee_desk);
    let done = move || {
        query.with(|q| q.get("done")).map(|_| {
            view! { <p class="notice" role="status" data-test="done">{t!(i18n, committee.done)}</p> }
        })
    };
    view! {
        <Title text=move || t_string!(i18n, committee.desk_title).to_string() />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match desk.await {
                    Ok(desk) => view! {
                        <h1>{t!(i18n, committee.desk_title)}</h1>
                        {done}
                        <Desk desk actions />
                    }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Desk(desk: CommitteeDesk, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let call = desk.call_id;
    let blind = if desk.blind_review {
        t_string!(i18n, committee.blind_yes).to_string()
    } else {
        t_string!(i18n, committee.blind_no).to_string()
    };
    let sessions = desk
        .sessions
        .iter()
        .map(|s| view! { <Session session=s.clone() ready=desk.ready.clone() actions /> })
        .collect_view();
    view! {
        <p class="lead">{desk.title.clone()} " · " <bdi>{desk.reference.clone()}</bdi></p>
        <p class="note">{t_string!(i18n, committee.quorum_of, need = desk.quorum).to_string()} " · " {blind}</p>
        <p><a href="/admin/calls">{t!(i18n, committee.back_calls)}</a></p>
        <Members call members=desk.members.clone() actions />
        <section class="card">
            <h2>{t!(i18n, committee.sessions_title)}</h2>
            {sessions}
            <NewSession call actions />
        </section>
    }
}

#[component]
fn Members(call: i64, members: Vec<MemberLine>, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let add_error = last_error(actions.add);
    let rows = members
        .into_iter()
        .map(|m| {
            let seat_form = move |seat: &'static str| {
                let label = if seat == "deputy" {
                    t_string!(i18n, committee.make_deputy).to_string()
                } else {
                    t_string!(i18n, committee.make_chair).to_string()
                };
                view! {
                    <ActionForm action=actions.chair attr:class="inline-form">
                        <input type="hidden" name="call" value=call />
                        <input type="hidden" name="member" value=m.user_id />
                        <input type="hidden" name="seat" value=seat />
                        <button type="submit" class="link-button" data-test=format!("make-{seat}")>{label}</button>
                    </ActionForm>
                }
            };
            let chair = match (m.chair, m.deputy) {
                (true, _) => view! { <strong data-test="chair">{t!(i18n, committee.chair)}</strong> }.into_any(),
                (_, true) => view! {
                    <strong data-test="deputy">{t!(i18n, committee.deputy)}</strong>
                    " · " {seat_form("chair")}
                }
                .into_any(),
                _ => view! { {seat_form("chair")} " · " {seat_form("deputy")} }.into_any(),
            };
            view! {
                <tr data-test="member" data-member=m.user_id>
                    <td>{m.name.clone()}</td>
                    <td dir="ltr">{m.email.clone()}</td>
                    <td>{chair}</td>
                    <td>
                        <ActionForm action=actions.remove attr:class="inline-form">
                            <input type="hidden" name="call" value=call />
                            <input type="hidden" name="member" value=m.user_id />
                            <button type="submit" class="link-button" data-test="remove-member">{t!(i18n, committee.remove)}</button>
                        </ActionForm>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card" data-test="members">
            <h2>{t!(i18n, committee.members_title)}</h2>
            <FormProblems error=last_error(actions.chair) />
            <FormProblems error=last_error(actions.remove) />
            <div class="table-scroll"><table class="table">
                <thead><tr>
                    <th scope="col">{t!(i18n, committee.name)}</th>
                    <th scope="col">{t!(i18n, committee.email)}</th>
                    <th scope="col">{t!(i18n, committee.chair)}</th>
                    <th scope="col"><span class="visually-hidden">{t!(i18n, committee.remove)}</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
            <h3>{t!(i18n, committee.add_member)}</h3>
            <ActionForm action=actions.add>
                <input type="hidden" name="call" value=call />
                <div class="field">
                    <label for="member-email">{t!(i18n, committee.email)}</label>
                    <input id="member-email" name="email" type="email" dir="ltr" required
                        aria-invalid=invalid(add_error, Field::Email) aria-describedby="member-email-problems" />
                    <FieldProblems error=add_error field=Field::Email id="member-email-problems" />
                </div>
                <button type="submit" data-test="add-member">{t!(i18n, committee.add_member)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn Session(session: SessionView, ready: Vec<ReadyPlan>, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let rows = session
        .agenda
        .iter()
        .map(|p| {
            view! {
                <tr data-test="agenda-plan" data-plan=p.plan_id>
                    <td><a href=format!("/plans/plan?id={}", p.plan_id)>{t_string!(i18n, committee.plan_number, id = p.plan_id).to_string()}</a></td>
                    <td>{p.applicant.clone()}</td>
                    <td>{plan_status_name(i18n, p.status)}</td>
                    <td>{p.round}</td>
                    <td>{p.sheets}</td>
                </tr>
            }
        })
        .collect_view();
    let add = (!ready.is_empty()).then(|| {
        let options = ready
            .iter()
            .map(|p| {
                view! {
                    <option value=p.plan_id>
                        {t_string!(i18n, committee.plan_number, id = p.plan_id).to_string()} " · " {p.applicant.clone()}
                        " · " {money_text(i18n, p.requested)}
                    </option>
                }
            })
            .collect_view();
        let select_id = format!("agenda-plan-{}", session.id);
        view! {
            <ActionForm action=actions.agenda attr:class="inline-form">
                <input type="hidden" name="session" value=session.id />
                <label for=select_id.clone()>{t!(i18n, committee.add_to_agenda)}</label>
                " " <select id=select_id name="plan">{options}</select>
                " " <button type="submit" data-test="put-on-agenda">{t!(i18n, committee.add_to_agenda_submit)}</button>
            </ActionForm>
        }
    });
    view! {
        <article data-test="session" data-session=session.id>
            <h3><bdi>{date_text(i18n, session.held_on)}</bdi> " · " {session.place.clone()}</h3>
            <FormProblems error=last_error(actions.agenda) />
            <div class="table-scroll"><table class="table">
                <thead><tr>
                    <th scope="col">{t!(i18n, committee.plan)}</th>
                    <th scope="col">{t!(i18n, committee.applicant)}</th>
                    <th scope="col">{t!(i18n, committee.status)}</th>
                    <th scope="col">{t!(i18n, committee.round)}</th>
                    <th scope="col">{t!(i18n, committee.sheets)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
            {add}
        </article>
    }
}

#[component]
fn NewSession(call: i64, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(actions.session);
    view! {
        <h3>{t!(i18n, committee.new_session)}</h3>
        <ActionForm action=actions.session>
            <input type="hidden" name="call" value=call />
            <div class="field">
                <label for="session-date">{t!(i18n, committee.held_on)}</label>
                <input id="session-date" name="held_on" type="date" required dir="ltr"
                    aria-invalid=invalid(error, Field::HeldOn) aria-describedby="session-date-problems" />
                <FieldProblems error field=Field::HeldOn id="session-date-problems" />
            </div>
            <div class="field">
                <label for="session-place">{t!(i18n, committee.place)}</label>
                <input id="session-place" name="place" type="text" maxlength="120"
                    aria-invalid=invalid(error, Field::Place) aria-describedby="session-place-problems" />
                <FieldProblems error field=Field::Place id="session-place-problems" />
            </div>
            <button type="submit" data-test="create-session">{t!(i18n, committee.create_session)}</button>
        </ActionForm>
    }
}
