//! Eligibility rules as data, and the engine that checks a person's facts against them.
//!
//! Programmes change their rules (domain.md: "treat rules as data, not code"), so an offer
//! carries a list of [`Rule`]s stored as JSON. [`assess`] checks each one and says, for each,
//! what it saw ([`Reason`]) and — when the rule is not met — what would change that
//! ([`Remedy`]). Pages turn reasons and remedies into sentences in the reader's language; the
//! engine writes no prose. Nothing here is hand-written per offer: "what would make you
//! eligible" is always derived from the rule that failed.

use crate::domain::profile::{
    birthday, DocumentKind, Education, Facts, Language, Programme, Sex, TargetGroup,
};
use crate::domain::shared::reference::{City, Country};
use serde::{Deserialize, Serialize};
use time::Date;

/// One condition of an offer. Lists mean "any of these".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Rule {
    /// Age on the assessment day, bounds included.
    Age {
        min: Option<u8>,
        max: Option<u8>,
    },
    Sex {
        any_of: Vec<Sex>,
    },
    Nationality {
        any_of: Vec<Country>,
    },
    /// Holds one of these papers, valid on the assessment day.
    Document {
        any_of: Vec<DocumentKind>,
    },
    City {
        any_of: Vec<City>,
    },
    Education {
        min: Education,
    },
    Language {
        any_of: Vec<Language>,
    },
    TargetGroup {
        any_of: Vec<TargetGroup>,
    },
    /// Has completed an ANAPEC training of this programme.
    CompletedTraining {
        programme: Programme,
    },
}

/// A fact the profile does not give yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileFact {
    BirthDate,
    Sex,
    Nationality,
    City,
    Education,
    Languages,
}

/// What the engine saw, for a rule met or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    AgeWithin {
        age: u8,
    },
    TooYoung {
        age: u8,
    },
    TooOld {
        age: u8,
    },
    SexListed {
        sex: Sex,
    },
    SexNotListed {
        sex: Sex,
    },
    NationalityListed {
        country: Country,
    },
    NationalityNotListed {
        country: Country,
    },
    DocumentValid {
        kind: DocumentKind,
        expires_on: Option<Date>,
    },
    DocumentExpired {
        kind: DocumentKind,
        expired_on: Date,
    },
    DocumentMissing,
    CityListed {
        city: City,
    },
    CityNotListed {
        city: City,
    },
    EducationEnough {
        level: Education,
    },
    EducationTooLow {
        level: Education,
    },
    SpeaksLanguage {
        language: Language,
    },
    NoCommonLanguage,
    InGroup {
        group: TargetGroup,
    },
    NotInGroup,
    TrainingCompleted {
        programme: Programme,
    },
    TrainingNotCompleted {
        programme: Programme,
    },
    Unknown {
        fact: ProfileFact,
    },
}

