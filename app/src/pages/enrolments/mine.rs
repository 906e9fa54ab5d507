//! "My trainings": the applicant's seat requests and enrolments, where each stands, and a way
//! to give a seat up.

use crate::components::form::last_error;
use crate::i18n::*;
use crate::pages::enrolments::labels::status_name;
use crate::pages::problem::FormProblems;
use crate::pages::shared::labels::date_text;
use crate::server_fns::enrolments::{my_enrolments, WithdrawSeat};
use crate::wire::enrolments::EnrolmentLine;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn EnrolmentsPage() -> impl IntoView {
    let i18n = use_i18n();
    let withdraw = ServerAction::<WithdrawSeat>::new();
    let lines = OnceResource::new(my_enrolments());
    let query = use_query_map();
    let saved = move || query.with(|q| q.get("saved"));
    view! {
        <Title text=move || t_string!(i18n, enrolment.title).to_string() />
        <h1>{t!(i18n, enrolment.title)}</h1>
        {move || saved().map(|saved| {
            let message = if saved == "withdrawn" {
                t_string!(i18n, enrolment.saved_withdrawn).to_string()
            } else {
                t_string!(i18n, enrolment.saved_requested).to_string()
            };
            view! { <p class="notice" role="status" data-test="saved">{message}</p> }
        })}
        <p><A href="/matches">{t!(i18n, enrolment.back_to_offers)}</A></p>
        <FormProblems error=last_error(withdraw) />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match lines.await {
                    Ok(lines) if lines.is_empty() => view! {
                        <p class="empty" data-test="no-enrolments">{t!(i18n, enrolment.none)}</p>
                    }.into_any(),
                    Ok(lines) => lines.into_iter().map(|line| view! {
                        <EnrolmentCard line withdraw />
                    }).collect_view().into_any(),
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EnrolmentCard(line: EnrolmentLine, withdraw: ServerAction<WithdrawSeat>) -> impl IntoView {
    let i18n = use_i18n();
    let can_withdraw = line.can_withdraw;
    let status = status_name(i18n, line.status);
    let dates = t_string!(
        i18n,
        matches.dates,
        start = date_text(i18n, line.starts_on),
        end = date_text(i18n, line.ends_on)
    )
    .to_string();
    let id = line.id;
    view! {
        <article class="card" data-test="enrolment" data-status=line.status.code()>
            <h2>{line.title}</h2>
            <p class="note"><bdi>{line.reference}</bdi> " · " {dates}</p>
            <p>{t!(i18n, enrolment.status)} " " <strong data-test="status">{status}</strong></p>
            <Show when=move || can_withdraw>
                <ActionForm action=withdraw attr:class="inline-form">
                    <input type="hidden" name="enrolment" value=id />
                    <button type="submit" class="link-button" data-test="withdraw">
                        {t!(i18n, enrolment.withdraw)}
                    </button>
                </ActionForm>
            </Show>
        </article>
    }
}
