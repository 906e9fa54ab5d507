use crate::error::AppError;
use crate::wire::matching::Matches;
use leptos::prelude::*;

/// The signed-in applicant's upcoming trainings and open calls: eligible ones ranked by fit,
/// then those they could reach (with what is missing), then the rest, one page of each.
/// Computed afresh from the profile and the catalogue on every request, so any change to
/// either shows at once. `kind` (`training` or `call`) and `city` narrow the offers; the
/// pages are one-based, as the page links show them.
#[server(name = MyMatches, endpoint = "matching/mine")]
pub async fn my_matches(
    lang: String,
    #[server(default)] kind: String,
    #[server(default)] city: String,
    #[server(default)] eligible: String,
    #[server(default)] not_yet: String,
    #[server(default)] not_eligible: String,
) -> Result<Matches, AppError> {
    use crate::db::{catalogue, enrolments, plans, profile::profiles};
    use crate::domain::accounts::role::Role;
    use crate::domain::catalogue::OfferKind;
    use crate::domain::shared::locale::Lang;
    use crate::domain::shared::reference::City;
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
            let mut tx = context()?.db.read().await?;
            let facts = profiles::facts(&mut tx, user.id).await?;
            let trainings = catalogue::upcoming_trainings(&mut tx, today).await?;
            let calls = catalogue::open_calls(&mut tx, today).await?;
            let seats: HashMap<_, _> = enrolments::seat_counts(&mut tx, today)
                .await?
                .into_iter()
                .collect();
            let mine: HashMap<_, _> = enrolments::statuses_of(&mut tx, user.id)
                .await?
                .into_iter()
                .map(|(id, training, status)| (training, MyEnrolment { id, status }))
                .collect();
            let plans: HashMap<_, _> = plans::calls_of(&mut tx, user.id)
                .await?
                .into_iter()
                .collect();
            tx.commit().await?;

            let unfiltered = trainings.len() + calls.len();
            let wanted = |k: OfferKind, cities: &[City]| {
                kind.is_none_or(|kind| kind == k)
                    && city.is_none_or(|city| cities.is_empty() || cities.contains(&city))
            };
            let trainings = trainings
                .into_iter()
                .filter(|(_, t)| wanted(OfferKind::Training, std::slice::from_ref(&t.city)));
            let calls = calls
                .into_iter()
                .filter(|(_, c)| wanted(OfferKind::Call, &c.cities));
            let mut offers = Vec::new();
            for (id, training) in trainings {
                offers.push(OfferMatch {
                    seats: seats.get(&id).copied(),
                    enrolment: mine.get(&id).copied(),
                    ..training_match(id, training, &facts, today, lang)
                });
            }
            for (id, call) in calls {
                offers.push(OfferMatch {
                    plan: plans.get(&id).copied(),
                    ..call_match(id, call, &facts, today, lang)
                });
            }
            Ok(Matches::ranked(offers, pages, unfiltered))
        }
        .await,
    )
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
    id: i64,
    training: crate::domain::catalogue::Training,
    facts: &crate::domain::profile::Facts,
    today: time::Date,
    lang: crate::domain::shared::locale::Lang,
) -> crate::wire::matching::OfferMatch {
    let judged = judge(
        &training.rules(),
        &training.traits(),
        training.assessed_on(today),
        facts,
        lang,
    );
    crate::wire::matching::OfferMatch {
        kind: crate::domain::catalogue::OfferKind::Training,
        id,
        reference: training.reference,
        title: training.title,
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
    id: i64,
    call: crate::domain::catalogue::GrantCall,
    facts: &crate::domain::profile::Facts,
    today: time::Date,
    lang: crate::domain::shared::locale::Lang,
) -> crate::wire::matching::OfferMatch {
    let judged = judge(&call.all_rules(), &call.traits(), today, facts, lang);
    crate::wire::matching::OfferMatch {
        kind: crate::domain::catalogue::OfferKind::Call,
        id,
        reference: call.reference,
        title: call.title,
        programme: None,
        sectors: call.sectors,
        cities: call.cities,
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
