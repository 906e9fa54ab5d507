//! Who could possibly be on a shortlist, said in terms a database can check: the conditions
//! every listed person meets, derived from the offer's rules and the staff's filter. The
//! database uses them to leave most profiles unread; the engine ([`super::shortlist`]) still
//! judges everyone it is given, so a condition may let too many people through but must never
//! keep out one who would be listed. `admits` says the same in Rust, for the tests that hold
//! both sides to that promise.

use crate::domain::matching::eligibility::Rule;
use crate::domain::matching::shortlist::Filter;
use crate::domain::profile::{DocumentKind, Education, Facts, Programme, Sex, TargetGroup};
use time::{Date, Duration};

/// A profile column that holds one code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Sex,
    Nationality,
    City,
    Education,
}

/// One condition on a person's profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// The column holds one of `codes`, or (when `or_unknown`) nothing yet.
    OneOf {
        column: Column,
        codes: Vec<&'static str>,
        or_unknown: bool,
    },
    /// Born on or after `day`, or (when `or_unknown`) no birth date yet.
    BornSince { day: Date, or_unknown: bool },
    /// Born on or before `day` (no birth date: not admitted).
    BornBy { day: Date },
    /// Holds a paper of one of `kinds` valid on `on`.
    Holds { kinds: Vec<DocumentKind>, on: Date },
    /// Speaks one of `codes`.
    Speaks { codes: Vec<&'static str> },
    /// Completed a training of this programme.
    Completed { programme: Programme },
}

/// The conditions of a shortlist for an offer with `rules`, assessed on `day`.
pub fn conditions(rules: &[Rule], day: Date, filter: &Filter) -> Vec<Condition> {
    let mut all = Vec::new();
    if let Some(city) = filter.city {
        all.push(one_of(Column::City, vec![city.code()], false));
    }
    if let Some(sex) = filter.sex {
        all.push(one_of(Column::Sex, vec![sex.code()], false));
    }
    // A rule met only later (with a remedy) keeps a person on the list when staff ask for
    // those who are "not yet" eligible; a rule that nobody can change keeps them off always.
    let later = filter.include_not_yet;
    for rule in rules {
        match rule {
            Rule::Age { min, max } => {
                if let Some(max) = max {
                    all.push(Condition::BornSince {
                        day: years_before(day, u32::from(*max) + 1) - Duration::days(1),
                        or_unknown: later,
                    });
                }
                match min {
                    Some(min) if !later => all.push(Condition::BornBy {
                        day: years_before(day, u32::from(*min)) + Duration::days(1),
                    }),
                    _ if !later => all.push(Condition::BornBy { day }),
                    _ => {}
                }
            }
            Rule::Sex { any_of } => all.push(one_of(
                Column::Sex,
                any_of.iter().map(|s| s.code()).collect(),
                later,
            )),
            Rule::Nationality { any_of } => all.push(one_of(
                Column::Nationality,
                any_of.iter().map(|c| c.code()).collect(),
                later,
            )),
            Rule::City { any_of } => all.push(one_of(
                Column::City,
                any_of.iter().map(|c| c.code()).collect(),
                later,
            )),
            Rule::TargetGroup { any_of } if any_of == &[TargetGroup::Women] => {
                all.push(one_of(Column::Sex, vec![Sex::Female.code()], later))
            }
            Rule::TargetGroup { .. } => {}
            _ if later => {}
            Rule::Document { any_of } => all.push(Condition::Holds {
                kinds: any_of.clone(),
                on: day,
            }),
            Rule::Education { min } => all.push(one_of(
                Column::Education,
                Education::ALL
                    .iter()
                    .filter(|level| *level >= min)
                    .map(|level| level.code())
                    .collect(),
                false,
            )),
            Rule::Language { any_of } => all.push(Condition::Speaks {
                codes: any_of.iter().map(|l| l.code()).collect(),
            }),
            Rule::CompletedTraining { programme } => all.push(Condition::Completed {
                programme: *programme,
            }),
        }
    }
    all
}

fn one_of(column: Column, codes: Vec<&'static str>, or_unknown: bool) -> Condition {
    Condition::OneOf {
        column,
        codes,
        or_unknown,
    }
}

/// `day`, `years` years earlier (the 28th when that year's February has no 29th). The callers
/// move it one day further out, so the bound is looser than the exact age rule by a day and a
/// leap day never keeps anyone out.
fn years_before(day: Date, years: u32) -> Date {
    let year = day.year() - i32::try_from(years).unwrap_or(i32::MAX);
    Date::from_calendar_date(year, day.month(), day.day())
        .or_else(|_| Date::from_calendar_date(year, day.month(), 28))
        .unwrap_or(Date::MIN)
}

