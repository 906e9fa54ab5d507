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
    use crate::db::catalogue::kept::KeptCatalogue;
    use crate::db::matching::index::{PeopleIndex, RankingKey};
    use crate::db::{catalogue, matching::people, Tx};
    use crate::domain::catalogue::OfferKind;
    use crate::domain::matching::eligibility::Rule;
    pub use crate::domain::matching::shortlist::Ranked;
    use crate::domain::matching::shortlist::{shortlist, Filter};
    use crate::domain::matching::OfferTraits;
    use crate::domain::profile::TargetGroup;
    use crate::error::AppError;
    use crate::wire::matching::{ApplicantLine, OfferChoice};
    use std::sync::Arc;
    use time::Date;

    /// Offers the picker shows for a search.
    pub const CHOICES: usize = 20;

    /// Upcoming trainings and open calls whose reference or title holds `search` (any case),
    /// soonest first, at most [`CHOICES`] of them and whether there were more.
    pub async fn offer_choices(
        kept: &KeptCatalogue,
        tx: &mut Tx,
        today: Date,
        search: &str,
    ) -> Result<(Vec<OfferChoice>, bool), AppError> {
        let offers = kept.offers(tx, today).await?;
        let found = offers.search(search, CHOICES + 1);
        let more = found.len() > CHOICES;
        let choices = found
            .into_iter()
            .take(CHOICES)
            .map(|(kind, id, reference, title)| OfferChoice {
                kind,
                id,
                reference: reference.to_owned(),
                title: title.to_owned(),
                targets_declared_group: false,
            })
            .collect();
        Ok((choices, more))
    }

    /// The whole ranked list for one offer (any training or call, past ones included, so a
    /// report can be redone), as the current profiles and catalogue make it: the people come
    /// from the server's index, brought up to date in `tx` first, which keeps the list until
    /// anyone's facts or the catalogue change.
    pub async fn ranked(
        index: &PeopleIndex,
        tx: &mut Tx,
        kind: OfferKind,
        id: i64,
        filter: &Filter,
        today: Date,
    ) -> Result<(OfferChoice, Arc<[Ranked]>), AppError> {
        let catalogue_now = catalogue::kept::version(tx).await?;
        let (choice, offer, day) = match kind {
            OfferKind::Training => {
                let t = catalogue::training(tx, id)
                    .await?
                    .ok_or(AppError::NotFound)?;
                let day = t.assessed_on(today);
                (
                    choice(kind, id, &t.reference, &t.title),
                    Offer::Training(t),
                    day,
                )
            }
            OfferKind::Call => {
                let c = catalogue::call(tx, id).await?.ok_or(AppError::NotFound)?;
                (
                    choice(kind, id, &c.reference, &c.title),
                    Offer::Call(c),
                    today,
                )
            }
        };
        let (rules, traits): (Vec<Rule>, OfferTraits<'_>) = match &offer {
            Offer::Training(t) => (t.rules(), t.traits()),
            Offer::Call(c) => (c.all_rules(), c.traits()),
        };
        let mut choice = choice;
        choice.targets_declared_group = rules.iter().any(|rule| {
            matches!(rule, Rule::TargetGroup { any_of }
                if any_of.iter().any(|g| TargetGroup::DECLARED.contains(g)))
        });
        let key = RankingKey {
            kind,
            id,
            catalogue: catalogue_now,
            filter: *filter,
            day,
        };
        let ranked = index
            .ranking(tx, key, |people| {
                shortlist(&rules, &traits, day, people.iter().map(|(_, f)| f), filter)
                    .into_iter()
                    .map(|candidate| Ranked {
                        user_id: people[candidate.index].0,
                        score: candidate.score,
                        eligibility: candidate.eligibility,
                        remedies: candidate.remedies,
                    })
                    .collect()
            })
            .await?;
        Ok((choice, ranked))
    }

    enum Offer {
        Training(crate::domain::catalogue::Training),
        Call(crate::domain::catalogue::GrantCall),
    }

    /// The lines for `ranked` (a page, or an export's batch), with names and contacts read now.
    /// Someone erased since the list was ranked is left out.
    pub async fn lines(
        tx: &mut Tx,
        ranked: &[Ranked],
        today: Date,
    ) -> Result<Vec<ApplicantLine>, AppError> {
        let ids: Vec<i64> = ranked.iter().map(|r| r.user_id).collect();
        let mut contacts = people::contacts(tx, &ids).await?;
        Ok(ranked
            .iter()
            .filter_map(|r| {
                let c = contacts.remove(&r.user_id)?;
                Some(ApplicantLine {
                    user_id: r.user_id,
                    full_name: c.full_name,
                    phone: c.phone,
                    email: c.email,
                    sex: c.sex,
                    age: c
                        .birth_date
                        .and_then(|birth| crate::domain::profile::age_on(birth, today)),
                    nationality: c.nationality,
                    city: c.city,
                    score: r.score,
                    eligibility: r.eligibility,
                    remedies: r.remedies.clone(),
                })
            })
            .collect())
    }

    fn choice(kind: OfferKind, id: i64, reference: &str, title: &str) -> OfferChoice {
        OfferChoice {
            kind,
            id,
            reference: reference.to_owned(),
            title: title.to_owned(),
            targets_declared_group: false,
        }
    }
}
