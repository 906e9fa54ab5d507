//! Staff views across applicants: for one training or call, who it suits.

pub mod mine;
pub mod shortlist;
#[cfg(feature = "ssr")]
pub mod shortlist_csv;

pub use mine::{my_matches, MyMatches};
pub use shortlist::{staff_shortlist, StaffShortlist};

#[cfg(feature = "ssr")]
pub use ssr::*;

#[cfg(feature = "ssr")]
mod ssr {
    use crate::db::{catalogue, matching::people, Tx};
    use crate::domain::catalogue::OfferKind;
    use crate::domain::matching::eligibility::Rule;
    use crate::domain::matching::shortlist::{shortlist, Filter};
    use crate::domain::matching::OfferTraits;
    use crate::error::AppError;
    use crate::wire::matching::{ApplicantLine, OfferChoice};
    use time::Date;

    /// Upcoming trainings and open calls, for the picker.
    pub async fn offer_choices(tx: &mut Tx, today: Date) -> Result<Vec<OfferChoice>, AppError> {
        let trainings = catalogue::upcoming_trainings(tx, today).await?;
        let calls = catalogue::open_calls(tx, today).await?;
        let trainings = trainings.into_iter().map(|(id, t)| OfferChoice {
            kind: OfferKind::Training,
            id,
            reference: t.reference,
            title: t.title,
        });
        let calls = calls.into_iter().map(|(id, c)| OfferChoice {
            kind: OfferKind::Call,
            id,
            reference: c.reference,
            title: c.title,
        });
        Ok(trainings.chain(calls).collect())
    }

    /// The whole ranked list for one offer (any training or call, past ones included, so a
    /// report can be redone), recomputed from the current profiles and catalogue.
    pub async fn ranked(
        tx: &mut Tx,
        kind: OfferKind,
        id: i64,
        filter: &Filter,
        today: Date,
    ) -> Result<(OfferChoice, Vec<ApplicantLine>), AppError> {
        let applicants = people::consenting_applicants(tx).await?;
        let facts = || applicants.iter().map(|a| &a.facts);
        let (choice, candidates) = match kind {
            OfferKind::Training => {
                let t = catalogue::training(tx, id)
                    .await?
                    .ok_or(AppError::NotFound)?;
                let list = shortlist(
                    &t.rules(),
                    &t.traits(),
                    t.assessed_on(today),
                    facts(),
                    filter,
                );
                (choice(kind, id, &t.reference, &t.title), list)
            }
            OfferKind::Call => {
                let c = catalogue::call(tx, id).await?.ok_or(AppError::NotFound)?;
                let rules: Vec<Rule> = c.all_rules();
                let traits: OfferTraits<'_> = c.traits();
                let list = shortlist(&rules, &traits, today, facts(), filter);
                (choice(kind, id, &c.reference, &c.title), list)
            }
        };
        let lines = candidates
            .into_iter()
            .map(|candidate| {
                let a = &applicants[candidate.index];
                ApplicantLine {
                    user_id: a.user_id,
                    full_name: a.full_name.clone(),
                    phone: a.phone.clone(),
                    email: a.email.clone(),
                    sex: a.facts.sex,
                    age: a.facts.age_on(today),
                    nationality: a.facts.nationality,
                    city: a.facts.city,
                    score: candidate.score,
                    eligibility: candidate.eligibility,
                    remedies: candidate.remedies,
                }
            })
            .collect();
        Ok((choice, lines))
    }

    fn choice(kind: OfferKind, id: i64, reference: &str, title: &str) -> OfferChoice {
        OfferChoice {
            kind,
            id,
            reference: reference.to_owned(),
            title: title.to_owned(),
        }
    }
}