impl Condition {
    /// Whether `facts` meet this condition (what the database checks, in Rust).
    pub fn admits(&self, facts: &Facts) -> bool {
        match self {
            Condition::OneOf {
                column,
                codes,
                or_unknown,
            } => {
                let code = match column {
                    Column::Sex => facts.sex.map(|s| s.code()),
                    Column::Nationality => facts.nationality.map(|c| c.code()),
                    Column::City => facts.city.map(|c| c.code()),
                    Column::Education => facts.education.map(|e| e.code()),
                };
                code.map_or(*or_unknown, |code| codes.contains(&code))
            }
            Condition::BornSince { day, or_unknown } => {
                facts.birth_date.map_or(*or_unknown, |birth| birth >= *day)
            }
            Condition::BornBy { day } => facts.birth_date.is_some_and(|birth| birth <= *day),
            Condition::Holds { kinds, on } => facts
                .documents
                .iter()
                .any(|d| kinds.contains(&d.kind) && d.valid_on(*on)),
            Condition::Speaks { codes } => {
                facts.languages.iter().any(|l| codes.contains(&l.code()))
            }
            Condition::Completed { programme } => facts.completed.contains(programme),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::matching::eligibility::tests::{any_facts, any_rule};
    use crate::domain::matching::shortlist::shortlist;
    use crate::domain::matching::OfferTraits;
    use proptest::prelude::*;
    use time::macros::date;

    const TRAITS: OfferTraits<'static> = OfferTraits {
        sectors: &[],
        cities: &[],
        languages: &[],
        skills: &[],
    };

    fn listed(rules: &[Rule], day: Date, facts: &Facts, filter: &Filter) -> bool {
        !shortlist(rules, &TRAITS, day, std::slice::from_ref(facts), filter).is_empty()
    }

    #[test]
    fn an_age_range_becomes_two_birth_date_bounds_a_day_loose() {
        let rules = [Rule::Age {
            min: Some(18),
            max: Some(35),
        }];
        let day = date!(2026 - 12 - 05);
        assert_eq!(
            conditions(&rules, day, &Filter::default()),
            vec![
                Condition::BornSince {
                    day: date!(1990 - 12 - 04),
                    or_unknown: false
                },
                Condition::BornBy {
                    day: date!(2008 - 12 - 06)
                },
            ]
        );
    }

    #[test]
    fn birth_date_bounds_keep_everyone_of_age_across_leap_days() {
        let rules = [Rule::Age {
            min: Some(18),
            max: Some(35),
        }];
        let mut day = date!(2027 - 12 - 01);
        while day < date!(2028 - 04 - 01) {
            let near = |years: i32| {
                let centre =
                    Date::from_calendar_date(day.year() - years, day.month(), day.day().min(28))
                        .expect("a day of the month every year has");
                (-4..=4).map(move |d| centre + Duration::days(d))
            };
            for birth_date in near(18).chain(near(36)) {
                let facts = Facts {
                    birth_date: Some(birth_date),
                    ..Facts::default()
                };
                let of_age = listed(&rules, day, &facts, &Filter::default());
                let admitted = conditions(&rules, day, &Filter::default())
                    .iter()
                    .all(|c| c.admits(&facts));
                assert!(admitted || !of_age, "born {birth_date} kept out on {day}");
            }
            day = day.next_day().expect("a next day");
        }
    }

    #[test]
    fn asking_for_those_not_yet_eligible_keeps_only_the_rules_nobody_can_change() {
        let rules = [
            Rule::Document {
                any_of: vec![DocumentKind::ResidenceCard],
            },
            Rule::Sex {
                any_of: vec![Sex::Female],
            },
        ];
        let not_yet = Filter {
            include_not_yet: true,
            ..Filter::default()
        };
        assert_eq!(
            conditions(&rules, date!(2026 - 12 - 05), &not_yet),
            vec![one_of(Column::Sex, vec!["female"], true)]
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// The promise the database relies on: nobody who would be listed is kept out.
        #[test]
        fn no_condition_keeps_out_a_person_the_engine_lists(
            rules in proptest::collection::vec(any_rule(), 0..5),
            facts in any_facts(),
            not_yet in any::<bool>(),
            by_city in any::<bool>(),
            by_sex in any::<bool>(),
            offset in 0i64..3_000,
        ) {
            let day = date!(2026 - 01 - 01) + Duration::days(offset);
            let filter = Filter {
                city: facts.city.filter(|_| by_city),
                sex: facts.sex.filter(|_| by_sex),
                min_score: 0,
                include_not_yet: not_yet,
            };
            if listed(&rules, day, &facts, &filter) {
                for condition in conditions(&rules, day, &filter) {
                    prop_assert!(condition.admits(&facts), "{:?} kept out {:?}", condition, facts);
                }
            }
        }
    }
}
