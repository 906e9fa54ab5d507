//! The matching targets of issue 3, measured:
//! - one applicant's profile against 2,000 open offers (p50 ≤ 1 ms);
//! - one grant call against 50,000 profiles (≤ 100 ms);
//! - who of 50,000 people is eligible for at least one of 2,000 offers: the donor report's full
//!   "matched" check, after a start, a catalogue change or a new day (no target of its own; it
//!   runs once, before the report's 300 ms).
//!
//! Run with `cargo bench -p app --bench matching`; the README records the figures.
//! The data is synthetic and deterministic: a few skills per person, offers in Rabat, Tanger and
//! elsewhere, three to five rules per offer.

use app::domain::matching::eligibility::{assess, is_eligible, Rule};
use app::domain::matching::{fit, rank, OfferTraits};
use app::domain::profile::{
    Document, DocumentKind, Education, Facts, Language, Programme, Sex, SkillClaim, SkillLevel,
    TargetGroup,
};
use app::domain::reporting::matched::{newly_matched, Among};
use app::domain::shared::reference::{City, Country, Sector, SkillId};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use time::macros::date;
use time::Date;

const TODAY: Date = date!(2026 - 11 - 29);

/// A small deterministic generator (no dependency, same data on every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % below
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.next(items.len())]
    }
}

struct Offer {
    sectors: Vec<Sector>,
    cities: Vec<City>,
    languages: Vec<Language>,
    skills: Vec<SkillId>,
    rules: Vec<Rule>,
}

impl Offer {
    fn traits(&self) -> OfferTraits<'_> {
        OfferTraits {
            sectors: &self.sectors,
            cities: &self.cities,
            languages: &self.languages,
            skills: &self.skills,
        }
    }
}

fn cities() -> Vec<City> {
    City::all().collect()
}

fn person(rng: &mut Lcg) -> Facts {
    let skills: Vec<SkillId> = SkillId::all().collect();
    let countries: Vec<Country> = Country::all().collect();
    let cities = cities();
    let mut facts = Facts {
        birth_date: Some(TODAY - time::Duration::days(365 * (18 + rng.next(40)) as i64)),
        sex: Some(rng.pick(&Sex::ALL)),
        nationality: Some(rng.pick(&countries)),
        city: Some(cities[rng.next(4)]),
        education: Some(rng.pick(&Education::ALL)),
        languages: vec![Language::French, rng.pick(&Language::ALL)],
        documents: vec![Document {
            kind: rng.pick(&DocumentKind::ALL),
            expires_on: Some(TODAY + time::Duration::days(rng.next(900) as i64 - 300)),
        }],
        declared_groups: vec![],
        completed: if rng.next(4) == 0 {
            vec![Programme::SelfEmployment]
        } else {
            vec![]
        },
        skills: (0..1 + rng.next(5))
            .map(|_| SkillClaim {
                skill: rng.pick(&skills),
                level: rng.pick(&SkillLevel::ALL),
                years: rng.next(12) as u8,
            })
            .collect(),
        sectors_of_interest: vec![rng.pick(&Sector::ALL), rng.pick(&Sector::ALL)],
    };
    facts.normalise();
    facts
}

fn offer(rng: &mut Lcg) -> Offer {
    let skills: Vec<SkillId> = SkillId::all().collect();
    let cities = cities();
    let mut rules = vec![
        Rule::Age {
            min: Some(18),
            max: Some(if rng.next(2) == 0 { 35 } else { 59 }),
        },
        Rule::Document {
            any_of: vec![DocumentKind::ResidenceCard, DocumentKind::RefugeeCard],
        },
        Rule::City {
            any_of: vec![cities[rng.next(4)], cities[rng.next(6)]],
        },
    ];
    if rng.next(3) == 0 {
        rules.push(Rule::TargetGroup {
            any_of: vec![TargetGroup::Women, TargetGroup::Youth],
        });
    }
    if rng.next(3) == 0 {
        rules.push(Rule::CompletedTraining {
            programme: Programme::SelfEmployment,
        });
    }
    Offer {
        sectors: vec![rng.pick(&Sector::ALL)],
        cities: vec![cities[rng.next(4)]],
        languages: vec![Language::French, Language::Darija],
        skills: (0..rng.next(5)).map(|_| rng.pick(&skills)).collect(),
        rules,
    }
}

/// What the applicant's match page computes: every rule explained, every offer scored, ranked.
fn match_profile(facts: &Facts, offers: &[Offer]) -> usize {
    let assessments: Vec<_> = offers
        .iter()
        .map(|o| assess(&o.rules, facts, TODAY))
        .collect();
    let ranked = rank(facts, offers.iter().map(Offer::traits));
    assessments.len() + ranked.len()
}

/// What a call's staff page computes: who is eligible, scored and ranked.
fn match_call(call: &Offer, people: &[Facts]) -> usize {
    let traits = call.traits();
    let mut eligible: Vec<(u8, usize)> = people
        .iter()
        .enumerate()
        .filter(|(_, p)| is_eligible(&call.rules, p, TODAY))
        .map(|(i, p)| (fit(p, &traits).score.total(), i))
        .collect();
    eligible.sort_unstable_by(|a, b| b.cmp(a));
    eligible.len()
}

fn benches(c: &mut Criterion) {
    let mut rng = Lcg(2026);
    let offers: Vec<Offer> = (0..2_000).map(|_| offer(&mut rng)).collect();
    let people: Vec<Facts> = (0..50_000).map(|_| person(&mut rng)).collect();
    let applicant = person(&mut rng);
    c.bench_function("one profile against 2000 offers", |b| {
        b.iter(|| match_profile(black_box(&applicant), black_box(&offers)))
    });
    let call = &offers[7];
    let mut group = c.benchmark_group("staff");
    group.sample_size(20);
    group.bench_function("one call against 50000 profiles", |b| {
        b.iter(|| match_call(black_box(call), black_box(&people)))
    });
    let indexed: Vec<(i64, Facts)> = people
        .iter()
        .cloned()
        .zip(0..)
        .map(|(f, i)| (i, f))
        .collect();
    let rules: Vec<&[Rule]> = offers.iter().map(|o| o.rules.as_slice()).collect();
    let none = std::collections::HashSet::new();
    group.bench_function("who of 50000 people fits any of 2000 offers", |b| {
        b.iter(|| {
            newly_matched(
                black_box(&indexed),
                black_box(&rules),
                TODAY,
                &none,
                Among::Everyone,
            )
            .len()
        })
    });
    group.finish();
}

criterion_group!(matching, benches);
criterion_main!(matching);
