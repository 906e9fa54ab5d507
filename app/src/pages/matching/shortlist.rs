//! "Who does this offer suit?": pick a training or call, narrow by city, sex and score, and
//! read the ranked applicants — eligible first, then (if asked) those who miss something, with
//! what. A plain GET form, so it works without a script; the same filters download as CSV.

use crate::components::city_filter::CityFilter;
use crate::components::page_data::page_data;
use crate::domain::catalogue::OfferKind;
use crate::domain::matching::eligibility::Eligibility;
use crate::domain::profile::Sex;
use crate::domain::shared::problem::Field;
use crate::i18n::*;
use crate::pages::matching::explain::remedy_text;
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::pages::shared::labels::lang_of;
use crate::server_fns::matching::staff_shortlist;
use crate::wire::matching::{ApplicantLine, Shortlist};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The page's query: `q=couture&offer=training:12&city=tanger&sex=female&min_score=40&not_yet=1&page=0`
/// (`q` searches the offers to pick from).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Query {
    search: String,
    offer: String,
    city: String,
    sex: String,
    min_score: String,
    not_yet: String,
    page: String,
}

impl Query {
    fn kind_and_id(&self) -> (String, String) {
        match self.offer.split_once(':') {
            Some((kind, id)) => (kind.to_owned(), id.to_owned()),
            None => (String::new(), String::new()),
        }
    }

    /// The same list on another page, or as CSV.
    fn link(&self, path: &str, page: Option<usize>) -> String {
        self.link_to(path, &self.offer, page)
    }

    /// The list of `offer` with the same filters (and search).
    fn link_to(&self, path: &str, offer: &str, page: Option<usize>) -> String {
        let mut pairs = vec![
            ("q", self.search.clone()),
            ("offer", offer.to_owned()),
            ("city", self.city.clone()),
            ("sex", self.sex.clone()),
            ("min_score", self.min_score.clone()),
            ("not_yet", self.not_yet.clone()),
        ];
        if let Some(page) = page {
            pairs.push(("page", page.to_string()));
        }
        let query = super::url_query(pairs.into_iter().filter(|(_, v)| !v.is_empty()));
        format!("{path}?{query}")
    }
}

