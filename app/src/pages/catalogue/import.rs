//! Import trainings from a CSV file: a plain multipart form (no JavaScript needed), then the
//! import's status on the same page, which reloads itself every two seconds until it is done.

use crate::components::page_data::page_data;
use crate::domain::catalogue::training_csv::{ImportProblem, COLUMNS};
use crate::i18n::*;
use crate::pages::problem::{problem_text, FormProblems};
use crate::server_fns::catalogue::import_status;
use crate::wire::catalogue::{ImportStatus, ImportView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let job = move || query.with(|q| q.get("job").and_then(|id| id.parse::<i64>().ok()));
    let status = page_data(job, |job| async move {
        match job {
            Some(id) => import_status(id).await.map(Some),
            None => Ok(None),
        }
    });
    view! {
        <Title text=move || t_string!(i18n, catalogue.import_title).to_string() />
        <p><a href="/admin/trainings" rel="external">{t!(i18n, catalogue.trainings_title)}</a></p>
        <h1>{t!(i18n, catalogue.import_title)}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match status.await {
                    Ok(Some(import)) => view! { <Status import /> }.into_any(),
                    Ok(None) => ().into_any(),
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
        <section class="card">
            <p>{t!(i18n, catalogue.import_lead)}</p>
            <form method="post" action="/admin/trainings/import" enctype="multipart/form-data" class="form">
                <div class="field">
                    <label for="file">{t!(i18n, catalogue.file)}</label>
                    <input id="file" name="file" type="file" accept=".csv,text/csv" required />
                </div>
                <button type="submit" class="button" data-test="import">{t!(i18n, catalogue.import_submit)}</button>
            </form>
        </section>
        <section class="card">
            <h2>{t!(i18n, catalogue.columns_title)}</h2>
            <p dir="ltr"><code>{COLUMNS.join(",")}</code></p>
            <p class="hint">{t!(i18n, catalogue.columns_note)}</p>
            <p><a href="/admin/trainings/export.csv" rel="external" download="trainings.csv">{t!(i18n, catalogue.export_csv)}</a></p>
        </section>
    }
}

fn problem_line(i18n: leptos_i18n::I18nContext<Locale>, p: &ImportProblem) -> String {
    let place = match (&p.column, p.row) {
        (_, 0) => String::new(),
        (Some(column), row) => {
            t_string!(i18n, catalogue.at_row_column, row, column = column.clone()).to_string()
        }
        (None, row) => t_string!(i18n, catalogue.at_row, row).to_string(),
    };
    format!("{place}{}", problem_text(i18n, p.problem))
}

#[component]
fn Status(import: ImportView) -> impl IntoView {
    let i18n = use_i18n();
    let (total, processed) = (import.total_rows, import.processed_rows);
    let (inserted, updated) = (import.inserted, import.updated);
    let message = match import.status {
        ImportStatus::Validating => {
            t_string!(i18n, catalogue.status_validating, processed, total).to_string()
        }
        ImportStatus::Writing => t_string!(i18n, catalogue.status_writing, total).to_string(),
        ImportStatus::Done => t_string!(i18n, catalogue.status_done, inserted, updated).to_string(),
        ImportStatus::Rejected => t_string!(i18n, catalogue.status_rejected).to_string(),
        ImportStatus::Failed => t_string!(i18n, catalogue.status_failed).to_string(),
    };
    let running = import.status.is_running();
    let report = import
        .report
        .iter()
        .map(|p| view! { <li>{problem_line(i18n, p)}</li> })
        .collect_view();
    view! {
        // Reloads the page (no JavaScript needed) until the import is over.
        {running.then(|| view! { <meta http-equiv="refresh" content="2" /> })}
        <section class="card" data-test="import-status" data-status=import.status.code()>
            <p dir="auto">{t_string!(i18n, catalogue.file_name, name = import.file_name.clone()).to_string()}</p>
            <p role="status">{message}</p>
            {running.then(|| view! { <progress max=total value=processed></progress> })}
            <ul class="import-report" data-test="import-report">{report}</ul>
        </section>
    }
}
