//! The applicant's offers: open to them (ranked, with why), not yet (with what is missing),
//! and not open to them (with why).

pub mod act;
pub mod alerts;
pub mod explain;
pub mod labels;
pub mod shortlist;

use crate::components::city_filter::CityFilter;
use crate::components::form::last_error;
use crate::components::page_data::page_data;
use crate::domain::catalogue::OfferKind;
use crate::domain::matching::eligibility::{Check, Eligibility};
use crate::domain::shared::reference::City;
use crate::i18n::*;
use crate::pages::problem::FormProblems;
use crate::pages::sector_name;
use crate::pages::shared::labels::date_text;
use crate::pages::shared::labels::lang_of;
use crate::pages::shared::labels::money_text;
use crate::pages::shared::url_query;
use crate::server_fns::matching::my_matches;
use crate::wire::matching::{Matches, OfferGroup, OfferMatch, GROUP_PAGE};
use act::{Act, OfferActions};
use explain::{programme_name, reason_text, remedy_text};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// The page's query: `kind=training&city=tanger&eligible=2&not_yet=1&not_eligible=1` (the
/// filters, then each group's page, one-based).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Query {
    kind: String,
    city: String,
    pages: [String; 3],
    /// `on` or `off` just after the alerts were changed (a new query, so the page reads them
    /// again).
    alerts: String,
}

/// The three groups, in the order of [`Query::pages`]: query key and section id.
const GROUPS: [(&str, &str); 3] = [
    ("eligible", "eligible"),
    ("not_yet", "not-yet"),
    ("not_eligible", "not-eligible"),
];

impl Query {
    /// This page with group `group` on page `page` (one-based), the rest kept.
    fn link(&self, group: usize, page: usize) -> String {
        let mut pairs: Vec<(&str, String)> =
            vec![("kind", self.kind.clone()), ("city", self.city.clone())];
        for (i, (key, _)) in GROUPS.iter().enumerate() {
            let value = if i == group {
                page.to_string()
            } else {
                self.pages[i].clone()
            };
            pairs.push((key, value));
        }
        let query = url_query(pairs.into_iter().filter(|(_, v)| !v.is_empty()));
        format!("/matches?{query}#{}", GROUPS[group].1)
    }
}

