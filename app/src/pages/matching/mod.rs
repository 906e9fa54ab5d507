//! The applicant's offers: open to them (ranked, with why), not yet (with what is missing),
//! and not open to them (with why).

pub mod act;
pub mod explain;
pub mod labels;
pub mod shortlist;

use crate::components::form::last_error;
use crate::domain::catalogue::OfferKind;
use crate::domain::matching::eligibility::{Check, Eligibility};
use crate::domain::shared::locale::Lang;
use crate::i18n::*;
use crate::pages::problem::FormProblems;
use crate::pages::sector_name;
use crate::server_fns::matching::my_matches;
use crate::wire::matching::OfferMatch;
use act::{Act, OfferActions};
use explain::{programme_name, reason_text, remedy_text};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn MatchesPage() -> impl IntoView {
    let i18n = use_i18n();
    let actions = OfferActions {
        request: ServerAction::new(),
        start: ServerAction::new(),
    };
    let request_error = last_error(actions.request);
    let start_error = last_error(actions.start);
    let matches = Resource::new(
        move || {
            (
                i18n.get_locale().as_str(),
                actions.request.version().get(),
                actions.start.version().get(),
            )
        },
        |(lang, ..)| my_matches(lang.to_owned()),
    );
    view! {
        <Title text=move || t_string!(i18n, matches.title).to_string() />
        <h1>{t!(i18n, matches.title)}</h1>
        <p class="lead">{t!(i18n, matches.lead)}</p>
        <p><A href="/profile">{t!(i18n, matches.edit_profile)}</A></p>
        <FormProblems error=request_error />
        <FormProblems error=start_error />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match matches.await {
                    Ok(m) => {
                        let nothing = m.eligible.is_empty() && m.not_yet.is_empty() && m.not_eligible.is_empty();
                        view! {
                            <Show when=move || nothing>
                                <p class="empty" data-test="no-offers">{t!(i18n, matches.nothing)}</p>
                            </Show>
                            <OfferGroup title=move || t_string!(i18n, matches.eligible).to_string()
                                test="eligible" offers=m.eligible actions />
                            <OfferGroup title=move || t_string!(i18n, matches.not_yet).to_string()
                                test="not-yet" offers=m.not_yet actions />
                            <OfferGroup title=move || t_string!(i18n, matches.not_eligible).to_string()
                                test="not-eligible" offers=m.not_eligible actions />
                        }.into_any()
                    }
                    Err(error) => view! {
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OfferGroup(
    title: impl Fn() -> String + Send + Sync + 'static,
    test: &'static str,
    offers: Vec<OfferMatch>,
    actions: OfferActions,
) -> impl IntoView {
    (!offers.is_empty()).then(|| {
        view! {
            <section data-test=test>
                <h2>{title}</h2>
                {offers.into_iter().map(|offer| view! { <OfferCard offer actions /> }).collect_view()}
            </section>
        }
    })
}

#[component]
fn OfferCard(offer: OfferMatch, actions: OfferActions) -> impl IntoView {
    let i18n = use_i18n();
    let lang: Lang = i18n
        .get_locale_untracked()
        .as_str()
        .parse()
        .unwrap_or(Lang::DEFAULT);
    let kind = match offer.kind {
        OfferKind::Training => t_string!(i18n, matches.kind_training).to_string(),
        OfferKind::Call => t_string!(i18n, matches.kind_call).to_string(),
    };
    let programme = offer.programme.map(|p| programme_name(i18n, p));
    let sectors: Vec<String> = offer
        .sectors
        .iter()
        .map(|s| sector_name(i18n, *s))
        .collect();
    let cities: Vec<&str> = offer.cities.iter().map(|c| c.label(lang)).collect();
    let dates = match offer.kind {
        OfferKind::Training => t_string!(
            i18n,
            matches.dates,
            start = offer.starts_on.to_string(),
            end = offer.ends_on.to_string()
        )
        .to_string(),
        OfferKind::Call => {
            t_string!(i18n, matches.closes, date = offer.ends_on.to_string()).to_string()
        }
    };
    let grant = offer
        .max_grant
        .map(|amount| t_string!(i18n, matches.max_grant, amount = amount.to_string()).to_string());
    let score = offer.score;
    let eligible = offer.eligibility == Eligibility::Eligible;
    let checks = offer.checks.clone();
    let skills = (!offer.matched_skills.is_empty()).then(|| offer.matched_skills.join(", "));
    let act = offer.clone();
    view! {
        <article class="card offer" data-test="offer" data-reference=offer.reference.clone()>
            <p class="note">{kind} {programme.map(|p| view! { " · " {p} })}</p>
            <h3>{offer.title}</h3>
            <p class="note">
                {sectors.join(", ")} " · " {cities.join(", ")} " · " {dates}
                {grant.map(|g| view! { " · " {g} })}
            </p>
            <p class="score" data-test="score">
                <strong>{move || t_string!(i18n, matches.score, score = score.total()).to_string()}</strong>
                " — "
                {move || t_string!(i18n, matches.breakdown,
                    skills = score.skills, sector = score.sector,
                    city = score.city, language = score.language).to_string()}
            </p>
            {skills.map(|s| view! {
                <p>{move || t_string!(i18n, matches.useful_skills, skills = s.clone()).to_string()}</p>
            })}
            <Explanation checks eligible />
            <Act offer=act actions />
        </article>
    }
}

/// Why an offer is open to the person or not: the rules met, those not met, and what would
/// make them eligible.
#[component]
fn Explanation(checks: Vec<Check>, eligible: bool) -> impl IntoView {
    let i18n = use_i18n();
    let reasons = |met: bool| -> Vec<String> {
        checks
            .iter()
            .filter(|c| c.met == met)
            .map(|c| reason_text(i18n, c))
            .collect()
    };
    let (met, unmet) = (reasons(true), reasons(false));
    let remedies: Vec<String> = checks
        .iter()
        .filter_map(|c| c.remedy.as_ref())
        .map(|r| remedy_text(i18n, r))
        .collect();
    view! {
        <Show when=move || eligible>
            <p class="why-title">{t!(i18n, matches.why)}</p>
        </Show>
        {(!met.is_empty()).then(|| view! {
            <ul class="reasons met" data-test="met">
                {met.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
            </ul>
        })}
        {(!unmet.is_empty()).then(|| view! {
            <p class="why-title">{t!(i18n, matches.because)}</p>
            <ul class="reasons unmet" data-test="unmet">
                {unmet.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
            </ul>
        })}
        {(!remedies.is_empty()).then(|| view! {
            <p class="why-title">{t!(i18n, matches.would)}</p>
            <ul class="remedies" data-test="remedies">
                {remedies.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
            </ul>
        })}
    }
}
