//! The upcoming trainings and open calls, kept in memory by each server for applicants' match
//! lists. Before each use the server reads the database's catalogue counter (raised by the
//! triggers of migration 0012 on every change to an offer) and reads the offers again only
//! when it moved or the day changed. At programme scale this spares each `/matches` reading
//! and decoding some 2,000 offers; several servers on one PostgreSQL each see every change
//! made through the others. The staff's offer picker searches the same offers, by their
//! folded reference and title, without reading them from the database again.

use crate::db::Tx;
use crate::domain::catalogue::{GrantCall, OfferKind, Training};
use crate::domain::matching::eligibility::Rule;
use crate::domain::shared::reference::fold;
use crate::error::AppError;
use crate::on_conn;
use std::sync::Arc;
use time::Date;

/// The offers open to applicants on one day, as the database held them at one version of
/// the catalogue.
#[derive(Debug)]
pub struct Offers {
    version: i64,
    day: Date,
    /// Trainings starting on the day or later, soonest first.
    pub trainings: Vec<KeptOffer<Training>>,
    /// Calls open on the day, closing soonest first.
    pub calls: Vec<KeptOffer<GrantCall>>,
    /// Every offer in the picker's order, with its reference and title folded for searching.
    picker: Vec<Pick>,
}

/// An offer as kept, with the rules its fields imply (built once per read, not per request).
#[derive(Debug)]
pub struct KeptOffer<T> {
    pub id: i64,
    pub offer: T,
    pub rules: Vec<Rule>,
}

/// One offer as the picker finds it.
#[derive(Debug)]
struct Pick {
    kind: OfferKind,
    /// Its place in `trainings` or `calls`.
    index: usize,
    reference: String,
    title: String,
}

/// An offer the picker found: `(kind, id, reference, title)`.
pub type Found<'a> = (OfferKind, i64, &'a str, &'a str);

impl Offers {
    fn new(
        version: i64,
        day: Date,
        trainings: Vec<(i64, Training)>,
        calls: Vec<(i64, GrantCall)>,
    ) -> Self {
        // Soonest first: a training by its first day, a call by its last; on the same day
        // trainings before calls, then by id.
        let mut order: Vec<(Date, u8, i64, OfferKind, usize)> = trainings
            .iter()
            .enumerate()
            .map(|(index, (id, t))| (t.starts_on, 0, *id, OfferKind::Training, index))
            .chain(
                calls
                    .iter()
                    .enumerate()
                    .map(|(index, (id, c))| (c.closes_on, 1, *id, OfferKind::Call, index)),
            )
            .collect();
        order.sort_unstable_by_key(|&(day, rank, id, _, _)| (day, rank, id));
        let picker = order
            .into_iter()
            .map(|(_, _, _, kind, index)| {
                let (reference, title) = match kind {
                    OfferKind::Training => {
                        (&trainings[index].1.reference, &trainings[index].1.title)
                    }
                    OfferKind::Call => (&calls[index].1.reference, &calls[index].1.title),
                };
                Pick {
                    kind,
                    index,
                    reference: fold(reference),
                    title: fold(title),
                }
            })
            .collect();
        Offers {
            version,
            day,
            trainings: trainings
                .into_iter()
                .map(|(id, offer)| KeptOffer {
                    id,
                    rules: offer.rules(),
                    offer,
                })
                .collect(),
            calls: calls
                .into_iter()
                .map(|(id, offer)| KeptOffer {
                    id,
                    rules: offer.all_rules(),
                    offer,
                })
                .collect(),
            picker,
        }
    }

    /// The offers whose reference or title contains `search`, soonest first (a training's
    /// start, a call's closing day), at most `limit`. Case, accents and Arabic vowels are
    /// ignored ("electricite" finds "Électricité", as people type on a phone); empty finds all.
    pub fn search(&self, search: &str, limit: usize) -> Vec<Found<'_>> {
        let wanted = fold(search.trim());
        let wanted = wanted.trim();
        self.picker
            .iter()
            .filter(|pick| pick.reference.contains(wanted) || pick.title.contains(wanted))
            .take(limit)
            .map(|pick| match pick.kind {
                OfferKind::Training => {
                    let kept = &self.trainings[pick.index];
                    let t = &kept.offer;
                    (pick.kind, kept.id, t.reference.as_str(), t.title.as_str())
                }
                OfferKind::Call => {
                    let kept = &self.calls[pick.index];
                    let c = &kept.offer;
                    (pick.kind, kept.id, c.reference.as_str(), c.title.as_str())
                }
            })
            .collect()
    }
}

