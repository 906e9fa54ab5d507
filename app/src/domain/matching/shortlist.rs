//! For one training or call, the applicants it suits: eligible ones (and, if staff ask, those
//! who could become eligible) ranked by the same fit score applicants see, filtered by the
//! staff's criteria. Pure: the caller brings the facts.

use crate::domain::matching::eligibility::{assess, verdict, Eligibility, Remedy, Rule};
use crate::domain::matching::problem::MatchingProblem;
use crate::domain::matching::{score, OfferTraits, Score};
use crate::domain::problem::FieldProblem;
use crate::domain::profile::{Facts, Sex};
use crate::domain::shared::problem::{Field, SharedProblem};
use crate::domain::shared::reference::City;
use serde::{Deserialize, Serialize};
use time::Date;

/// Lines per page on screen (a CSV export has them all).
pub const PAGE_SIZE: usize = 50;

/// What staff narrow the list by. Empty fields mean "any".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Filter {
    pub city: Option<City>,
    pub sex: Option<Sex>,
    pub min_score: u8,
    /// Also list those who are not eligible yet but could be (with what they miss).
    pub include_not_yet: bool,
}

impl Filter {
    /// Reads the filter form; each bad field gets its own problem.
    pub fn parse(
        city: &str,
        sex: &str,
        min_score: &str,
        not_yet: &str,
    ) -> Result<Filter, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let city = match city.trim() {
            "" => None,
            code => City::parse(code).or_else(|| {
                problems.push(FieldProblem::new(Field::City, SharedProblem::CityUnknown));
                None
            }),
        };
        let sex = match sex.trim() {
            "" => None,
            code => Sex::from_code(code).or_else(|| {
                problems.push(FieldProblem::new(Field::Sex, SharedProblem::SexUnknown));
                None
            }),
        };
        let min_score = match min_score.trim() {
            "" => 0,
            text => match text.parse::<u8>() {
                Ok(score) if score <= 100 => score,
                _ => {
                    problems.push(FieldProblem::new(
                        Field::Score,
                        MatchingProblem::ScoreInvalid,
                    ));
                    0
                }
            },
        };
        let include_not_yet = matches!(not_yet.trim(), "1" | "true" | "on");
        if problems.is_empty() {
            Ok(Filter {
                city,
                sex,
                min_score,
                include_not_yet,
            })
        } else {
            Err(problems)
        }
    }

    fn admits_person(&self, facts: &Facts) -> bool {
        self.city.is_none_or(|city| facts.city == Some(city))
            && self.sex.is_none_or(|sex| facts.sex == Some(sex))
    }
}

/// One applicant on the list: who (by the caller's index), how well they fit, and what they
/// still miss when not eligible yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub index: usize,
    pub score: Score,
    pub eligibility: Eligibility,
    pub remedies: Vec<Remedy>,
}

/// One person's place on a shortlist, by account, before their name is read (what a server
/// keeps of a ranking).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub user_id: i64,
    pub score: Score,
    pub eligibility: Eligibility,
    pub remedies: Vec<Remedy>,
}

