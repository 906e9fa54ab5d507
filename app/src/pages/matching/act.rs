//! What an applicant can do with an offer open to them: ask for a seat in a training, or start
//! a business plan for a call — and, once done, where it stands.

use crate::domain::catalogue::OfferKind;
use crate::domain::enrolments::enrolment::EnrolmentStatus;
use crate::domain::matching::eligibility::Eligibility;
use crate::i18n::*;
use crate::pages::enrolments::labels::status_name;
use crate::server_fns::enrolments::RequestSeat;
use crate::server_fns::plans::StartPlan;
use crate::wire::matching::OfferMatch;
use leptos::prelude::*;
use leptos_router::components::A;

/// The two actions the match page offers, shared by every card.
#[derive(Clone, Copy)]
pub struct OfferActions {
    pub request: ServerAction<RequestSeat>,
    pub start: ServerAction<StartPlan>,
}

#[component]
pub fn Act(offer: OfferMatch, actions: OfferActions) -> impl IntoView {
    let i18n = use_i18n();
    if offer.eligibility != Eligibility::Eligible {
        return ().into_any();
    }
    let id = offer.id;
    match offer.kind {
        OfferKind::Training => {
            let seats = offer.seats.map(|s| s.left()).unwrap_or(0);
            match offer.enrolment.map(|e| e.status) {
                None | Some(EnrolmentStatus::Withdrawn) if seats > 0 => view! {
                    <ActionForm action=actions.request attr:class="inline-form">
                        <input type="hidden" name="training" value=id />
                        <button type="submit" data-test="request-seat">
                            {t!(i18n, matches.request_seat)}
                        </button>
                        <span class="note">{t!(i18n, matches.seats_left, count = seats)}</span>
                    </ActionForm>
                }
                .into_any(),
                None | Some(EnrolmentStatus::Withdrawn) => view! {
                    <p class="note" data-test="full">{t!(i18n, matches.full)}</p>
                }
                .into_any(),
                Some(status) => view! {
                    <p class="notice" data-test="enrolment-status">
                        {t!(i18n, matches.your_request)} " " <strong>{status_name(i18n, status)}</strong>
                        " · " <A href="/enrolments">{t!(i18n, matches.see_enrolments)}</A>
                    </p>
                }
                .into_any(),
            }
        }
        OfferKind::Call => match offer.plan {
            Some(_) => view! {
                <p class="notice" data-test="plan-started">
                    {t!(i18n, matches.plan_started)} " " <A href="/plans">{t!(i18n, matches.see_plans)}</A>
                </p>
            }
            .into_any(),
            None => view! {
                <ActionForm action=actions.start attr:class="inline-form">
                    <input type="hidden" name="call" value=id />
                    <button type="submit" data-test="start-plan">{t!(i18n, matches.start_plan)}</button>
                </ActionForm>
            }
            .into_any(),
        },
    }
}
