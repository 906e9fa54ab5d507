//! The "matched" indicator: who has been found eligible for at least one open training or call.
//!
//! Eligibility is the rule engine's (`domain::matching::eligibility`), so it cannot be counted
//! in SQL. Each check runs over the people the staff lists may process (consenting, active
//! applicants, the facts the server keeps in memory) against the catalogue of the day, and the
//! database records who was found (`db::reporting::matched`). Once found, a person stays
//! matched: the indicator counts people the programme could offer something to, as
//! "enrolled" still counts someone whose training has ended.
//!
//! Groups a person declares (survivors of trafficking, …) are never read here, as on staff
//! lists: an offer open only to a declared group is not checked. The report also counts as
//! matched everyone who asked for a seat or started a plan (both need eligibility by the
//! person's own facts), so "matched" never falls below those steps and no difference between
//! them singles out a declared group (`db::reporting::cube`).

use crate::domain::matching::eligibility::{is_eligible, Rule};
use crate::domain::profile::Facts;
use std::collections::HashSet;
use time::Date;

/// Whom a check looks at.
#[derive(Debug, Clone, Copy)]
pub enum Among<'a> {
    /// Everyone not matched yet: the catalogue or the day changed since the last check.
    Everyone,
    /// Only these accounts (their facts changed since the last check).
    Changed(&'a HashSet<i64>),
}

/// The accounts of `people` not in `already`, chosen by `among`, who meet every rule of at
/// least one of `offers` on `day`, in `people`'s order.
pub fn newly_matched<'a>(
    people: impl IntoIterator<Item = &'a (i64, Facts)>,
    offers: &[&[Rule]],
    day: Date,
    already: &HashSet<i64>,
    among: Among<'_>,
) -> Vec<i64> {
    // Offers often share their rules (a city's trainings ask for the same papers and
    // languages): each distinct list is checked once per person. At programme scale, some
    // 2,000 offers come down to a few hundred lists.
    let mut distinct: Vec<&[Rule]> = Vec::with_capacity(offers.len());
    for rules in offers {
        if !distinct.contains(rules) {
            distinct.push(rules);
        }
    }
    people
        .into_iter()
        .filter(|(id, _)| !already.contains(id))
        .filter(|(id, _)| match among {
            Among::Everyone => true,
            Among::Changed(changed) => changed.contains(id),
        })
        .filter(|(_, facts)| distinct.iter().any(|rules| is_eligible(rules, facts, day)))
        .map(|(id, _)| *id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::{Document, DocumentKind, Sex};
    use time::macros::date;

    const DAY: Date = date!(2026 - 12 - 07);

    fn woman(born: Date, card: bool) -> Facts {
        Facts {
            birth_date: Some(born),
            sex: Some(Sex::Female),
            documents: if card {
                vec![Document {
                    kind: DocumentKind::ResidenceCard,
                    expires_on: None,
                }]
            } else {
                vec![]
            },
            ..Facts::default()
        }
    }

    fn people() -> Vec<(i64, Facts)> {
        vec![
            (1, woman(date!(1997 - 03 - 14), true)),
            (2, woman(date!(1997 - 03 - 14), false)),
            (3, woman(date!(2010 - 01 - 01), false)),
            (4, Facts::default()),
        ]
    }

    fn card_call() -> Vec<Rule> {
        vec![
            Rule::Age {
                min: Some(18),
                max: None,
            },
            Rule::Document {
                any_of: vec![DocumentKind::ResidenceCard],
            },
        ]
    }

    fn youth_training() -> Vec<Rule> {
        vec![Rule::Age {
            min: Some(15),
            max: Some(17),
        }]
    }

    #[test]
    fn a_person_meeting_every_rule_of_any_one_offer_is_matched() {
        let (call, training) = (card_call(), youth_training());
        let offers: [&[Rule]; 2] = [&call, &training];
        let found = newly_matched(&people(), &offers, DAY, &HashSet::new(), Among::Everyone);
        // 1 holds the card the call asks for; 3 is 16, the training's age; 2 is 29 without
        // papers; 4 gave no birth date (an age rule is not met without one).
        assert_eq!(found, [1, 3]);
    }

    #[test]
    fn no_offer_matches_no_one() {
        let found = newly_matched(&people(), &[], DAY, &HashSet::new(), Among::Everyone);
        assert!(found.is_empty());
        // An offer without rules is open to everyone.
        let open: [&[Rule]; 1] = [&[]];
        let found = newly_matched(&people(), &open, DAY, &HashSet::new(), Among::Everyone);
        assert_eq!(found, [1, 2, 3, 4]);
    }

    #[test]
    fn people_already_matched_or_unchanged_are_not_checked_again() {
        let call = card_call();
        let offers: [&[Rule]; 1] = [&call];
        let already = HashSet::from([1]);
        assert!(newly_matched(&people(), &offers, DAY, &already, Among::Everyone).is_empty());
        let open: [&[Rule]; 1] = [&[]];
        let changed = HashSet::from([2, 4]);
        let found = newly_matched(&people(), &open, DAY, &already, Among::Changed(&changed));
        assert_eq!(found, [2, 4]);
    }

    #[test]
    fn the_day_of_the_check_decides_ages_and_papers() {
        let call = card_call();
        let offers: [&[Rule]; 1] = [&call];
        // Born 2008-12-08: 17 on the 7th of December 2026, 18 the next day.
        let teen = vec![(5, {
            let mut facts = woman(date!(2008 - 12 - 08), true);
            facts.documents[0].expires_on = Some(date!(2027 - 01 - 31));
            facts
        })];
        let none = HashSet::new();
        assert!(newly_matched(&teen, &offers, DAY, &none, Among::Everyone).is_empty());
        let next_day = date!(2026 - 12 - 08);
        assert_eq!(
            newly_matched(&teen, &offers, next_day, &none, Among::Everyone),
            [5]
        );
        // Her card has expired by then.
        let later = date!(2027 - 02 - 01);
        assert!(newly_matched(&teen, &offers, later, &none, Among::Everyone).is_empty());
    }
}
