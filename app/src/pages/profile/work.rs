use crate::components::form::{invalid, last_error};
use crate::domain::profile::work::{EMPLOYER_MAX, JOB_TITLE_MAX, TOWN_MAX, WORK_DESCRIPTION_MAX};
use crate::domain::shared::problem::Field;
use crate::i18n::*;
use crate::pages::problem::{FieldProblems, FormProblems, LastError};
use crate::server_fns::profile::{AddWork, RemoveWork};
use crate::wire::profile::{Choice, JobView};
use leptos::prelude::*;

/// `YYYY-MM` as people write it: `MM/YYYY`.
fn month_text(code: &str) -> String {
    match code.split_once('-') {
        Some((year, month)) => format!("{month}/{year}"),
        None => code.to_owned(),
    }
}

/// Step 5: the work history, one small form to add a job, a button to remove each.
#[component]
pub fn WorkStep(
    add: ServerAction<AddWork>,
    remove: ServerAction<RemoveWork>,
    jobs: Vec<JobView>,
    countries: Vec<Choice>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(add);
    let remove_error = last_error(remove);
    let empty = jobs.is_empty();
    let country_label = {
        let countries = countries.clone();
        move |code: &str| {
            countries
                .iter()
                .find(|c| c.code == code)
                .map_or_else(|| code.to_owned(), |c| c.label.clone())
        }
    };
    view! {
        <section class="card" id="work" data-test="work">
            <h2>{t!(i18n, work.title)}</h2>
            <p class="note">{t!(i18n, work.lead)}</p>
            <FormProblems error=remove_error />
            <Show when=move || empty>
                <p class="empty">{t!(i18n, work.none)}</p>
            </Show>
            <ul class="holdings">
                {jobs
                    .into_iter()
                    .map(|job| {
                        let place = [job.town.clone(), Some(country_label(&job.country))]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(", ");
                        view! { <HeldJob job place remove /> }
                    })
                    .collect_view()}
            </ul>
            <ActionForm action=add attr:class="form" attr:novalidate=true>
                <super::ActingFor />
                <FormProblems error />
                <TextField id="job-title" problems_id="job-title-problems" name="title" field=Field::JobTitle max=JOB_TITLE_MAX error
                    label=move || t_string!(i18n, work.job_title).to_string() />
                <TextField id="employer" problems_id="employer-problems" name="employer" field=Field::Employer max=EMPLOYER_MAX error
                    label=move || t_string!(i18n, work.employer).to_string() />
                <CountrySelect error countries />
                <TextField id="town" problems_id="town-problems" name="town" field=Field::Town max=TOWN_MAX error
                    label=move || t_string!(i18n, work.town).to_string() />
                <MonthField prefix="from" problems_id="from-month-problems" field=Field::WorkFrom error
                    legend=move || t_string!(i18n, work.from).to_string() />
                <MonthField prefix="to" problems_id="to-month-problems" field=Field::WorkTo error
                    legend=move || t_string!(i18n, work.to).to_string() />
                <label class="choice">
                    <input type="checkbox" name="ongoing" value="yes" />
                    {t!(i18n, work.ongoing)}
                </label>
                <div class="field">
                    <label for="work-description">{t!(i18n, work.description)}</label>
                    <textarea id="work-description" name="description" rows="3"
                        maxlength=WORK_DESCRIPTION_MAX
                        aria-invalid=invalid(error, Field::WorkDescription)
                        aria-describedby="work-description-problems"></textarea>
                    <FieldProblems error field=Field::WorkDescription id="work-description-problems" />
                </div>
                <button type="submit" data-test="add-work">{t!(i18n, work.add)}</button>
            </ActionForm>
        </section>
    }
}

/// A job held, with where and when, and a form to remove it.
#[component]
fn HeldJob(job: JobView, place: String, remove: ServerAction<RemoveWork>) -> impl IntoView {
    let i18n = use_i18n();
    let from = month_text(&job.start_month);
    let period = match job.end_month.as_deref().map(month_text) {
        Some(to) => format!("{from} – {to}"),
        None => t_string!(i18n, work.since, from).to_string(),
    };
    view! {
        <li data-test="job">
            <span>
                <strong>{job.title}</strong>
                {job.employer.map(|e| view! { " · " <bdi>{e}</bdi> })}
                " · " <bdi>{place}</bdi> " · " <bdi dir="ltr">{period}</bdi>
                {job.description.map(|d| view! { <br /><span class="note">{d}</span> })}
            </span>
            <ActionForm action=remove attr:class="inline-form">
                <super::ActingFor />
                <input type="hidden" name="id" value=job.id />
                <button type="submit" class="link-button">{t!(i18n, work.remove)}</button>
            </ActionForm>
        </li>
    }
}

/// The country where the job was.
#[component]
fn CountrySelect(error: LastError, countries: Vec<Choice>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for="work-country">{t!(i18n, work.country)}</label>
            <select id="work-country" name="country" aria-invalid=invalid(error, Field::WorkCountry)
                aria-describedby="work-country-problems">
                <option value="">{t!(i18n, profile.choose)}</option>
                {countries.into_iter().map(|c| view! {
                    <option value=c.code>{c.label}</option>
                }).collect_view()}
            </select>
            <FieldProblems error field=Field::WorkCountry id="work-country-problems" />
        </div>
    }
}

/// A labelled one-line text input with its problems under it.
#[component]
fn TextField(
    id: &'static str,
    /// The id of the problems under the input (what `aria-describedby` names).
    problems_id: &'static str,
    name: &'static str,
    field: Field,
    max: usize,
    error: LastError,
    label: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id name=name type="text" maxlength=max aria-invalid=invalid(error, field)
                aria-describedby=problems_id />
            <FieldProblems error field id=problems_id />
        </div>
    }
}

/// A month and a year, in two small fields named `<prefix>_month` and `<prefix>_year`.
#[component]
fn MonthField(
    prefix: &'static str,
    problems_id: &'static str,
    field: Field,
    error: LastError,
    legend: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="field" aria-describedby=problems_id>
            <legend>{legend}</legend>
            <div class="date-parts" dir="ltr">
                <label>{t!(i18n, profile.month)}
                    <input id=format!("{prefix}-month") name=format!("{prefix}_month") inputmode="numeric"
                        maxlength="2" size="2" aria-invalid=invalid(error, field) />
                </label>
                <label>{t!(i18n, profile.year)}
                    <input id=format!("{prefix}-year") name=format!("{prefix}_year") inputmode="numeric"
                        maxlength="4" size="4" aria-invalid=invalid(error, field) />
                </label>
            </div>
            <FieldProblems error field id=problems_id />
        </fieldset>
    }
}
