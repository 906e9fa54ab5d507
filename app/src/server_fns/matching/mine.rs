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
    use crate::domain::catalogue::OfferKind;
    use crate::domain::matching::eligibility::{assess, Eligibility};
    use crate::domain::matching::fit;
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

            let label_skills = |skills: Vec<crate::domain::shared::reference::SkillId>| {
                skills
                    .into_iter()
                    .map(|s| s.label(lang).to_owned())
                    .collect()
            };
            let mut offers = Vec::with_capacity(trainings.len() + calls.len());
            for (id, training) in trainings {
                let assessment = assess(&training.rules(), &facts, training.assessed_on(today));
                let fit = fit(&facts, &training.traits());
                offers.push(OfferMatch {
                    kind: OfferKind::Training,
                    id,
                    reference: training.reference,
                    title: training.title,
                    programme: Some(training.programme),
                    sectors: vec![training.sector],
                    cities: vec![training.city],
                    starts_on: training.starts_on,
                    ends_on: training.ends_on,
                    max_grant: None,
                    score: fit.score,
                    matched_skills: label_skills(fit.matched_skills),
                    eligibility: assessment.eligibility(),
                    checks: assessment.checks,
                    seats: seats.get(&id).copied(),
                    enrolment: mine.get(&id).copied(),
                    plan: None,
                });
            }
            for (id, call) in calls {
                let assessment = assess(&call.all_rules(), &facts, today);
                let fit = fit(&facts, &call.traits());
                offers.push(OfferMatch {
                    kind: OfferKind::Call,
                    id,
                    reference: call.reference,
                    title: call.title,
                    programme: None,
                    sectors: call.sectors,
                    cities: call.cities,
                    starts_on: call.opens_on,
                    ends_on: call.closes_on,
                    max_grant: Some(call.max_grant),
                    score: fit.score,
                    matched_skills: label_skills(fit.matched_skills),
                    eligibility: assessment.eligibility(),
                    checks: assessment.checks,
                    seats: None,
                    enrolment: None,
                    plan: plans.get(&id).copied(),
                });
            }
            // Stable: equal scores keep the catalogue's order (soonest first).
            offers.sort_by_key(|o| std::cmp::Reverse(o.score.total()));
            let mut matches = Matches::default();
            for offer in offers {
                match offer.eligibility {
                    Eligibility::Eligible => matches.eligible.push(offer),
                    Eligibility::NotYet => matches.not_yet.push(offer),
                    Eligibility::NotEligible => matches.not_eligible.push(offer),
                }
            }
            Ok(matches)
        }
        .await,
    )
}
