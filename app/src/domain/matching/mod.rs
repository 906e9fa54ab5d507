//! How well an offer fits a person: a score out of 100, always shown with its parts.
//!
//! | part     | points | how |
//! |----------|-------:|-----|
//! | skills   | 50 | For a training listing skills: the mean, over those skills, of the person's credit for each — full credit for the same skill, half for another skill of the same occupation (ISCO-08 unit group). For an offer without listed skills (most grant calls): the best credit among the person's skills in the offer's sectors. Credit = level (beginner 40 %, intermediate 70 %, advanced 90 %, expert 100 %) × experience (60 % + 8 % per year, capped at 5 years). |
//! | sector   | 25 | 25 when the offer is in a sector the person wants to work in (or the offer is open to every sector); 10 when they have a skill in one of its sectors; else 0. |
//! | city     | 15 | The offer takes place in the person's city (or anywhere). |
//! | language | 10 | The person speaks one of the offer's languages (or none is required). |
//!
//! Scores only order offers a person can already take, or could once they act on the
//! remedies of `domain::matching::eligibility`; eligibility is never traded against a high score.

pub mod eligibility;
pub mod problem;
pub mod shortlist;

use crate::domain::profile::{Facts, Language, SkillClaim, SkillLevel};
use crate::domain::shared::reference::{reference, City, Sector, SkillId};
use serde::{Deserialize, Serialize};

pub const SKILLS_MAX: u8 = 50;
pub const SECTOR_MAX: u8 = 25;
pub const SECTOR_EXPERIENCE: u8 = 10;
pub const CITY_MAX: u8 = 15;
pub const LANGUAGE_MAX: u8 = 10;

/// What of an offer the score reads. Empty lists mean "no restriction".
#[derive(Debug, Clone, Copy)]
pub struct OfferTraits<'a> {
    pub sectors: &'a [Sector],
    pub cities: &'a [City],
    pub languages: &'a [Language],
    pub skills: &'a [SkillId],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Score {
    pub skills: u8,
    pub sector: u8,
    pub city: u8,
    pub language: u8,
}

impl Score {
    pub fn total(&self) -> u8 {
        self.skills + self.sector + self.city + self.language
    }
}

/// A score and the person's skills that earned its skills part (strongest first, at most 3),
/// for "fits because you can …".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Fit {
    pub score: Score,
    pub matched_skills: Vec<SkillId>,
}

fn level_percent(level: SkillLevel) -> u32 {
    match level {
        SkillLevel::Beginner => 40,
        SkillLevel::Intermediate => 70,
        SkillLevel::Advanced => 90,
        SkillLevel::Expert => 100,
    }
}

/// A claim's credit in hundredths of a percent (0..=10 000).
pub fn credit(claim: &SkillClaim) -> u32 {
    let experience = 60 + 8 * u32::from(claim.years.min(5));
    level_percent(claim.level) * experience
}

/// The person's credit for `wanted`, and the claim that earned it.
fn best_credit(facts: &Facts, wanted: SkillId) -> Option<(u32, SkillId)> {
    if let Some(claim) = facts.claim(wanted) {
        return Some((credit(claim), claim.skill));
    }
    let isco = reference().skill(wanted).isco;
    facts
        .skills
        .iter()
        .filter(|c| reference().skill(c.skill).isco == isco)
        .map(|c| (credit(c) / 2, c.skill))
        .max()
}

/// How well the person fits the offer, and the (up to three) skills of theirs that counted
/// most, for an explanation.
pub fn fit(facts: &Facts, offer: &OfferTraits<'_>) -> Fit {
    let mut earned: Vec<(u32, SkillId)> = Vec::new();
    let score = scored(facts, offer, |found| earned.push(found));
    earned.sort_by(|a, b| b.cmp(a));
    earned.dedup_by_key(|(_, skill)| *skill);
    earned.truncate(3);
    Fit {
        score,
        matched_skills: earned.into_iter().map(|(_, skill)| skill).collect(),
    }
}

/// The score alone, as [`fit`] gives it, without keeping which skills earned it: what ranking
/// thousands of offers or people needs (no allocation per offer).
pub fn score(facts: &Facts, offer: &OfferTraits<'_>) -> Score {
    scored(facts, offer, |_| {})
}

/// The score, telling `earned` of each skill credit that counts.
fn scored(facts: &Facts, offer: &OfferTraits<'_>, mut earned: impl FnMut((u32, SkillId))) -> Score {
    let skills = if offer.skills.is_empty() {
        let best = facts
            .skills
            .iter()
            .filter(|c| in_sectors(offer.sectors, reference().skill(c.skill).sector))
            .map(|c| (credit(c), c.skill))
            .max();
        best.into_iter().for_each(&mut earned);
        best.map_or(0, |(credit, _)| credit)
    } else {
        let mut total = 0;
        for wanted in offer.skills {
            if let Some(found) = best_credit(facts, *wanted) {
                total += found.0;
                earned(found);
            }
        }
        total / offer.skills.len() as u32
    };
    let sector = if offer.sectors.is_empty()
        || offer
            .sectors
            .iter()
            .any(|s| facts.sectors_of_interest.contains(s))
    {
        SECTOR_MAX
    } else if facts
        .skills
        .iter()
        .any(|c| offer.sectors.contains(&reference().skill(c.skill).sector))
    {
        SECTOR_EXPERIENCE
    } else {
        0
    };
    let city = match facts.city {
        Some(city) if offer.cities.is_empty() || offer.cities.contains(&city) => CITY_MAX,
        None if offer.cities.is_empty() => CITY_MAX,
        _ => 0,
    };
    let language = if offer.languages.is_empty()
        || facts.languages.iter().any(|l| offer.languages.contains(l))
    {
        LANGUAGE_MAX
    } else {
        0
    };
    Score {
        // `skills` is at most 10 000, so the rounded part is at most 50.
        skills: ((skills * u32::from(SKILLS_MAX) + 5_000) / 10_000) as u8,
        sector,
        city,
        language,
    }
}

