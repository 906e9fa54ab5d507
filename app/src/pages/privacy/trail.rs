//! The audit trail for admins: who did what, to which record, when. A plain GET form narrows
//! it (who, what, which record, which days); the list goes from the newest entry back, a page
//! at a time; the same filters download as CSV. Works without a script.

use crate::components::activity::action_text;
use crate::components::page_data::page_data;
use crate::domain::privacy::trail::{TrailForm, SUBJECT_KINDS};
use crate::domain::shared::audit::AuditAction;
use crate::domain::shared::problem::Field;
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::accounts::dashboards::role_name;
use crate::pages::privacy::labels::kind_words;
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::pages::shared::labels::moment_text;
use crate::pages::shared::url_query;
use crate::server_fns::privacy::audit_trail;
use crate::wire::privacy::{Trail, TrailEntry};
use crate::wire::shared::iso;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

const PAGE: &str = "/admin/audit";

/// `path` with `form`'s filters, from entry `before` back (the newest when `None`).
fn link_to(path: &str, form: &TrailForm, before: Option<i64>) -> String {
    let pairs = form
        .pairs()
        .chain(before.map(|id| ("before", id.to_string())));
    match url_query(pairs) {
        query if query.is_empty() => path.to_owned(),
        query => format!("{path}?{query}"),
    }
}

/// This page with `form`'s filters, from entry `before` back.
fn link(form: &TrailForm, before: Option<i64>) -> String {
    link_to(PAGE, form, before)
}