/// The offers, shared by all requests of one server.
#[derive(Debug, Clone, Default)]
pub struct KeptCatalogue(Arc<tokio::sync::Mutex<Option<Arc<Offers>>>>);

impl KeptCatalogue {
    /// The offers open on `today`, read again within `tx` when the catalogue changed since
    /// they were read. Requests wait while one of them reads; a read that fails keeps nothing.
    pub async fn offers(&self, tx: &mut Tx, today: Date) -> Result<Arc<Offers>, AppError> {
        let now = version(tx).await?;
        let mut kept = self.0.lock().await;
        if let Some(offers) = kept.as_ref() {
            if offers.version == now && offers.day == today {
                return Ok(Arc::clone(offers));
            }
        }
        let fresh = Arc::new(Offers::new(
            now,
            today,
            super::upcoming_trainings(tx, today).await?,
            super::open_calls(tx, today).await?,
        ));
        *kept = Some(Arc::clone(&fresh));
        Ok(fresh)
    }
}

/// The catalogue counter, read before the offers: offers read after it are at least as new,
/// so a change committed in between only makes the next request read them again.
pub(crate) async fn version(tx: &mut Tx) -> Result<i64, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar("select version from catalogue_version")
            .fetch_one(conn)
            .await
    })?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::Programme;
    use crate::domain::shared::reference::{City, Sector};
    use time::macros::date;

    fn training(reference: &str, title: &str, starts_on: Date) -> Training {
        Training {
            reference: reference.into(),
            title: title.into(),
            programme: Programme::Taehil,
            sector: Sector::SewingFashion,
            city: City::parse("rabat").expect("rabat"),
            starts_on,
            ends_on: starts_on,
            seats: 10,
            languages: vec![],
            min_education: None,
            required_documents: vec![],
            target_groups: vec![],
            skills: vec![],
        }
    }

    fn call(reference: &str, title: &str, closes_on: Date) -> GrantCall {
        GrantCall {
            reference: reference.into(),
            title: title.into(),
            closes_on,
            ..crate::domain::catalogue::example_call()
        }
    }

    #[test]
    fn the_picker_finds_offers_soonest_first_whatever_the_case_or_accents() {
        let offers = Offers::new(
            1,
            date!(2026 - 12 - 01),
            vec![
                (7, training("TNG-7", "Couture", date!(2026 - 12 - 10))),
                (
                    3,
                    training("TNG-3", "Électricité du bâtiment", date!(2026 - 12 - 20)),
                ),
            ],
            vec![
                (
                    9,
                    call("AGR-9", "Créer son activité", date!(2026 - 12 - 10)),
                ),
                (
                    2,
                    call("AGR-2", "Électricité solaire", date!(2026 - 12 - 05)),
                ),
            ],
        );
        let ids = |found: Vec<Found<'_>>| found.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>();
        // On the same day a training comes before a call.
        assert_eq!(
            ids(offers.search("", 10)),
            vec![
                (OfferKind::Call, 2),
                (OfferKind::Training, 7),
                (OfferKind::Call, 9),
                (OfferKind::Training, 3),
            ]
        );
        assert_eq!(
            ids(offers.search("  ELECTRICITE ", 10)),
            vec![(OfferKind::Call, 2), (OfferKind::Training, 3)]
        );
        assert_eq!(
            ids(offers.search("tng-", 1)),
            vec![(OfferKind::Training, 7)]
        );
        assert_eq!(
            offers.search("agr-9", 10),
            vec![(OfferKind::Call, 9, "AGR-9", "Créer son activité")]
        );
        assert!(offers.search("zzz", 10).is_empty());
    }
}