/// What would turn a failed rule into a met one, when the person can do something about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "remedy", rename_all = "snake_case")]
pub enum Remedy {
    CompleteProfile {
        fact: ProfileFact,
    },
    /// Obtain one of these papers.
    GetDocument {
        any_of: Vec<DocumentKind>,
    },
    RenewDocument {
        kind: DocumentKind,
    },
    /// Old enough from this day.
    WaitUntil {
        date: Date,
    },
    ReachEducation {
        level: Education,
    },
    SpeakLanguage {
        any_of: Vec<Language>,
    },
    CompleteTraining {
        programme: Programme,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    pub rule: Rule,
    pub met: bool,
    pub reason: Reason,
    /// Set only when `met` is false and the person can act on it.
    pub remedy: Option<Remedy>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Eligibility {
    Eligible,
    /// Every unmet rule has a remedy.
    NotYet,
    /// Some unmet rule cannot be changed (age above the limit, sex, nationality, city).
    NotEligible,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub checks: Vec<Check>,
}

impl Assessment {
    pub fn eligibility(&self) -> Eligibility {
        let mut verdict = Eligibility::Eligible;
        for check in self.checks.iter().filter(|c| !c.met) {
            if check.remedy.is_none() {
                return Eligibility::NotEligible;
            }
            verdict = Eligibility::NotYet;
        }
        verdict
    }

    pub fn remedies(&self) -> impl Iterator<Item = &Remedy> {
        self.checks.iter().filter_map(|c| c.remedy.as_ref())
    }
}

/// Checks every rule against `facts` on `day` (the day the offer needs the conditions met:
/// today for a call, the start date for a training that has not begun).
pub fn assess(rules: &[Rule], facts: &Facts, day: Date) -> Assessment {
    Assessment {
        checks: rules
            .iter()
            .map(|rule| {
                let Outcome {
                    met,
                    reason,
                    remedy,
                } = check(rule, facts, day);
                Check {
                    rule: rule.clone(),
                    met,
                    reason,
                    remedy,
                }
            })
            .collect(),
    }
}

/// `assess(..).eligibility()` without explanations (no rule copied, no list made): for ranking.
pub fn verdict(rules: &[Rule], facts: &Facts, day: Date) -> Eligibility {
    let mut verdict = Eligibility::Eligible;
    for outcome in rules.iter().map(|rule| check(rule, facts, day)) {
        match (outcome.met, outcome.remedy) {
            (true, _) => {}
            (false, None) => return Eligibility::NotEligible,
            (false, Some(_)) => verdict = Eligibility::NotYet,
        }
    }
    verdict
}

/// Whether every rule is met, without building explanations: the fast path for ranking many
/// people against one offer. Always agrees with `assess(..).eligibility() == Eligible`.
pub fn is_eligible(rules: &[Rule], facts: &Facts, day: Date) -> bool {
    rules.iter().all(|rule| check(rule, facts, day).met)
}

/// A check before it is paired with its rule (the fast path never clones rules).
struct Outcome {
    met: bool,
    reason: Reason,
    remedy: Option<Remedy>,
}

fn met(reason: Reason) -> Outcome {
    Outcome {
        met: true,
        reason,
        remedy: None,
    }
}

fn unmet(reason: Reason, remedy: Option<Remedy>) -> Outcome {
    Outcome {
        met: false,
        reason,
        remedy,
    }
}

fn unknown(fact: ProfileFact) -> Outcome {
    unmet(
        Reason::Unknown { fact },
        Some(Remedy::CompleteProfile { fact }),
    )
}

fn check(rule: &Rule, facts: &Facts, day: Date) -> Outcome {
    match rule {
        Rule::Age { min, max } => {
            let (Some(birth), Some(age)) = (facts.birth_date, facts.age_on(day)) else {
                return unknown(ProfileFact::BirthDate);
            };
            match (min, max) {
                // Waiting helps only if the range is not empty (a rule with min above max,
                // refused when offers are entered, can never be met).
                (Some(min), _) if age < *min => unmet(
                    Reason::TooYoung { age },
                    max.is_none_or(|max| *min <= max)
                        .then(|| Remedy::WaitUntil {
                            date: birthday(birth, *min),
                        }),
                ),
                (_, Some(max)) if age > *max => unmet(Reason::TooOld { age }, None),
                _ => met(Reason::AgeWithin { age }),
            }
        }
        Rule::Sex { any_of } => match facts.sex {
            None => unknown(ProfileFact::Sex),
            Some(sex) if any_of.contains(&sex) => met(Reason::SexListed { sex }),
            Some(sex) => unmet(Reason::SexNotListed { sex }, None),
        },
        Rule::Nationality { any_of } => match facts.nationality {
            None => unknown(ProfileFact::Nationality),
            Some(country) if any_of.contains(&country) => {
                met(Reason::NationalityListed { country })
            }
            Some(country) => unmet(Reason::NationalityNotListed { country }, None),
        },
        Rule::Document { any_of } => check_documents(any_of, facts, day),
        Rule::City { any_of } => match facts.city {
            None => unknown(ProfileFact::City),
            Some(city) if any_of.contains(&city) => met(Reason::CityListed { city }),
            Some(city) => unmet(Reason::CityNotListed { city }, None),
        },
        Rule::Education { min } => match facts.education {
            None => unknown(ProfileFact::Education),
            Some(level) if level >= *min => met(Reason::EducationEnough { level }),
            Some(level) => unmet(
                Reason::EducationTooLow { level },
                Some(Remedy::ReachEducation { level: *min }),
            ),
        },
        Rule::Language { any_of } => {
            if facts.languages.is_empty() {
                return unknown(ProfileFact::Languages);
            }
            match facts.languages.iter().find(|l| any_of.contains(l)) {
                Some(language) => met(Reason::SpeaksLanguage {
                    language: *language,
                }),
                None => unmet(
                    Reason::NoCommonLanguage,
                    Some(Remedy::SpeakLanguage {
                        any_of: any_of.clone(),
                    }),
                ),
            }
        }
        Rule::TargetGroup { any_of } => check_groups(any_of, facts, day),
        Rule::CompletedTraining { programme } => {
            let programme = *programme;
            if facts.completed.contains(&programme) {
                met(Reason::TrainingCompleted { programme })
            } else {
                unmet(
                    Reason::TrainingNotCompleted { programme },
                    Some(Remedy::CompleteTraining { programme }),
                )
            }
        }
    }
}

fn check_documents(any_of: &[DocumentKind], facts: &Facts, day: Date) -> Outcome {
    let held = facts.documents.iter().filter(|d| any_of.contains(&d.kind));
    if let Some(valid) = held.clone().find(|d| d.valid_on(day)) {
        return met(Reason::DocumentValid {
            kind: valid.kind,
            expires_on: valid.expires_on,
        });
    }
    // Only expired ones are held: renewing the most recently expired is the shortest way.
    match held
        .filter_map(|d| d.expires_on.map(|end| (end, d.kind)))
        .max()
    {
        Some((expired_on, kind)) => unmet(
            Reason::DocumentExpired { kind, expired_on },
            Some(Remedy::RenewDocument { kind }),
        ),
        None => unmet(
            Reason::DocumentMissing,
            Some(Remedy::GetDocument {
                any_of: any_of.to_vec(),
            }),
        ),
    }
}

fn check_groups(any_of: &[TargetGroup], facts: &Facts, day: Date) -> Outcome {
    let mut missing = None;
    for group in any_of {
        match facts.in_group(*group, day) {
            Some(true) => return met(Reason::InGroup { group: *group }),
            Some(false) => {}
            None => {
                missing = missing.or(Some(match group {
                    TargetGroup::Women => ProfileFact::Sex,
                    TargetGroup::Youth => ProfileFact::BirthDate,
                    _ => ProfileFact::Nationality,
                }))
            }
        }
    }
    match missing {
        // An unknown fact might still put the person in a group: ask for it first.
        Some(fact) => unknown(fact),
        None => unmet(Reason::NotInGroup, None),
    }
}

#[cfg(test)]
#[path = "eligibility_tests.rs"]
pub(crate) mod tests;
