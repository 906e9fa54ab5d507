use crate::error::AppError;
use crate::wire::matching::Matches;
use leptos::prelude::*;

/// The signed-in applicant's upcoming trainings and open calls: eligible ones ranked by fit,
/// then those they could reach (with what is missing), then the rest. Computed afresh from the
/// profile and the catalogue on every request, so any change to either shows at once.
#[server(name = MyMatches, endpoint = "matching/mine")]
pub async fn my_matches(lang: String) -> Result<Matches, AppError> {
    use crate::db::{catalogue, enrolments, plans, profile::profiles};
    use crate::domain::accounts::role::Role;
    use crate::domain::shared::locale::Lang;
    use crate::server_fns::{context, require, respond};
    use crate::wire::enrolments::MyEnrolment;
    use crate::wire::matching::OfferMatch;
    use std::collections::HashMap;

    respond(
        async {
            let user = require(&[Role::Applicant]).await?;
            let lang: Lang = lang.parse().unwrap_or(Lang::DEFAULT);
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

            let mut offers = Vec::with_capacity(trainings.len() + calls.len());
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
            let matches = Matches::ranked(offers);
            Ok(matches)
        }
        .await,
    )
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
    let assessment = crate::domain::matching::eligibility::assess(rules, facts, day);
    let fit = crate::domain::matching::fit(facts, traits);
    Judgement {
        score: fit.score,
        matched_skills: fit
            .matched_skills
            .iter()
            .map(|s| s.label(lang).to_owned())
            .collect(),
        eligibility: assessment.eligibility(),
        checks: assessment.checks,
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
