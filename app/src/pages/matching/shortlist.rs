//! "Who does this offer suit?": pick a training or call, narrow by city, sex and score, and
//! read the ranked applicants — eligible first, then (if asked) those who miss something, with
//! what. A plain GET form, so it works without a script; the same filters download as CSV.

use crate::domain::catalogue::OfferKind;
use crate::domain::matching::eligibility::Eligibility;
use crate::domain::profile::Sex;
use crate::domain::shared::locale::Lang;
use crate::domain::shared::problem::Field;
use crate::domain::shared::reference::City;
use crate::i18n::*;
use crate::pages::matching::explain::remedy_text;
use crate::pages::problem::{FieldProblems, FormProblems};
use crate::server_fns::matching::staff_shortlist;
use crate::wire::matching::{ApplicantLine, Shortlist};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The page's query: `offer=training:12&city=tanger&sex=female&min_score=40&not_yet=1&page=0`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Query {
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
        let mut pairs = vec![
            ("offer", self.offer.clone()),
            ("city", self.city.clone()),
            ("sex", self.sex.clone()),
            ("min_score", self.min_score.clone()),
            ("not_yet", self.not_yet.clone()),
        ];
        if let Some(page) = page {
            pairs.push(("page", page.to_string()));
        }
        let query: Vec<String> = pairs
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", encode(&v)))
            .collect();
        format!("{path}?{}", query.join("&"))
    }
}

/// Percent-encoding for the few characters a query value here can hold.
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[component]
pub fn StaffMatchesPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        params.with(|q| {
            let get = |k: &str| q.get(k).unwrap_or_default();
            Query {
                offer: get("offer"),
                city: get("city"),
                sex: get("sex"),
                min_score: get("min_score"),
                not_yet: get("not_yet"),
                page: get("page"),
            }
        })
    });
    let list = Resource::new(
        move || query.get(),
        |q| {
            let (kind, id) = q.kind_and_id();
            staff_shortlist(kind, id, q.city, q.sex, q.min_score, q.not_yet, q.page)
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
                    Ok(list) => view! { <Filters q=q.clone() list=list.clone() error=None /> <Results q list /> }.into_any(),
                    Err(error) => view! {
                        <Filters q list=Shortlist::default() error=Some(error.clone()) />
                        <FormProblems error=Signal::derive(move || Some(error.clone())) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Filters(q: Query, list: Shortlist, error: Option<crate::error::AppError>) -> impl IntoView {
    let i18n = use_i18n();
    let lang: Lang = i18n
        .get_locale_untracked()
        .as_str()
        .parse()
        .unwrap_or(Lang::DEFAULT);
    let error = Signal::derive(move || error.clone());
    let mut cities: Vec<City> = City::all().collect();
    cities.sort_by_key(|c| c.label(lang));
    view! {
        <form method="get" action="/staff/matches" class="form card" data-test="shortlist-filters">
            <div class="field">
                <label for="offer">{t!(i18n, shortlist.offer)}</label>
                <select id="offer" name="offer">
                    <option value="">{t!(i18n, profile.choose)}</option>
                    {list.offers.into_iter().map(|o| {
                        let value = format!("{}:{}", kind_code(o.kind), o.id);
                        let selected = value == q.offer;
                        let kind = match o.kind {
                            OfferKind::Training => t_string!(i18n, matches.kind_training).to_string(),
                            OfferKind::Call => t_string!(i18n, matches.kind_call).to_string(),
                        };
                        view! { <option value=value selected=selected>{kind} " · " {o.reference} " · " {o.title}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="city">{t!(i18n, shortlist.city)}</label>
                <select id="city" name="city" aria-describedby="city-problems">
                    <option value="">{t!(i18n, shortlist.any)}</option>
                    {cities.into_iter().map(|c| view! {
                        <option value=c.code() selected=c.code() == q.city>{c.label(lang)}</option>
                    }).collect_view()}
                </select>
                <FieldProblems error field=Field::City id="city-problems" />
            </div>
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
    let lang: Lang = i18n
        .get_locale_untracked()
        .as_str()
        .parse()
        .unwrap_or(Lang::DEFAULT);
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