#[component]
pub fn MatchesPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        params.with(|q| {
            let get = |k: &str| q.get(k).unwrap_or_default();
            Query {
                kind: get("kind"),
                city: get("city"),
                pages: GROUPS.map(|(key, _)| get(key)),
                alerts: get("alerts"),
            }
        })
    });
    let actions = OfferActions {
        request: ServerAction::new(),
        start: ServerAction::new(),
    };
    let request_error = last_error(actions.request);
    let start_error = last_error(actions.start);
    let matches = page_data(
        move || (i18n.get_locale().as_str(), query.get()),
        |(lang, q)| {
            let [eligible, not_yet, not_eligible] = q.pages;
            my_matches(
                lang.to_owned(),
                q.kind,
                q.city,
                eligible,
                not_yet,
                not_eligible,
            )
        },
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
                let q = query.get_untracked();
                match matches.await {
                    Ok(m) => view! { <MatchList m q actions /> }.into_any(),
                    Err(error) => view! {
                        <Filters q error=Some(error.clone()) />
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The filters and the three groups of offers, one page of each.
#[component]
fn MatchList(m: Matches, q: Query, actions: OfferActions) -> impl IntoView {
    let i18n = use_i18n();
    let home = m.home;
    let groups = [m.eligible, m.not_yet, m.not_eligible];
    let shown: usize = groups.iter().map(|g| g.total).sum();
    let titles = [
        t_string!(i18n, matches.eligible).to_string(),
        t_string!(i18n, matches.not_yet).to_string(),
        t_string!(i18n, matches.not_eligible).to_string(),
    ];
    view! {
        <alerts::OfferAlerts on=m.alerts done=q.alerts.clone() />
        {(m.unfiltered > 0).then(|| view! { <Filters q=q.clone() error=None /> })}
        {(m.unfiltered == 0).then(|| view! {
            <p class="empty" data-test="no-offers">{t!(i18n, matches.nothing)}</p>
        })}
        {(m.unfiltered > 0 && shown == 0).then(|| view! {
            <p class="empty" data-test="none-filtered">{t!(i18n, matches.none_filtered)}</p>
        })}
        {groups.into_iter().zip(titles).enumerate().map(|(i, (group, title))| view! {
            <GroupSection index=i title group q=q.clone() actions home />
        }).collect_view()}
    }
}

/// Narrow the offers by kind and city: a plain GET form (pages start again at one).
#[component]
fn Filters(q: Query, error: Option<crate::error::AppError>) -> impl IntoView {
    let i18n = use_i18n();
    let error = Signal::derive(move || error.clone());
    let kinds = [
        (
            "training",
            t_string!(i18n, matches.kind_training).to_string(),
        ),
        ("call", t_string!(i18n, matches.kind_call).to_string()),
    ];
    view! {
        <form method="get" action="/matches" class="form card filters" data-test="match-filters">
            <div class="field">
                <label for="kind">{t!(i18n, matches.filter_kind)}</label>
                <select id="kind" name="kind">
                    <option value="">{t!(i18n, matches.filter_all)}</option>
                    {kinds.into_iter().map(|(code, name)| view! {
                        <option value=code selected=code == q.kind>{name}</option>
                    }).collect_view()}
                </select>
            </div>
            <CityFilter label=t_string!(i18n, matches.filter_city).to_string()
                any=t_string!(i18n, matches.filter_all).to_string() selected=q.city error />
            <button type="submit" data-test="filter">{t!(i18n, matches.filter)}</button>
        </form>
    }
}

/// One group's page of offers, how many it holds, and links to its other pages.
#[component]
fn GroupSection(
    index: usize,
    title: String,
    group: OfferGroup,
    q: Query,
    actions: OfferActions,
    home: Option<City>,
) -> impl IntoView {
    let i18n = use_i18n();
    if group.total == 0 {
        return ().into_any();
    }
    let id = GROUPS[index].1;
    let first = group.page * GROUP_PAGE + 1;
    let last = first + group.offers.len() - 1;
    let total = group.total;
    let previous = (group.page > 0).then(|| q.link(index, group.page));
    let next = (group.page + 1 < group.pages).then(|| q.link(index, group.page + 2));
    let pager = (group.pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label=title.clone()>
                {previous.map(|href| view! {
                    <a href=href rel="prev" data-test="previous">{t!(i18n, matches.previous)}</a>
                })}
                {next.map(|href| view! {
                    <a href=href rel="next" data-test="more">{t!(i18n, matches.more)}</a>
                })}
            </nav>
        }
    });
    view! {
        <section id=id data-test=id>
            <h2>{title.clone()}</h2>
            <p class="note" data-test="shown">
                {move || t_string!(i18n, matches.shown, first = first, last = last, total = total).to_string()}
            </p>
            {group.offers.into_iter().map(|offer| view! { <OfferCard offer actions home /> }).collect_view()}
            {pager}
        </section>
    }
    .into_any()
}

#[component]
fn OfferCard(offer: OfferMatch, actions: OfferActions, home: Option<City>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = lang_of(i18n);
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
    // A training is open to anyone, wherever it is held (the city is a matter of fit): one held
    // away from home says so, since going there every day has a cost.
    let away = home
        .filter(|home| offer.kind == OfferKind::Training && !offer.cities.contains(home))
        .map(|home| {
            t_string!(
                i18n,
                matches.away,
                place = cities.join(", "),
                home = home.label(lang)
            )
            .to_string()
        });
    let dates = match offer.kind {
        OfferKind::Training => t_string!(
            i18n,
            matches.dates,
            start = date_text(i18n, offer.starts_on),
            end = date_text(i18n, offer.ends_on)
        )
        .to_string(),
        OfferKind::Call => {
            t_string!(i18n, matches.closes, date = date_text(i18n, offer.ends_on)).to_string()
        }
    };
    let grant = offer.max_grant.map(|amount| {
        t_string!(i18n, matches.max_grant, amount = money_text(i18n, amount)).to_string()
    });
    let score = offer.score;
    let eligible = offer.eligibility == Eligibility::Eligible;
    let checks = offer.checks.clone();
    // How well an offer fits matters only if the person can take it, now or later.
    let reachable = offer.eligibility != Eligibility::NotEligible;
    let skills =
        (reachable && !offer.matched_skills.is_empty()).then(|| offer.matched_skills.join(", "));
    let act = offer.clone();
    view! {
        <article class="card offer" data-test="offer" data-reference=offer.reference.clone()>
            <p class="note">{kind} {programme.map(|p| view! { " · " {p} })}</p>
            <h3>{offer.title}</h3>
            <p class="note">
                {sectors.join(", ")} " · " {cities.join(", ")} " · " {dates}
                {grant.map(|g| view! { " · " {g} })}
            </p>
            {away.map(|away| view! { <p class="note away" data-test="away">{away}</p> })}
            {reachable.then(|| view! {
                <p class="score" data-test="score">
                    <strong>{move || t_string!(i18n, matches.score, score = score.total()).to_string()}</strong>
                    " — "
                    {move || t_string!(i18n, matches.breakdown,
                        skills = score.skills, sector = score.sector,
                        city = score.city, language = score.language).to_string()}
                </p>
            })}
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
