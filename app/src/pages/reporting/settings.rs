//! `/reporting/settings`: the programme's name on reports, the small-cell threshold and the
//! targets (admins). A plain form; after saving, the page shows the saved values and says so.

use crate::components::form::{invalid, last_error, LastError};
use crate::components::page_data::page_data;
use crate::domain::reporting::settings::{SMALL_CELL_MAX, SMALL_CELL_MIN};
use crate::domain::reporting::Indicator;
use crate::domain::shared::problem::{Field, Snippet};
use crate::i18n::*;
use crate::pages::problem::{problem_text, FieldProblems, FormProblems};
use crate::pages::reporting::labels::indicator_words;
use crate::server_fns::reporting::{report_settings, SaveReportSettings};
use crate::wire::reporting::ReportSettings;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ReportSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveReportSettings>::new();
    let loaded = page_data(|| (), |_| report_settings());
    let saved = use_query_map().with_untracked(|q| q.get("saved")).is_some();
    let error = last_error(save);
    view! {
        <Title text=move || t_string!(i18n, reporting.settings_title).to_string() />
        <p><a href="/reporting">{t!(i18n, reporting.back)}</a></p>
        <h1>{t!(i18n, reporting.settings_title)}</h1>
        <p class="lead">{t!(i18n, reporting.settings_lead)}</p>
        {saved.then(|| view! { <p class="notice" role="status" data-test="saved">{t!(i18n, reporting.saved)}</p> })}
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(settings) => view! { <SettingsForm settings save error /> }.into_any(),
                    Err(error) => view! { <FormProblems error=Signal::derive(move || Some(error.clone())) /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SettingsForm(
    settings: ReportSettings,
    save: ServerAction<SaveReportSettings>,
    error: LastError,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let targets = Indicator::ALL
        .into_iter()
        .map(|indicator| {
            let code = indicator.code();
            let id = format!("target-{code}");
            let problems_id = format!("target-{code}-problems");
            let value = settings
                .targets
                .iter()
                .find(|(i, _)| *i == indicator)
                .map(|(_, t)| t.to_string())
                .unwrap_or_default();
            let field = Field::Target(Snippet::new(code));
            view! {
                <div class="field">
                    <label for=id.clone()>{indicator_words(locale, indicator)}</label>
                    <input id=id name=format!("targets[{code}]") inputmode="numeric" size="8" maxlength="8"
                        value=value aria-invalid=invalid(error, field) aria-describedby=problems_id.clone() />
                    <div class="field-problems" id=problems_id>{move || {
                        error
                            .get()
                            .map(|e| e.problems_for(field))
                            .unwrap_or_default()
                            .into_iter()
                            .map(|p| view! { <p>{problem_text(i18n, p)}</p> })
                            .collect_view()
                    }}</div>
                </div>
            }
        })
        .collect_view();
    view! {
        <ActionForm action=save attr:class="form card" attr:novalidate=true>
            <FormProblems error />
            <input type="hidden" name="version" value=settings.version />
            <div class="field">
                <label for="programme-name">{t!(i18n, reporting.name)}</label>
                <input id="programme-name" name="name" maxlength="120" value=settings.name.clone()
                    aria-invalid=invalid(error, Field::ProgrammeName) aria-describedby="name-problems" />
                <FieldProblems error field=Field::ProgrammeName id="name-problems" />
            </div>
            <div class="field">
                <label for="small-cell">{t!(i18n, reporting.small_cell)}</label>
                <input id="small-cell" name="small_cell" type="number" min=SMALL_CELL_MIN max=SMALL_CELL_MAX
                    value=settings.small_cell aria-invalid=invalid(error, Field::SmallCell)
                    aria-describedby="small-cell-hint small-cell-problems" />
                <p class="note" id="small-cell-hint">{t!(i18n, reporting.small_cell_help)}</p>
                <FieldProblems error field=Field::SmallCell id="small-cell-problems" />
            </div>
            <fieldset>
                <legend>{t!(i18n, reporting.targets)}</legend>
                <p class="note">{t!(i18n, reporting.targets_help)}</p>
                {targets}
            </fieldset>
            <button type="submit" data-test="save-settings">{t!(i18n, reporting.save)}</button>
        </ActionForm>
    }
}