fn in_sectors(sectors: &[Sector], sector: Sector) -> bool {
    sectors.is_empty() || sectors.contains(&sector)
}

/// Indices of `offers` from best to worst fit; ties keep the offers' order (callers list
/// offers by start or closing date, so the sooner one comes first).
pub fn rank<'a>(
    facts: &Facts,
    offers: impl IntoIterator<Item = OfferTraits<'a>>,
) -> Vec<(usize, Fit)> {
    let mut ranked: Vec<(usize, Fit)> = offers
        .into_iter()
        .enumerate()
        .map(|(i, offer)| (i, fit(facts, &offer)))
        .collect();
    // A stable sort: ties keep the callers' order.
    ranked.sort_by_key(|(_, fit)| std::cmp::Reverse(fit.score.total()));
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::{Facts, SkillClaim};
    use proptest::prelude::*;

    fn skill(code: &str) -> SkillId {
        SkillId::parse(code).unwrap_or_else(|| panic!("{code} in the taxonomy"))
    }

    fn first_two_skills_of_one_occupation() -> (SkillId, SkillId) {
        let r = reference();
        let a = &r.skills[0];
        let b = r
            .skills
            .iter()
            .find(|s| s.isco == a.isco && s.code != a.code)
            .expect("two skills");
        (skill(a.code), skill(b.code))
    }

    fn person(claims: &[(SkillId, SkillLevel, u8)]) -> Facts {
        let mut facts = Facts {
            skills: claims
                .iter()
                .map(|&(skill, level, years)| SkillClaim {
                    skill,
                    level,
                    years,
                })
                .collect(),
            city: City::parse("tanger"),
            languages: vec![Language::French],
            ..Facts::default()
        };
        facts.normalise();
        facts
    }

    #[test]
    fn an_expert_of_the_taught_skill_in_the_right_city_scores_full_marks() {
        let (a, _) = first_two_skills_of_one_occupation();
        let mut facts = person(&[(a, SkillLevel::Expert, 7)]);
        facts.sectors_of_interest = vec![a.skill().sector];
        let tanger = [City::parse("tanger").expect("tanger")];
        let offer = OfferTraits {
            sectors: &[a.skill().sector],
            cities: &tanger,
            languages: &[Language::French, Language::Darija],
            skills: &[a],
        };
        let fit = fit(&facts, &offer);
        assert_eq!(fit.score.total(), 100);
        assert_eq!(fit.matched_skills, vec![a]);
    }

    #[test]
    fn a_neighbouring_skill_earns_half_and_a_beginner_less_than_an_expert() {
        let (a, b) = first_two_skills_of_one_occupation();
        let offer = OfferTraits {
            sectors: &[],
            cities: &[],
            languages: &[],
            skills: &[a],
        };
        let exact = fit(&person(&[(a, SkillLevel::Expert, 5)]), &offer)
            .score
            .skills;
        let neighbour = fit(&person(&[(b, SkillLevel::Expert, 5)]), &offer)
            .score
            .skills;
        let beginner = fit(&person(&[(a, SkillLevel::Beginner, 0)]), &offer)
            .score
            .skills;
        assert_eq!((exact, neighbour), (50, 25));
        // 40 % × 60 % of 50 points.
        assert_eq!(beginner, 12);
    }

    #[test]
    fn ranking_puts_the_better_fit_first_and_keeps_order_on_ties() {
        let (a, _) = first_two_skills_of_one_occupation();
        let facts = person(&[(a, SkillLevel::Advanced, 3)]);
        let far = [City::parse("oujda").expect("oujda")];
        let offers = [
            OfferTraits {
                sectors: &[],
                cities: &far,
                languages: &[],
                skills: &[a],
            },
            OfferTraits {
                sectors: &[],
                cities: &[],
                languages: &[],
                skills: &[a],
            },
            OfferTraits {
                sectors: &[],
                cities: &[],
                languages: &[],
                skills: &[a],
            },
        ];
        let order: Vec<usize> = rank(&facts, offers).into_iter().map(|(i, _)| i).collect();
        assert_eq!(order, vec![1, 2, 0]);
    }

    proptest! {
        #[test]
        fn a_score_never_exceeds_its_parts_maxima(
            claims in proptest::collection::vec(
                (0..reference().skills.len(), 0..4usize, 0u8..40), 0..12),
            wanted in proptest::collection::vec(0..reference().skills.len(), 0..6),
        ) {
            let claims: Vec<_> = claims
                .into_iter()
                .map(|(s, l, y)| (SkillId::all().nth(s).expect("skill"), SkillLevel::ALL[l], y))
                .collect();
            let wanted: Vec<SkillId> =
                wanted.into_iter().map(|s| SkillId::all().nth(s).expect("skill")).collect();
            let facts = person(&claims);
            let offer = OfferTraits { sectors: &[], cities: &[], languages: &[], skills: &wanted };
            let fit = fit(&facts, &offer);
            prop_assert_eq!(score(&facts, &offer), fit.score, "ranking scores as explanations do");
            prop_assert!(fit.score.skills <= SKILLS_MAX);
            prop_assert!(fit.score.total() <= 100);
            prop_assert!(fit.matched_skills.len() <= 3);
        }
    }
}