#[component]
pub fn StaffMatchesPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        params.with(|q| {
            let get = |k: &str| q.get(k).unwrap_or_default();
            Query {
                search: get("q"),
                offer: get("offer"),
                city: get("city"),
                sex: get("sex"),
                min_score: get("min_score"),
                not_yet: get("not_yet"),
                page: get("page"),
            }
        })
    });
    let list = page_data(
        move || query.get(),
        |q| {
            let (kind, id) = q.kind_and_id();
            staff_shortlist(
                q.search,
                kind,
                id,
                q.city,
                q.sex,
                q.min_score,
                q.not_yet,
                q.page,
            )
        },
    );
    view! {
        <Title text=move || t_string!(i18n, shortlist.title).to_string() />
        <h1>{t!(i18n, shortlist.title)}</h1>
        <p class="lead">{t!(i18n, shortlist.lead)}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let q = query.get_untracked();
                match list.await {
                    Ok(list) => view! {
                        <Picker q=q.clone() list=list.clone() />
                        <Filters q=q.clone() chosen=list.selected.is_some() error=None />
                        <Results q list />
                    }.into_any(),
                    Err(error) => view! {
                        <Picker q=q.clone() list=Shortlist::default() />
                        <Filters q chosen=true error=Some(error.clone()) />
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The offer search: a plain GET form, then the offers found as links (at most a few
/// dozen, whatever the size of the catalogue).
#[component]
fn Picker(q: Query, list: Shortlist) -> impl IntoView {
    let i18n = use_i18n();
    let listed = list.selected.is_none() || !q.search.is_empty();
    let found = list.offers.len();
    let more = list.more_offers;
    let searched = q.search.clone();
    // Choosing ends the search: the list folds away and the chosen offer's people show.
    let chosen = Query {
        search: String::new(),
        ..q.clone()
    };
    let choices = list
        .offers
        .into_iter()
        .map(|o| {
            let value = format!("{}:{}", kind_code(o.kind), o.id);
            let href = chosen.link_to("/staff/matches", &value, None);
            let kind = match o.kind {
                OfferKind::Training => t_string!(i18n, matches.kind_training).to_string(),
                OfferKind::Call => t_string!(i18n, matches.kind_call).to_string(),
            };
            let current = (value == q.offer).then_some("page");
            view! {
                <li><a href=href aria-current=current data-test="offer-choice">
                    {kind} " · " <bdi>{o.reference}</bdi> " · " {o.title}
                </a></li>
            }
        })
        .collect_view();
    view! {
        <form method="get" action="/staff/matches" class="form card" role="search" data-test="offer-search">
            <div class="field">
                <label for="q">{t!(i18n, shortlist.search)}</label>
                <input id="q" name="q" type="search" maxlength="100" value=q.search.clone() />
            </div>
            <Kept name="offer" value=q.offer.clone() />
            <Kept name="city" value=q.city.clone() />
            <Kept name="sex" value=q.sex.clone() />
            <Kept name="min_score" value=q.min_score.clone() />
            <Kept name="not_yet" value=q.not_yet.clone() />
            <button type="submit" data-test="search">{t!(i18n, shortlist.search_button)}</button>
        </form>
        {(listed && found == 0).then(|| view! {
            <p class="empty" data-test="no-offer-found">
                {move || t_string!(i18n, shortlist.found_none, search = searched.clone()).to_string()}
            </p>
        })}
        {(listed && found > 0).then(|| view! {
            <nav class="card" aria-labelledby="choices-title">
                <p id="choices-title">{t!(i18n, shortlist.choose)}</p>
                <ul class="choices">{choices}</ul>
                {more.then(|| view! {
                    <p class="note" data-test="more-offers">{t!(i18n, shortlist.found_more, count = found)}</p>
                })}
            </nav>
        })}
    }
}

/// A query value carried over by a form that does not show it.
#[component]
fn Kept(name: &'static str, value: String) -> impl IntoView {
    (!value.is_empty()).then(|| view! { <input type="hidden" name=name value=value /> })
}

/// How to narrow the chosen offer's list; shown once an offer is chosen.
#[component]
fn Filters(q: Query, chosen: bool, error: Option<crate::error::AppError>) -> impl IntoView {
    let i18n = use_i18n();
    if !chosen {
        return ().into_any();
    }
    let error = Signal::derive(move || error.clone());
    view! {
        <form method="get" action="/staff/matches" class="form card" data-test="shortlist-filters">
            <Kept name="q" value=q.search.clone() />
            <Kept name="offer" value=q.offer.clone() />
            <CityFilter label=t_string!(i18n, shortlist.city).to_string()
                any=t_string!(i18n, shortlist.any).to_string() selected=q.city.clone() error />
            <div class="field">
                <label for="sex">{t!(i18n, shortlist.sex)}</label>
                <select id="sex" name="sex" aria-describedby="sex-problems">
                    <option value="">{t!(i18n, shortlist.any)}</option>
                    {Sex::ALL.into_iter().map(|s| view! {
                        <option value=s.code() selected=s.code() == q.sex>{sex_name(i18n, s)}</option>
                    }).collect_view()}
                </select>
                <FieldProblems error field=Field::Sex id="sex-problems" />
            </div>
            <div class="field">
                <label for="min-score">{t!(i18n, shortlist.min_score)}</label>
                <input id="min-score" name="min_score" inputmode="numeric" maxlength="3" size="3"
                    value=q.min_score.clone() aria-describedby="score-problems" />
                <FieldProblems error field=Field::Score id="score-problems" />
            </div>
            <label class="check">
                <input type="checkbox" name="not_yet" value="1" checked=!q.not_yet.is_empty() />
                {t!(i18n, shortlist.include_not_yet)}
            </label>
            <button type="submit" data-test="show">{t!(i18n, shortlist.show)}</button>
        </form>
    }
    .into_any()
}

#[component]
fn Results(q: Query, list: Shortlist) -> impl IntoView {
    let i18n = use_i18n();
    let Some(selected) = list.selected else {
        return ().into_any();
    };
    let csv = q.link("/staff/matches.csv", None);
    let previous = (list.page > 0).then(|| q.link("/staff/matches", Some(list.page - 1)));
    let next = (list.page + 1 < list.pages).then(|| q.link("/staff/matches", Some(list.page + 1)));
    let (total, page, pages) = (list.total, list.page + 1, list.pages);
    view! {
        <section class="card" data-test="shortlist">
            <h2>{selected.title} " · " <bdi>{selected.reference}</bdi></h2>
            <p data-test="total">{t!(i18n, shortlist.total, count = total)}</p>
            {selected.targets_declared_group.then(|| view! {
                <p class="note" data-test="declared-groups-unused">{t!(i18n, shortlist.declared_groups_unused)}</p>
            })}
            <p><a href=csv download="" data-test="csv">{t!(i18n, shortlist.download)}</a></p>
            <div class="table-scroll">
                <table>
                    <thead><tr>
                        <th>{t!(i18n, shortlist.person)}</th>
                        <th>{t!(i18n, shortlist.contact)}</th>
                        <th>{t!(i18n, shortlist.score)}</th>
                        <th>{t!(i18n, shortlist.standing)}</th>
                    </tr></thead>
                    <tbody>
                        {list.lines.into_iter().map(|line| view! { <Line line /> }).collect_view()}
                    </tbody>
                </table>
            </div>
            <nav class="pager" aria-label=move || t_string!(i18n, shortlist.pages).to_string()>
                {previous.map(|href| view! { <a href=href rel="prev">{t!(i18n, shortlist.previous)}</a> })}
                " " {t!(i18n, shortlist.page_of, page = page, pages = pages)} " "
                {next.map(|href| view! { <a href=href rel="next" data-test="next">{t!(i18n, shortlist.next)}</a> })}
            </nav>
        </section>
    }
    .into_any()
}

#[component]
fn Line(line: ApplicantLine) -> impl IntoView {
    let i18n = use_i18n();
    let lang = lang_of(i18n);
    let about: Vec<String> = [
        line.sex.map(|s| sex_name(i18n, s)),
        line.age
            .map(|a| t_string!(i18n, shortlist.age, age = a).to_string()),
        line.nationality.map(|n| n.label(lang).to_owned()),
        line.city.map(|c| c.label(lang).to_owned()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let standing = if line.eligibility == Eligibility::Eligible {
        t_string!(i18n, shortlist.eligible).to_string()
    } else {
        let missing: Vec<String> = line.remedies.iter().map(|r| remedy_text(i18n, r)).collect();
        t_string!(i18n, shortlist.missing, what = missing.join(" ; ")).to_string()
    };
    let score = line.score;
    view! {
        <tr data-test="candidate">
            <td><strong>{line.full_name}</strong><br/><small>{about.join(" · ")}</small></td>
            <td dir="ltr">{line.phone.unwrap_or_default()}<br/><small>{line.email.unwrap_or_default()}</small></td>
            <td data-test="candidate-score">{score.total()}</td>
            <td>{standing}</td>
        </tr>
    }
}

fn kind_code(kind: OfferKind) -> &'static str {
    match kind {
        OfferKind::Training => "training",
        OfferKind::Call => "call",
    }
}

fn sex_name(i18n: leptos_i18n::I18nContext<Locale>, sex: Sex) -> String {
    match sex {
        Sex::Female => t_string!(i18n, profile.female),
        Sex::Male => t_string!(i18n, profile.male),
    }
    .to_string()
}
