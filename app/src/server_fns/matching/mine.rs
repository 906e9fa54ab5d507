use crate::error::AppError;
use crate::wire::matching::Matches;
use leptos::prelude::*;

/// The signed-in applicant's upcoming trainings and open calls: eligible ones ranked by fit,
/// then those they could reach (with what is missing), then the rest, one page of each.
/// Judged afresh from the profile on every request, against the catalogue this server keeps
/// (read again whenever it changed), so any change to either shows at once. `kind`
/// (`training` or `call`) and `city` narrow the offers; the pages are one-based, as the page
/// links show them.
#[server(name = MyMatches, endpoint = "matching/mine")]
pub async fn my_matches(
    lang: String,
    #[server(default)] kind: String,
    #[server(default)] city: String,
    #[server(default)] eligible: String,
    #[server(default)] not_yet: String,
    #[server(default)] not_eligible: String,
) -> Result<Matches, AppError> {
    use crate::db::{enrolments, notifications::offer_alerts, plans, profile::profiles};
    use crate::domain::accounts::role::Role;
    use crate::domain::catalogue::OfferKind;
    use crate::domain::shared::locale::Lang;
    use crate::server_fns::{context, require, respond};
    use crate::wire::enrolments::MyEnrolment;
    use crate::wire::matching::OfferMatch;
    use std::collections::HashMap;

    respond(
        async {
            let user = require(&[Role::Applicant]).await?;
            let lang: Lang = lang.parse().unwrap_or(Lang::DEFAULT);
            let (kind, city) = filters(&kind, &city)?;
            let page = |text: String| text.trim().parse::<usize>().unwrap_or(1).max(1) - 1;
            let pages = [page(eligible), page(not_yet), page(not_eligible)];
            let today = crate::db::now().date();
            let ctx = context()?;
            let mut tx = ctx.db.read().await?;
            let facts = profiles::facts(&mut tx, user.id).await?;
            let offers = ctx.catalogue.offers(&mut tx, today).await?;
            let mine: HashMap<_, _> = enrolments::statuses_of(&mut tx, user.id)
                .await?
                .into_iter()
                .map(|(id, training, status)| (training, MyEnrolment { id, status }))
                .collect();
            let plans: HashMap<_, _> = plans::calls_of(&mut tx, user.id)
                .await?
                .into_iter()
                .collect();
            let judged = judge_all(&offers, kind, city, &facts, today);
            let unfiltered = offers.trainings.len() + offers.calls.len();
            // Only the offers shown are explained (every rule's reason, the skills that count).
            let mut matches = Matches::ranked(
                judged,
                |(_, verdict, score)| (*verdict, *score),
                pages,
                unfiltered,
                |(offer, _, _)| match offer {
                    Offer::Training(kept) => OfferMatch {
                        enrolment: mine.get(&kept.id).copied(),
                        ..training_match(kept, &facts, today, lang)
                    },
                    Offer::Call(kept) => OfferMatch {
                        plan: plans.get(&kept.id).copied(),
                        ..call_match(kept, &facts, today, lang)
                    },
                },
            );
            matches.home = facts.city;
            matches.alerts = offer_alerts::is_on(&mut tx, user.id).await?;
            // Seats change with every enrolment: read now, for the trainings shown.
            let shown: Vec<i64> = matches
                .shown_mut()
                .filter(|offer| offer.kind == OfferKind::Training)
                .map(|offer| offer.id)
                .collect();
            let seats: HashMap<_, _> = enrolments::seat_counts(&mut tx, &shown)
                .await?
                .into_iter()
                .collect();
            tx.commit().await?;
            for offer in matches.shown_mut() {
                if offer.kind == OfferKind::Training {
                    offer.seats = seats.get(&offer.id).copied();
                }
            }
            Ok(matches)
        }
        .await,
    )
}

/// An offer of the kept catalogue, before it is judged.
#[cfg(feature = "ssr")]
enum Offer<'a> {
    Training(&'a KeptOffer<crate::domain::catalogue::Training>),
    Call(&'a KeptOffer<crate::domain::catalogue::GrantCall>),
}

#[cfg(feature = "ssr")]
use crate::db::catalogue::kept::KeptOffer;

/// Every offer the filters let through, with the applicant's verdict and total score: what
/// ranking needs, without explaining any offer.
#[cfg(feature = "ssr")]
fn judge_all<'a>(
    offers: &'a crate::db::catalogue::kept::Offers,
    kind: Option<crate::domain::catalogue::OfferKind>,
    city: Option<crate::domain::shared::reference::City>,
    facts: &crate::domain::profile::Facts,
    today: time::Date,
) -> Vec<(
    Offer<'a>,
    crate::domain::matching::eligibility::Eligibility,
    u8,
)> {
    use crate::domain::catalogue::OfferKind;
    use crate::domain::matching::{eligibility::verdict, score};
    use crate::domain::shared::reference::City;
    let wanted = |k: OfferKind, cities: &[City]| {
        kind.is_none_or(|kind| kind == k)
            && city.is_none_or(|city| cities.is_empty() || cities.contains(&city))
    };
    let trainings = offers
        .trainings
        .iter()
        .filter(|kept| wanted(OfferKind::Training, std::slice::from_ref(&kept.offer.city)))
        .map(|kept| {
            let training = &kept.offer;
            let eligible = verdict(&kept.rules, facts, training.assessed_on(today));
            let score = score(facts, &training.traits()).total();
            (Offer::Training(kept), eligible, score)
        });
    let calls = offers
        .calls
        .iter()
        .filter(|kept| wanted(OfferKind::Call, &kept.offer.cities))
        .map(|kept| {
            let eligible = verdict(&kept.rules, facts, today);
            let score = score(facts, &kept.offer.traits()).total();
            (Offer::Call(kept), eligible, score)
        });
    trainings.chain(calls).collect()
}