#[component]
pub fn AuditTrailPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let form = move || {
        params.with(|q| {
            let get = |k: &str| q.get(k).unwrap_or_default();
            TrailForm {
                actor: get("actor"),
                action: get("action"),
                kind: get("kind"),
                subject: get("subject"),
                from: get("from"),
                to: get("to"),
                before: get("before"),
            }
        })
    };
    let asked = untrack(form);
    let trail = page_data(form, |f| {
        audit_trail(f.actor, f.action, f.kind, f.subject, f.from, f.to, f.before)
    });
    view! {
        <Title text=move || t_string!(i18n, privacy.title).to_string() />
        <h1>{t!(i18n, privacy.title)}</h1>
        <p class="lead">{t!(i18n, privacy.lead)}</p>
        <Suspense fallback=|| ()>
            {move || {
                let asked = asked.clone();
                Suspend::new(async move {
                    match trail.await {
                        Ok(trail) => view! {
                            <Filters form=asked.clone() error=None />
                            <Entries form=asked trail />
                        }.into_any(),
                        Err(error) => view! {
                            <FormProblems error=Signal::derive({
                                let error = error.clone();
                                move || Some(error.clone())
                            }) />
                            <Filters form=asked error=Some(error) />
                        }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The filters, as typed (so a mistake can be corrected in place).
#[component]
fn Filters(form: TrailForm, error: Option<AppError>) -> impl IntoView {
    let i18n = use_i18n();
    let error = Signal::derive(move || error.clone());
    let locale = i18n.get_locale_untracked();
    let actions = AuditAction::ALL
        .into_iter()
        .map(|action| {
            let code = action.as_str();
            view! { <option value=code selected=code == form.action>{action_text(i18n, action)}</option> }
        })
        .collect_view();
    let kinds = SUBJECT_KINDS
        .into_iter()
        .map(|kind| view! { <option value=kind selected=kind == form.kind>{kind_words(locale, kind)}</option> })
        .collect_view();
    view! {
        <form method="get" action=PAGE class="form card" role="search" data-test="trail-filters">
            <div class="field">
                <label for="actor">{t!(i18n, privacy.actor)}</label>
                <input id="actor" name="actor" type="search" maxlength="200" value=form.actor.clone()
                    aria-describedby="actor-hint actor-problems" />
                <p class="note" id="actor-hint">{t!(i18n, privacy.actor_hint)}</p>
                <FieldProblems error field=Field::Actor id="actor-problems" />
            </div>
            <div class="field">
                <label for="action">{t!(i18n, privacy.action)}</label>
                <select id="action" name="action" aria-describedby="action-problems">
                    <option value="">{t!(i18n, privacy.any)}</option>
                    {actions}
                </select>
                <FieldProblems error field=Field::Action id="action-problems" />
            </div>
            <div class="field">
                <label for="kind">{t!(i18n, privacy.kind)}</label>
                <select id="kind" name="kind" aria-describedby="kind-problems">
                    <option value="">{t!(i18n, privacy.any)}</option>
                    {kinds}
                </select>
                <FieldProblems error field=Field::SubjectKind id="kind-problems" />
            </div>
            <div class="field">
                <label for="subject">{t!(i18n, privacy.subject)}</label>
                <input id="subject" name="subject" inputmode="numeric" maxlength="19" size="8"
                    value=form.subject.clone() aria-describedby="subject-problems" />
                <FieldProblems error field=Field::Subject id="subject-problems" />
            </div>
            <div class="field">
                <label for="from">{t!(i18n, privacy.from)}</label>
                <input id="from" name="from" type="date" value=form.from.clone()
                    aria-describedby="from-problems" />
                <FieldProblems error field=Field::PeriodFrom id="from-problems" />
            </div>
            <div class="field">
                <label for="to">{t!(i18n, privacy.to)}</label>
                <input id="to" name="to" type="date" value=form.to.clone()
                    aria-describedby="to-problems" />
                <FieldProblems error field=Field::PeriodTo id="to-problems" />
            </div>
            <button type="submit" data-test="show">{t!(i18n, privacy.show)}</button>
            " "
            <a href=PAGE>{t!(i18n, privacy.clear)}</a>
        </form>
    }
}

/// The page of entries, its count, the CSV link and the way to older entries.
#[component]
fn Entries(form: TrailForm, trail: Trail) -> impl IntoView {
    let i18n = use_i18n();
    let total = trail.total;
    let csv = link_to(crate::domain::accounts::access::TRAIL_CSV, &form, None);
    let older = trail.older.map(|id| link(&form, Some(id)));
    let newest = (!form.before.trim().is_empty()).then(|| link(&form, None));
    if trail.entries.is_empty() {
        return view! { <p class="empty" data-test="trail-empty">{t!(i18n, privacy.empty)}</p> }
            .into_any();
    }
    let rows = trail
        .entries
        .into_iter()
        .map(|entry| view! { <Row entry /> })
        .collect_view();
    view! {
        <section class="card" data-test="trail">
            <p data-test="total">{t!(i18n, privacy.total, count = total)}</p>
            <p><a href=csv download="" data-test="csv">{t!(i18n, privacy.download)}</a></p>
            <div class="table-scroll">
                <table>
                    <thead><tr>
                        <th scope="col">{t!(i18n, privacy.when)}</th>
                        <th scope="col">{t!(i18n, privacy.who)}</th>
                        <th scope="col">{t!(i18n, privacy.action)}</th>
                        <th scope="col">{t!(i18n, privacy.record)}</th>
                        <th scope="col">{t!(i18n, privacy.details)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <nav class="pager" aria-label=move || t_string!(i18n, privacy.pages).to_string()>
                {newest.map(|href| view! { <a href=href data-test="newest">{t!(i18n, privacy.newest)}</a> })}
                " "
                {older.map(|href| view! { <a href=href rel="next" data-test="older">{t!(i18n, privacy.older)}</a> })}
            </nav>
        </section>
    }
    .into_any()
}

/// One entry; the actor and the record link to everything else about them.
#[component]
fn Row(entry: TrailEntry) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let action = entry
        .action
        .map(|action| action_text(i18n, action))
        .unwrap_or_else(|| entry.code.clone());
    let who = match entry.actor {
        Some(actor) => {
            let href = link(
                &TrailForm {
                    actor: actor.email.clone(),
                    ..TrailForm::default()
                },
                None,
            );
            let role = actor
                .role
                .map(|role| role_name(i18n, role))
                .unwrap_or_default();
            view! {
                <a href=href data-test="actor">{actor.name.unwrap_or_else(|| actor.email.clone())}</a>
                <br/><small><bdi dir="ltr">{actor.email}</bdi> " · " {role}</small>
            }
            .into_any()
        }
        None => t_string!(i18n, admin.system).to_string().into_any(),
    };
    let record = entry.kind.map(|kind| {
        let subject = entry.subject;
        let text = match subject {
            Some(id) => format!("{} #{id}", kind_words(locale, &kind)),
            None => kind_words(locale, &kind),
        };
        let href = link(
            &TrailForm {
                kind,
                subject: subject.map(|id| id.to_string()).unwrap_or_default(),
                ..TrailForm::default()
            },
            None,
        );
        view! { <a href=href data-test="record">{text}</a> }
    });
    let details = (entry.details != "{}").then(|| view! { <code dir="ltr">{entry.details}</code> });
    view! {
        <tr data-test="entry" data-action=entry.code>
            <td><time datetime=iso(entry.at)>{moment_text(i18n, entry.at)}</time></td>
            <td>{who}</td>
            <td>{action}</td>
            <td>{record}</td>
            <td>{details}</td>
        </tr>
    }
}
