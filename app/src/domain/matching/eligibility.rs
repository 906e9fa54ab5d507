//! Eligibility rules as data, and the engine that checks a person's facts against them.
//!
//! Programmes change their rules (domain.md: "treat rules as data, not code"), so an offer
//! carries a list of [`Rule`]s stored as JSON. [`assess`] checks each one and says, for each,
//! what it saw ([`Reason`]) and — when the rule is not met — what would change that
//! ([`Remedy`]). Pages turn reasons and remedies into sentences in the reader's language; the
//! engine writes no prose. Nothing here is hand-written per offer: "what would make you
//! eligible" is always derived from the rule that failed.

use crate::domain::profile::{
    DocumentKind, Education, Facts, Language, Programme, Sex, TargetGroup,
};
use crate::domain::shared::reference::{City, Country};
use checks::{check, Fix, Outcome};
use serde::{Deserialize, Serialize};
use time::Date;

#[path = "eligibility_checks.rs"]
mod checks;

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
                    remedy: remedy.map(Fix::into_remedy),
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

#[cfg(test)]
#[path = "eligibility_tests.rs"]
pub(crate) mod tests;
