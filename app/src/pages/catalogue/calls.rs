//! The grant calls for admins: amounts, dates, review terms; export as CSV.

use crate::components::page_data::page_data;
use crate::i18n::*;
use crate::pages::catalogue::{labels::criterion_label, labels::lang_of, labels::release_label};
use crate::pages::problem::FormProblems;
use crate::pages::shared::labels::money_text;
use crate::server_fns::catalogue::list_calls;
use crate::wire::catalogue::CallAdmin;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CallsPage() -> impl IntoView {
    let i18n = use_i18n();
    let calls = page_data(|| (), |_| list_calls());
    let query = use_query_map();
    let saved = move || query.with(|q| q.get("done").is_some());
    view! {
        <Title text=move || t_string!(i18n, catalogue.calls_title).to_string() />
        <h1>{t!(i18n, catalogue.calls_title)}</h1>
        <Show when=saved>
            <p class="notice" role="status" data-test="done">{t!(i18n, catalogue.call_saved)}</p>
        </Show>
        <p class="actions">
            <a class="button" href="/admin/calls/edit" rel="external">{t!(i18n, catalogue.new_call)}</a>
            " "
            <a class="button" href="/admin/calls/export.csv" rel="external" download="grant-calls.csv">{t!(i18n, catalogue.export_csv)}</a>
        </p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match calls.await {
                    Ok(calls) => view! { <CallTable calls /> }.into_any(),
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CallTable(calls: Vec<CallAdmin>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = lang_of(i18n);
    if calls.is_empty() {
        return view! { <p>{t!(i18n, catalogue.no_calls)}</p> }.into_any();
    }
    let yes_no = move |b: bool| {
        if b {
            t_string!(i18n, catalogue.yes).to_string()
        } else {
            t_string!(i18n, catalogue.no).to_string()
        }
    };
    let rows = calls
        .into_iter()
        .map(|CallAdmin { id, call, terms }| {
            let cities = call.cities.iter().map(|c| c.label(lang)).collect::<Vec<_>>().join(", ");
            let rubric = terms
                .rubric
                .weights()
                .iter()
                .map(|w| format!("{} {}", criterion_label(i18n, w.criterion), w.weight))
                .collect::<Vec<_>>()
                .join(" · ");
            let tranches = terms
                .tranches
                .tranches()
                .iter()
                .map(|t| format!("{} % {}", t.percent, release_label(i18n, t.release)))
                .collect::<Vec<_>>()
                .join(" · ");
            view! {
                <tr data-test=format!("call-{}", call.reference)>
                    <td dir="ltr">{call.reference.clone()}</td>
                    <td>{call.title.clone()}</td>
                    <td><bdi>{money_text(i18n, call.envelope)}</bdi></td>
                    <td><bdi>{money_text(i18n, call.max_grant)}</bdi></td>
                    <td>{format!("{} %", call.own_contribution_percent)}</td>
                    <td>{cities}</td>
                    <td dir="ltr">{format!("{} → {}", call.opens_on, call.closes_on)}</td>
                    <td>{rubric}</td>
                    <td>{tranches}</td>
                    <td>{terms.quorum}</td>
                    <td>{yes_no(terms.blind_review)}</td>
                    <td><a href=format!("/admin/calls/edit?id={id}") rel="external">{t!(i18n, catalogue.edit)}</a>
                        " · " <a href=format!("/admin/committee?call={id}") data-test="committee-link">{t!(i18n, committee.desk_link)}</a></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, catalogue.reference)}</th>
                        <th scope="col">{t!(i18n, catalogue.title)}</th>
                        <th scope="col">{t!(i18n, catalogue.envelope)}</th>
                        <th scope="col">{t!(i18n, catalogue.max_grant)}</th>
                        <th scope="col">{t!(i18n, catalogue.own_contribution)}</th>
                        <th scope="col">{t!(i18n, catalogue.city)}</th>
                        <th scope="col">{t!(i18n, catalogue.dates)}</th>
                        <th scope="col">{t!(i18n, catalogue.rubric)}</th>
                        <th scope="col">{t!(i18n, catalogue.tranches)}</th>
                        <th scope="col">{t!(i18n, catalogue.quorum)}</th>
                        <th scope="col">{t!(i18n, catalogue.blind_review)}</th>
                        <th scope="col"><span class="visually-hidden">{t!(i18n, catalogue.edit)}</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