/// The kind and city filters: an unknown kind shows every kind, an unknown city is a problem
/// named on the form.
#[cfg(feature = "ssr")]
fn filters(
    kind: &str,
    city: &str,
) -> Result<
    (
        Option<crate::domain::catalogue::OfferKind>,
        Option<crate::domain::shared::reference::City>,
    ),
    AppError,
> {
    use crate::domain::catalogue::OfferKind;
    use crate::domain::problem::FieldProblem;
    use crate::domain::shared::problem::{Field, SharedProblem};
    use crate::domain::shared::reference::City;
    let kind = match kind.trim() {
        "training" => Some(OfferKind::Training),
        "call" => Some(OfferKind::Call),
        _ => None,
    };
    let city = match city.trim() {
        "" => None,
        code => Some(City::parse(code).ok_or_else(|| {
            AppError::Validation(vec![FieldProblem::new(
                Field::City,
                SharedProblem::CityUnknown,
            )])
        })?),
    };
    Ok((kind, city))
}

/// What the engine says of one offer for the applicant: the rules checked on `day`, the fit
/// score, and the skills that earned it in the reader's language.
#[cfg(feature = "ssr")]
struct Judgement {
    score: crate::domain::matching::Score,
    matched_skills: Vec<String>,
    eligibility: crate::domain::matching::eligibility::Eligibility,
    checks: Vec<crate::domain::matching::eligibility::Check>,
}

#[cfg(feature = "ssr")]
fn judge(
    rules: &[crate::domain::matching::eligibility::Rule],
    traits: &crate::domain::matching::OfferTraits<'_>,
    day: time::Date,
    facts: &crate::domain::profile::Facts,
    lang: crate::domain::shared::locale::Lang,
) -> Judgement {
    use crate::domain::matching::eligibility::Eligibility;
    let assessment = crate::domain::matching::eligibility::assess(rules, facts, day);
    let eligibility = assessment.eligibility();
    let mut checks = assessment.checks;
    // An offer not open to the person is explained by what it lacks; the rules they meet
    // would only lengthen the card (and the page, on a cheap phone).
    if eligibility != Eligibility::Eligible {
        checks.retain(|c| !c.met);
    }
    let fit = crate::domain::matching::fit(facts, traits);
    Judgement {
        score: fit.score,
        matched_skills: fit
            .matched_skills
            .iter()
            .map(|s| s.label(lang).to_owned())
            .collect(),
        eligibility,
        checks,
    }
}

/// How a training suits the applicant, before their seat and enrolment are added.
#[cfg(feature = "ssr")]
fn training_match(
    kept: &KeptOffer<crate::domain::catalogue::Training>,
    facts: &crate::domain::profile::Facts,
    today: time::Date,
    lang: crate::domain::shared::locale::Lang,
) -> crate::wire::matching::OfferMatch {
    let training = &kept.offer;
    let day = training.assessed_on(today);
    let judged = judge(&kept.rules, &training.traits(), day, facts, lang);
    crate::wire::matching::OfferMatch {
        kind: crate::domain::catalogue::OfferKind::Training,
        id: kept.id,
        reference: training.reference.clone(),
        title: training.title.clone(),
        programme: Some(training.programme),
        sectors: vec![training.sector],
        cities: vec![training.city],
        starts_on: training.starts_on,
        ends_on: training.ends_on,
        max_grant: None,
        score: judged.score,
        matched_skills: judged.matched_skills,
        eligibility: judged.eligibility,
        checks: judged.checks,
        seats: None,
        enrolment: None,
        plan: None,
    }
}

/// How a grant call suits the applicant, before their plan for it is added.
#[cfg(feature = "ssr")]
fn call_match(
    kept: &KeptOffer<crate::domain::catalogue::GrantCall>,
    facts: &crate::domain::profile::Facts,
    today: time::Date,
    lang: crate::domain::shared::locale::Lang,
) -> crate::wire::matching::OfferMatch {
    let call = &kept.offer;
    let judged = judge(&kept.rules, &call.traits(), today, facts, lang);
    crate::wire::matching::OfferMatch {
        kind: crate::domain::catalogue::OfferKind::Call,
        id: kept.id,
        reference: call.reference.clone(),
        title: call.title.clone(),
        programme: None,
        sectors: call.sectors.clone(),
        cities: call.cities.clone(),
        starts_on: call.opens_on,
        ends_on: call.closes_on,
        max_grant: Some(call.max_grant),
        score: judged.score,
        matched_skills: judged.matched_skills,
        eligibility: judged.eligibility,
        checks: judged.checks,
        seats: None,
        enrolment: None,
        plan: None,
    }
}
