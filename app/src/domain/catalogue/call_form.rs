//! A grant call as an admin types it: amounts in dirhams, dates, eligible sectors and cities,
//! the eligibility rules as simple fields, the rubric weights and the tranche template. Text in,
//! a [`GrantCall`] with its [`CallTerms`] or one problem per bad field out.

use crate::domain::catalogue::grant_terms::{CallTerms, Criterion, Rubric, TrancheTemplate};
use crate::domain::catalogue::problem::CatalogueProblem;
use crate::domain::catalogue::training_form::{split_codes, take};
use crate::domain::catalogue::GrantCall;
use crate::domain::matching::eligibility::Rule;
use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::profile::{DocumentKind, Education, Language, Programme, Sex, TargetGroup};
use crate::domain::shared::form_date;
use crate::domain::shared::money::Money;
use crate::domain::shared::problem::{Field, SharedProblem};
use crate::domain::shared::reference::{City, Country, Sector};

/// The fields as posted. Lists come from checkboxes (`name[]`) except nationalities, typed as
/// ISO codes (`SN CI ML`).
#[derive(Debug, Clone, Copy, Default)]
pub struct CallForm<'a> {
    pub reference: &'a str,
    pub title: &'a str,
    pub envelope: &'a str,
    pub max_grant: &'a str,
    pub own_contribution: &'a str,
    pub sectors: &'a [String],
    pub cities: &'a [String],
    pub opens_on: &'a str,
    pub closes_on: &'a str,
    pub age_min: &'a str,
    pub age_max: &'a str,
    pub sexes: &'a [String],
    pub nationalities: &'a str,
    pub documents: &'a [String],
    pub education_min: &'a str,
    pub languages: &'a [String],
    pub groups: &'a [String],
    pub completed_programme: &'a str,
    /// One weight per criterion of `Criterion::ALL`, in that order.
    pub weights: &'a [String],
    pub tranche_percents: &'a [String],
    pub tranche_releases: &'a [String],
    pub quorum: &'a str,
    pub blind_review: bool,
}

fn money(text: &str) -> Result<Money, Problem> {
    Money::parse(text)
        .ok()
        .filter(|m| m.centimes() > 0)
        .ok_or(SharedProblem::AmountInvalid.into())
}

fn percent(text: &str) -> Result<u8, Problem> {
    text.trim()
        .parse::<u8>()
        .ok()
        .filter(|p| *p <= 100)
        .ok_or(CatalogueProblem::PercentInvalid.into())
}

fn age(text: &str) -> Result<Option<u8>, Problem> {
    match text.trim() {
        "" => Ok(None),
        t => t
            .parse::<u8>()
            .ok()
            .filter(|a| (16..=99).contains(a))
            .map(Some)
            .ok_or(CatalogueProblem::AgeInvalid.into()),
    }
}

fn list<T: PartialEq>(
    codes: &[String],
    read: impl Fn(&str) -> Option<T>,
    unknown: Problem,
) -> Result<Vec<T>, Problem> {
    let mut values = Vec::new();
    for code in codes.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        let value = read(code).ok_or(unknown)?;
        if !values.contains(&value) {
            values.push(value);
        }
    }
    Ok(values)
}

/// The conditions the form's rule fields describe, in the order people read them.
struct RuleFields {
    ages: (Option<u8>, Option<u8>),
    sexes: Vec<Sex>,
    nationalities: Vec<Country>,
    documents: Vec<DocumentKind>,
    education: Option<Education>,
    languages: Vec<Language>,
    groups: Vec<TargetGroup>,
    programme: Option<Programme>,
}

impl RuleFields {
    fn rules(self) -> Vec<Rule> {
        let mut rules = Vec::new();
        if self.ages != (None, None) {
            rules.push(Rule::Age {
                min: self.ages.0,
                max: self.ages.1,
            });
        }
        let mut push = |keep: bool, rule: Rule| keep.then(|| rules.push(rule));
        push(!self.sexes.is_empty(), Rule::Sex { any_of: self.sexes });
        push(
            !self.nationalities.is_empty(),
            Rule::Nationality {
                any_of: self.nationalities,
            },
        );
        push(
            !self.documents.is_empty(),
            Rule::Document {
                any_of: self.documents,
            },
        );
        if let Some(min) = self.education {
            push(true, Rule::Education { min });
        }
        push(
            !self.languages.is_empty(),
            Rule::Language {
                any_of: self.languages,
            },
        );
        push(
            !self.groups.is_empty(),
            Rule::TargetGroup {
                any_of: self.groups,
            },
        );
        if let Some(programme) = self.programme {
            push(true, Rule::CompletedTraining { programme });
        }
        rules
    }
}

