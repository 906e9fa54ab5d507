//! `/admin/monitoring`: how funded businesses stand. Every call with funded plans, counted by
//! the band of each plan's latest sustainability score; choosing a call (a plain GET form)
//! lists its plans, lowest score first, with the trend from the visit before.

use crate::components::page_data::page_data;
use crate::domain::monitoring::score::{FRAGILE_FROM, SUSTAINABLE_FROM};
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::monitoring::labels::score_text;
use crate::pages::problem::FormProblems;
use crate::pages::shared::labels::date_text;
use crate::pages::shared::not_found::NotFound;
use crate::server_fns::monitoring::sustainability;
use crate::wire::monitoring::{CallBands, CallScores, ScoreLine, Sustainability};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SustainabilityPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let args = move || query.with(|q| (q.get("call"), q.get("page")));
    let loaded = page_data(args, |(call, page)| sustainability(call, page));
    view! {
        <Title text=move || t_string!(i18n, sustainability.title).to_string() />
        <h1>{t!(i18n, sustainability.title)}</h1>
        <p class="lead">{t!(i18n, sustainability.lead)}</p>
        <details class="card">
            <summary>{t!(i18n, sustainability.scale_title)}</summary>
            <ul data-test="scale">
                <li>{t!(i18n, sustainability.scale_operating)}</li>
                <li>{t!(i18n, sustainability.scale_revenue)}</li>
                <li>{t!(i18n, sustainability.scale_jobs)}</li>
                <li>{t!(i18n, sustainability.scale_equipment)}</li>
                <li>{t!(i18n, sustainability.scale_problems)}</li>
            </ul>
            <p>{t_string!(i18n, sustainability.scale_bands, fragile = FRAGILE_FROM, sustainable = SUSTAINABLE_FROM).to_string()}</p>
        </details>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(view) => view! { <Body view /> }.into_any(),
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
fn Body(view: Sustainability) -> impl IntoView {
    let i18n = use_i18n();
    if view.calls.is_empty() {
        return view! { <p class="empty" data-test="no-funded">{t!(i18n, sustainability.none_funded)}</p> }
            .into_any();
    }
    let chosen_call = view.chosen.as_ref().map(|c| c.bands.call);
    view! {
        <section class="card">
            <h2>{t!(i18n, sustainability.by_call)}</h2>
            <CallsTable calls=view.calls />
        </section>
        {view.chosen.map(|chosen| view! { <Chosen chosen /> })}
        {chosen_call.is_none().then(|| view! { <p class="hint">{t!(i18n, sustainability.choose_call)}</p> })}
    }
    .into_any()
}

#[component]
fn CallsTable(calls: Vec<CallBands>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = calls
        .into_iter()
        .map(|c| {
            view! {
                <tr data-test="call-bands" data-call=c.call>
                    <td><a href=format!("/admin/monitoring?call={}", c.call)><bdi>{c.title.clone()}</bdi></a>
                        <br /><span class="note"><bdi>{c.reference.clone()}</bdi></span></td>
                    <td class="number" data-test="funded">{c.funded}</td>
                    <td class="number" data-test="at-risk">{c.at_risk}</td>
                    <td class="number" data-test="fragile">{c.fragile}</td>
                    <td class="number" data-test="sustainable">{c.sustainable}</td>
                    <td class="number" data-test="unscored">{c.unscored}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll"><table class="table" data-test="calls">
            <thead><tr>
                <th scope="col">{t!(i18n, sustainability.col_call)}</th>
                <th scope="col">{t!(i18n, sustainability.col_funded)}</th>
                <th scope="col">{t!(i18n, monitoring.band_at_risk)}</th>
                <th scope="col">{t!(i18n, monitoring.band_fragile)}</th>
                <th scope="col">{t!(i18n, monitoring.band_sustainable)}</th>
                <th scope="col">{t!(i18n, sustainability.col_unscored)}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table></div>
    }
}

#[component]
fn Chosen(chosen: CallScores) -> impl IntoView {
    let i18n = use_i18n();
    let call = chosen.bands.call;
    let link = move |page: usize| format!("/admin/monitoring?call={call}&page={page}");
    let previous = (chosen.page > 0).then(|| link(chosen.page));
    let next = (chosen.page + 1 < chosen.pages).then(|| link(chosen.page + 2));
    let (page, pages) = (chosen.page + 1, chosen.pages);
    view! {
        <section class="card" data-test="call-plans">
            <h2><bdi>{chosen.bands.title.clone()}</bdi> " · " <bdi>{chosen.bands.reference.clone()}</bdi></h2>
            <p><a href=format!("/admin/money/call?id={call}")>{t!(i18n, sustainability.money_link)}</a></p>
            <div class="table-scroll"><table class="table">
                <thead><tr>
                    <th scope="col">{t!(i18n, sustainability.col_plan)}</th>
                    <th scope="col">{t!(i18n, sustainability.col_last_visit)}</th>
                    <th scope="col">{t!(i18n, sustainability.col_score)}</th>
                    <th scope="col">{t!(i18n, sustainability.col_previous)}</th>
                </tr></thead>
                <tbody>
                    {chosen.lines.into_iter().map(|line| view! { <PlanRow line /> }).collect_view()}
                </tbody>
            </table></div>
            <nav class="pager" aria-label=move || t_string!(i18n, shortlist.pages).to_string()>
                {previous.map(|href| view! { <a href=href rel="prev">{t!(i18n, shortlist.previous)}</a> })}
                " " {t!(i18n, shortlist.page_of, page = page, pages = pages)} " "
                {next.map(|href| view! { <a href=href rel="next" data-test="next">{t!(i18n, shortlist.next)}</a> })}
            </nav>
        </section>
    }
}

#[component]
fn PlanRow(line: ScoreLine) -> impl IntoView {
    let i18n = use_i18n();
    let score = |score: Option<_>| match score {
        Some(score) => score_text(i18n, score),
        None => t_string!(i18n, monitoring.not_scored).to_string(),
    };
    let last_visit = match line.last_visit {
        Some(day) => t_string!(
            i18n,
            sustainability.visits,
            date = date_text(i18n, day),
            count = line.visits
        )
        .to_string(),
        None => t_string!(i18n, sustainability.no_visit).to_string(),
    };
    let band = line.score.map(|s| s.band().code()).unwrap_or("unscored");
    view! {
        <tr data-test="plan-score" data-plan=line.plan data-band=band>
            <td><a href=format!("/plans/plan?id={}#visits", line.plan) rel="external">{line.applicant.clone()}</a>
                <br /><span class="note">{t_string!(i18n, sustainability.plan_number, id = line.plan).to_string()}</span></td>
            <td>{last_visit}</td>
            <td data-test="score"><strong>{score(line.score)}</strong></td>
            <td data-test="previous">{score(line.previous)}</td>
        </tr>
    }
}
