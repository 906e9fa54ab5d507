//! The training catalogue for admins: filter, open one to edit, import, export.

use crate::components::page_data::page_data;
use crate::domain::catalogue::Training;
use crate::domain::profile::Programme;
use crate::domain::shared::reference::{City, Sector};
use crate::i18n::*;
use crate::pages::catalogue::{labels::lang_of, labels::programme_label};
use crate::pages::problem::FormProblems;
use crate::pages::sector_name;
use crate::server_fns::catalogue::list_trainings;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn TrainingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let param = move |name: &str| query.with(|q| q.get(name).unwrap_or_default());
    let rows = page_data(
        move || {
            (
                param("city"),
                param("sector"),
                param("programme"),
                param("q"),
            )
        },
        |(city, sector, programme, q)| list_trainings(city, sector, programme, q),
    );
    let saved = move || query.with(|q| q.get("done").is_some());
    view! {
        <Title text=move || t_string!(i18n, catalogue.trainings_title).to_string() />
        <h1>{t!(i18n, catalogue.trainings_title)}</h1>
        <Show when=saved>
            <p class="notice" role="status" data-test="done">{t!(i18n, catalogue.saved)}</p>
        </Show>
        <p class="actions">
            <a class="button" href="/admin/trainings/edit" rel="external">{t!(i18n, catalogue.new_training)}</a>
            " "
            <a class="button" href="/admin/trainings/import" rel="external">{t!(i18n, catalogue.import_title)}</a>
            " "
            <a class="button" href="/admin/trainings/export.csv" rel="external" download="trainings.csv">{t!(i18n, catalogue.export_csv)}</a>
        </p>
        <FilterForm city=param("city") sector=param("sector") programme=param("programme") q=param("q") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match rows.await {
                    Ok(rows) => view! { <TrainingTable rows /> }.into_any(),
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A plain GET form: the filters live in the address, so they work without JavaScript.
#[component]
fn FilterForm(city: String, sector: String, programme: String, q: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = lang_of(i18n);
    let any = move || t_string!(i18n, catalogue.any).to_string();
    view! {
        <form method="get" action="/admin/trainings" class="form filters card">
            <div class="field">
                <label for="filter-q">{t!(i18n, catalogue.search)}</label>
                <input id="filter-q" name="q" type="search" maxlength=100 value=q />
            </div>
            <div class="field">
                <label for="filter-city">{t!(i18n, catalogue.city)}</label>
                <select id="filter-city" name="city">
                    <option value="">{any}</option>
                    {City::all().map(|c| view! {
                        <option value=c.code() selected=c.code() == city>{c.label(lang)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-sector">{t!(i18n, catalogue.sector)}</label>
                <select id="filter-sector" name="sector">
                    <option value="">{any}</option>
                    {Sector::ALL.into_iter().map(|s| view! {
                        <option value=s.code() selected=s.code() == sector>{sector_name(i18n, s)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-programme">{t!(i18n, catalogue.programme)}</label>
                <select id="filter-programme" name="programme">
                    <option value="">{any}</option>
                    {Programme::ALL.into_iter().map(|p| view! {
                        <option value=p.code() selected=p.code() == programme>{programme_label(i18n, p)}</option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button">{t!(i18n, catalogue.filter)}</button>
        </form>
    }
}

#[component]
fn TrainingTable(rows: Vec<(i64, Training)>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = lang_of(i18n);
    if rows.is_empty() {
        return view! { <p data-test="no-trainings">{t!(i18n, catalogue.no_trainings)}</p> }
            .into_any();
    }
    let body = rows
        .into_iter()
        .map(|(id, t)| {
            view! {
                <tr data-test=format!("training-{}", t.reference)>
                    <td dir="ltr">{t.reference.clone()}</td>
                    <td>{t.title.clone()}</td>
                    <td>{programme_label(i18n, t.programme)}</td>
                    <td>{sector_name(i18n, t.sector)}</td>
                    <td>{t.city.label(lang)}</td>
                    <td dir="ltr">{format!("{} → {}", t.starts_on, t.ends_on)}</td>
                    <td>{t.seats}</td>
                    <td><a href=format!("/admin/trainings/edit?id={id}") rel="external">{t!(i18n, catalogue.edit)}</a></td>
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
                        <th scope="col">{t!(i18n, catalogue.programme)}</th>
                        <th scope="col">{t!(i18n, catalogue.sector)}</th>
                        <th scope="col">{t!(i18n, catalogue.city)}</th>
                        <th scope="col">{t!(i18n, catalogue.dates)}</th>
                        <th scope="col">{t!(i18n, catalogue.seats)}</th>
                        <th scope="col"><span class="visually-hidden">{t!(i18n, catalogue.edit)}</span></th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}