impl CallForm<'_> {
    fn rule_fields(&self, problems: &mut Vec<FieldProblem>) -> Option<RuleFields> {
        let min = take(problems, Field::Age, age(self.age_min));
        let max = take(problems, Field::Age, age(self.age_max));
        if let (Some(Some(lo)), Some(Some(hi))) = (min, max) {
            if hi < lo {
                take(
                    problems,
                    Field::Age,
                    Err::<(), _>(CatalogueProblem::AgeInvalid.into()),
                );
            }
        }
        let nationalities = split_codes(&self.nationalities.to_uppercase());
        let fields = RuleFields {
            ages: (min.flatten(), max.flatten()),
            sexes: take(
                problems,
                Field::Sex,
                list(self.sexes, Sex::from_code, SharedProblem::SexUnknown.into()),
            )?,
            nationalities: take(
                problems,
                Field::Nationality,
                list(
                    &nationalities,
                    Country::parse,
                    SharedProblem::NationalityUnknown.into(),
                ),
            )?,
            documents: take(
                problems,
                Field::Documents,
                list(
                    self.documents,
                    DocumentKind::from_code,
                    SharedProblem::DocumentKindUnknown.into(),
                ),
            )?,
            education: take(
                problems,
                Field::Education,
                match self.education_min.trim() {
                    "" => Ok(None),
                    c => Education::from_code(c)
                        .map(Some)
                        .ok_or(SharedProblem::EducationUnknown.into()),
                },
            )?,
            languages: take(
                problems,
                Field::Languages,
                list(
                    self.languages,
                    Language::from_code,
                    SharedProblem::LanguageUnknown.into(),
                ),
            )?,
            groups: take(
                problems,
                Field::Groups,
                list(
                    self.groups,
                    TargetGroup::from_code,
                    SharedProblem::GroupUnknown.into(),
                ),
            )?,
            programme: take(
                problems,
                Field::Programme,
                match self.completed_programme.trim() {
                    "" => Ok(None),
                    c => Programme::from_code(c)
                        .map(Some)
                        .ok_or(CatalogueProblem::ProgrammeUnknown.into()),
                },
            )?,
        };
        Some(fields)
    }

    fn terms(&self, problems: &mut Vec<FieldProblem>) -> Option<CallTerms> {
        let typed: Vec<(Criterion, &str)> = Criterion::ALL
            .into_iter()
            .enumerate()
            .map(|(i, c)| (c, self.weights.get(i).map_or("", String::as_str)))
            .collect();
        let rubric = take(problems, Field::Rubric, Rubric::parse(&typed));
        let tranches = take(
            problems,
            Field::Tranches,
            TrancheTemplate::parse(self.tranche_percents, self.tranche_releases),
        );
        let quorum = take(
            problems,
            Field::Quorum,
            CallTerms::parse_quorum(self.quorum),
        );
        Some(CallTerms {
            rubric: rubric?,
            tranches: tranches?,
            quorum: quorum?,
            blind_review: self.blind_review,
        })
    }

    pub fn parse(&self) -> Result<(GrantCall, CallTerms), Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let p = &mut problems;
        let reference = take(
            p,
            Field::Reference,
            crate::domain::catalogue::training_form::reference(self.reference),
        );
        let title = take(
            p,
            Field::Title,
            crate::domain::catalogue::training_form::title(self.title),
        );
        let envelope = take(p, Field::Envelope, money(self.envelope));
        let max_grant = take(p, Field::MaxGrant, money(self.max_grant));
        if let (Some(envelope), Some(max)) = (envelope, max_grant) {
            if max > envelope {
                take(
                    p,
                    Field::MaxGrant,
                    Err::<(), _>(CatalogueProblem::MaxGrantAboveEnvelope.into()),
                );
            }
        }
        let own = take(p, Field::OwnContribution, percent(self.own_contribution));
        let sectors = take(
            p,
            Field::Sector,
            list(
                self.sectors,
                Sector::from_code,
                SharedProblem::SectorUnknown.into(),
            ),
        );
        let cities = take(
            p,
            Field::City,
            list(self.cities, City::parse, SharedProblem::CityUnknown.into()),
        );
        let opens_on = take(
            p,
            Field::StartsOn,
            form_date::required(self.opens_on).map_err(Problem::from),
        );
        let closes_on = take(
            p,
            Field::EndsOn,
            form_date::required(self.closes_on).map_err(Problem::from),
        );
        if let (Some(open), Some(close)) = (opens_on, closes_on) {
            if close < open {
                take(
                    p,
                    Field::EndsOn,
                    Err::<(), _>(CatalogueProblem::EndsBeforeStart.into()),
                );
            }
        }
        let rules = self.rule_fields(p).map(RuleFields::rules);
        let terms = self.terms(p);
        let call = (|| {
            Some(GrantCall {
                reference: reference?,
                title: title?,
                envelope: envelope?,
                max_grant: max_grant?,
                own_contribution_percent: own?,
                sectors: sectors?,
                cities: cities?,
                opens_on: opens_on?,
                closes_on: closes_on?,
                rules: rules?,
            })
        })();
        match (call, terms) {
            (Some(call), Some(terms)) if problems.is_empty() => Ok((call, terms)),
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
#[path = "call_form_tests.rs"]
mod tests;