/// The applicants admitted by `filter`, eligible ones first, then best fit; ties keep the
/// callers' order (so the list is stable from one request to the next).
pub fn shortlist<'a>(
    rules: &[Rule],
    traits: &OfferTraits<'_>,
    on: Date,
    people: impl IntoIterator<Item = &'a Facts>,
    filter: &Filter,
) -> Vec<Candidate> {
    let mut list: Vec<Candidate> = people
        .into_iter()
        .enumerate()
        .filter(|(_, facts)| filter.admits_person(facts))
        .filter_map(|(index, facts)| {
            // The verdict first: most people are left out, and only those listed while not
            // yet eligible need their rules explained (for what they miss).
            let eligibility = verdict(rules, facts, on);
            let wanted = eligibility == Eligibility::Eligible
                || (filter.include_not_yet && eligibility == Eligibility::NotYet);
            if !wanted {
                return None;
            }
            let score = score(facts, traits);
            (score.total() >= filter.min_score).then(|| Candidate {
                index,
                score,
                eligibility,
                remedies: match eligibility {
                    Eligibility::Eligible => Vec::new(),
                    _ => assess(rules, facts, on)
                        .checks
                        .into_iter()
                        .filter(|c| !c.met)
                        .filter_map(|c| c.remedy)
                        .collect(),
                },
            })
        })
        .collect();
    list.sort_by_key(|c| {
        (
            c.eligibility != Eligibility::Eligible,
            std::cmp::Reverse(c.score.total()),
        )
    });
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::{Document, DocumentKind};
    use time::macros::date;

    fn person(city: &str, sex: Sex, card: bool) -> Facts {
        Facts {
            sex: Some(sex),
            birth_date: Some(date!(1995 - 01 - 01)),
            city: City::parse(city),
            documents: card
                .then_some(Document {
                    kind: DocumentKind::ResidenceCard,
                    expires_on: Some(date!(2030 - 01 - 01)),
                })
                .into_iter()
                .collect(),
            ..Facts::default()
        }
    }

    fn rules() -> Vec<Rule> {
        vec![Rule::Document {
            any_of: vec![DocumentKind::ResidenceCard],
        }]
    }

    fn traits(city: &City) -> OfferTraits<'_> {
        OfferTraits {
            sectors: &[],
            cities: std::slice::from_ref(city),
            languages: &[],
            skills: &[],
        }
    }

    #[test]
    fn only_eligible_people_are_listed_unless_staff_ask_for_the_others() {
        let tanger = City::parse("tanger").expect("tanger");
        let people = [
            person("tanger", Sex::Female, false),
            person("rabat", Sex::Male, true),
        ];
        let on = date!(2026 - 12 - 01);
        let listed = shortlist(&rules(), &traits(&tanger), on, &people, &Filter::default());
        assert_eq!(listed.iter().map(|c| c.index).collect::<Vec<_>>(), vec![1]);

        let all = Filter {
            include_not_yet: true,
            ..Filter::default()
        };
        let listed = shortlist(&rules(), &traits(&tanger), on, &people, &all);
        assert_eq!(
            listed.iter().map(|c| c.index).collect::<Vec<_>>(),
            vec![1, 0]
        );
        assert_eq!(listed[1].eligibility, Eligibility::NotYet);
        assert_eq!(
            listed[1].remedies,
            vec![Remedy::GetDocument {
                any_of: vec![DocumentKind::ResidenceCard]
            }]
        );
    }

    #[test]
    fn better_fits_come_first_and_filters_narrow_the_list() {
        let tanger = City::parse("tanger").expect("tanger");
        let people = [
            person("rabat", Sex::Male, true),
            person("tanger", Sex::Female, true),
        ];
        let on = date!(2026 - 12 - 01);
        let listed = shortlist(&rules(), &traits(&tanger), on, &people, &Filter::default());
        assert_eq!(
            listed.iter().map(|c| c.index).collect::<Vec<_>>(),
            vec![1, 0]
        );
        let (best, other) = (listed[0].score.total(), listed[1].score.total());
        assert!(best > other, "living in the training's city counts");

        let men = Filter {
            sex: Some(Sex::Male),
            ..Filter::default()
        };
        let listed = shortlist(&rules(), &traits(&tanger), on, &people, &men);
        assert_eq!(listed.iter().map(|c| c.index).collect::<Vec<_>>(), vec![0]);

        let strong = Filter {
            min_score: best,
            ..Filter::default()
        };
        let listed = shortlist(&rules(), &traits(&tanger), on, &people, &strong);
        assert_eq!(listed.iter().map(|c| c.index).collect::<Vec<_>>(), vec![1]);
    }

    #[test]
    fn a_bad_filter_names_each_field() {
        let problems = Filter::parse("atlantis", "x", "101", "").expect_err("bad");
        let fields: Vec<Field> = problems.iter().map(|p| p.field).collect();
        assert_eq!(fields, vec![Field::City, Field::Sex, Field::Score]);
        assert_eq!(
            Filter::parse("tanger", "female", "40", "1"),
            Ok(Filter {
                city: City::parse("tanger"),
                sex: Some(Sex::Female),
                min_score: 40,
                include_not_yet: true,
            })
        );
    }
}
