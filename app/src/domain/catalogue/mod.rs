//! ANAPEC trainings and microgrant calls, as the rules and the matching see them.

pub mod call_form;
pub mod grant_terms;
pub mod problem;
pub mod training_csv;
pub mod training_form;

use crate::domain::matching::eligibility::Rule;
use crate::domain::matching::OfferTraits;
use crate::domain::profile::{DocumentKind, Education, Language, Programme, TargetGroup};
use crate::domain::shared::money::Money;
use crate::domain::shared::reference::{City, Sector, SkillId};
use serde::{Deserialize, Serialize};
use std::slice;
use time::Date;

/// Trainings and calls are told apart on pages and in enrolments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferKind {
    Training,
    Call,
}

impl OfferKind {
    /// How the audit trail names the offer a row is about.
    pub fn subject(self) -> &'static str {
        match self {
            OfferKind::Training => "training",
            OfferKind::Call => "grant_call",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Training {
    /// ANAPEC's reference, unique: the key of CSV imports.
    pub reference: String,
    pub title: String,
    pub programme: Programme,
    pub sector: Sector,
    pub city: City,
    pub starts_on: Date,
    pub ends_on: Date,
    pub seats: u32,
    pub languages: Vec<Language>,
    pub min_education: Option<Education>,
    /// Any one of these, valid on the first day.
    pub required_documents: Vec<DocumentKind>,
    pub target_groups: Vec<TargetGroup>,
    pub skills: Vec<SkillId>,
}

impl Training {
    /// The conditions a training's fields imply, in the order people read them. Trainings are
    /// for adults; the city is a matter of fit, not of eligibility.
    pub fn rules(&self) -> Vec<Rule> {
        let mut rules = vec![Rule::Age {
            min: Some(18),
            max: None,
        }];
        if let Some(min) = self.min_education {
            rules.push(Rule::Education { min });
        }
        if !self.required_documents.is_empty() {
            rules.push(Rule::Document {
                any_of: self.required_documents.clone(),
            });
        }
        if !self.target_groups.is_empty() {
            rules.push(Rule::TargetGroup {
                any_of: self.target_groups.clone(),
            });
        }
        if !self.languages.is_empty() {
            rules.push(Rule::Language {
                any_of: self.languages.clone(),
            });
        }
        rules
    }

    /// The day conditions must hold: the first day of the training (or today once it began).
    pub fn assessed_on(&self, today: Date) -> Date {
        self.starts_on.max(today)
    }

    pub fn traits(&self) -> OfferTraits<'_> {
        OfferTraits {
            sectors: slice::from_ref(&self.sector),
            cities: slice::from_ref(&self.city),
            languages: &self.languages,
            skills: &self.skills,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrantCall {
    pub reference: String,
    pub title: String,
    pub envelope: Money,
    pub max_grant: Money,
    /// The least share of the start-up capital the applicant brings, in percent.
    pub own_contribution_percent: u8,
    pub sectors: Vec<Sector>,
    pub cities: Vec<City>,
    pub opens_on: Date,
    pub closes_on: Date,
    /// Conditions on the person beyond the call's cities.
    pub rules: Vec<Rule>,
}

impl GrantCall {
    /// The call's cities first (where the person lives), then its own rules.
    pub fn all_rules(&self) -> Vec<Rule> {
        let mut rules = Vec::with_capacity(self.rules.len() + 1);
        if !self.cities.is_empty() {
            rules.push(Rule::City {
                any_of: self.cities.clone(),
            });
        }
        rules.extend(self.rules.iter().cloned());
        rules
    }

    pub fn is_open(&self, today: Date) -> bool {
        self.opens_on <= today && today <= self.closes_on
    }

    pub fn traits(&self) -> OfferTraits<'_> {
        OfferTraits {
            sectors: &self.sectors,
            cities: &self.cities,
            languages: &[],
            skills: &[],
        }
    }
}

/// A call for tests: open in November and December 2026, to everyone, with no rules.
#[cfg(test)]
pub(crate) fn example_call() -> GrantCall {
    GrantCall {
        reference: "AGR-1".into(),
        title: "AGR Tanger".into(),
        envelope: Money::from_dirhams(100_000),
        max_grant: Money::from_dirhams(20_000),
        own_contribution_percent: 10,
        sectors: vec![],
        cities: vec![],
        opens_on: time::macros::date!(2026 - 11 - 01),
        closes_on: time::macros::date!(2026 - 12 - 31),
        rules: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::matching::eligibility::{assess, Eligibility, Remedy};
    use crate::domain::profile::{Document, Facts, Sex};
    use crate::domain::shared::reference::Country;
    use time::macros::date;

    fn call() -> GrantCall {
        GrantCall {
            reference: "AGR-TEST".into(),
            title: "Test".into(),
            sectors: vec![Sector::SewingFashion],
            cities: vec![City::parse("tanger").expect("tanger")],
            closes_on: date!(2027 - 02 - 28),
            rules: vec![
                Rule::Document {
                    any_of: vec![DocumentKind::ResidenceCard],
                },
                Rule::CompletedTraining {
                    programme: Programme::SelfEmployment,
                },
            ],
            ..example_call()
        }
    }

    #[test]
    fn a_calls_city_comes_first_and_missing_steps_become_remedies() {
        let facts = Facts {
            birth_date: Some(date!(1995 - 01 - 01)),
            sex: Some(Sex::Female),
            nationality: Country::parse("SN"),
            city: City::parse("tanger"),
            documents: vec![Document {
                kind: DocumentKind::Passport,
                expires_on: None,
            }],
            ..Facts::default()
        };
        let today = date!(2026 - 11 - 29);
        let assessment = assess(&call().all_rules(), &facts, today);
        assert!(matches!(assessment.checks[0].rule, Rule::City { .. }));
        assert_eq!(assessment.eligibility(), Eligibility::NotYet);
        let remedies: Vec<_> = assessment.remedies().cloned().collect();
        assert_eq!(
            remedies,
            vec![
                Remedy::GetDocument {
                    any_of: vec![DocumentKind::ResidenceCard]
                },
                Remedy::CompleteTraining {
                    programme: Programme::SelfEmployment
                }
            ]
        );
        assert!(call().is_open(today));
        assert!(!call().is_open(date!(2027 - 03 - 01)));
    }
}
