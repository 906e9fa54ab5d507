//! The "situation" step of the profile: education, languages, sectors of interest,
//! availability and, if the person chooses to say so, groups programmes prioritise and the
//! answers the donor's anonymous counts are broken down by.

use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::profile::problem::ProfileProblem;
use crate::domain::profile::{
    Availability, Disability, Education, Language, LegalStatus, PopulationGroup, TargetGroup,
};
use crate::domain::shared::problem::{Field, SharedProblem};
use crate::domain::shared::reference::Sector;

/// Enough to say where one wants to work without turning interest into noise for matching.
pub const SECTORS_MAX: usize = 5;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Situation {
    pub education: Education,
    pub languages: Vec<Language>,
    pub sectors: Vec<Sector>,
    pub availability: Availability,
    /// Only the declared groups (`TargetGroup::DECLARED`); sensitive, optional.
    pub groups: Vec<TargetGroup>,
    /// Optional, declared: `None` is "prefer not to say".
    pub population_group: Option<PopulationGroup>,
    pub legal_status: Option<LegalStatus>,
    pub disability: Option<Disability>,
}

/// The step as posted: codes, possibly unknown or repeated.
#[derive(Debug, Clone, Default)]
pub struct SituationForm<'a> {
    pub education: &'a str,
    pub languages: &'a [String],
    pub sectors: &'a [String],
    pub availability: &'a str,
    pub groups: &'a [String],
    /// Empty for "prefer not to say".
    pub population_group: &'a str,
    pub legal_status: &'a str,
    pub disability: &'a str,
}

/// Each code read with `read`; an unknown one is `unknown`. Duplicates are dropped.
fn list<T: PartialEq>(
    codes: &[String],
    read: impl Fn(&str) -> Option<T>,
    unknown: Problem,
) -> Result<Vec<T>, Problem> {
    let mut values = Vec::new();
    for code in codes {
        let value = read(code.trim()).ok_or(unknown)?;
        if !values.contains(&value) {
            values.push(value);
        }
    }
    Ok(values)
}

/// An optional answer: empty is "not stated", an unknown code is `unknown`.
fn optional<T>(
    code: &str,
    read: impl Fn(&str) -> Option<T>,
    unknown: ProfileProblem,
) -> Result<Option<T>, Problem> {
    match code.trim() {
        "" => Ok(None),
        code => read(code).map(Some).ok_or(unknown.into()),
    }
}

/// The three optional answers the donor's counts are broken down by.
type Answers = (
    Option<PopulationGroup>,
    Option<LegalStatus>,
    Option<Disability>,
);

impl SituationForm<'_> {
    /// The optional answers, each problem noted on its own field.
    fn answers(&self, problems: &mut Vec<FieldProblem>) -> Option<Answers> {
        let mut note = |field, problem: Problem| problems.push(FieldProblem::new(field, problem));
        let population_group = optional(
            self.population_group,
            PopulationGroup::from_code,
            ProfileProblem::PopulationGroupUnknown,
        )
        .map_err(|p| note(Field::PopulationGroup, p))
        .ok();
        let legal_status = optional(
            self.legal_status,
            LegalStatus::from_code,
            ProfileProblem::LegalStatusUnknown,
        )
        .map_err(|p| note(Field::LegalStatus, p))
        .ok();
        let disability = optional(
            self.disability,
            Disability::from_code,
            ProfileProblem::DisabilityUnknown,
        )
        .map_err(|p| note(Field::Disability, p))
        .ok();
        Some((population_group?, legal_status?, disability?))
    }

    pub fn parse(&self) -> Result<Situation, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let mut note = |field, problem: Problem| problems.push(FieldProblem::new(field, problem));
        let education = match self.education.trim() {
            "" => Err(Problem::from(ProfileProblem::EducationMissing)),
            code => {
                Education::from_code(code).ok_or(Problem::from(SharedProblem::EducationUnknown))
            }
        }
        .map_err(|p| note(Field::Education, p))
        .ok();
        let languages = list(
            self.languages,
            Language::from_code,
            SharedProblem::LanguageUnknown.into(),
        )
        .and_then(|l| {
            if l.is_empty() {
                Err(ProfileProblem::LanguagesMissing.into())
            } else {
                Ok(l)
            }
        })
        .map_err(|p| note(Field::Languages, p))
        .ok();
        let sectors = list(
            self.sectors,
            Sector::from_code,
            SharedProblem::SectorUnknown.into(),
        )
        .and_then(|s| {
            if s.len() > SECTORS_MAX {
                Err(ProfileProblem::TooManySectors { max: SECTORS_MAX }.into())
            } else {
                Ok(s)
            }
        })
        .map_err(|p| note(Field::Sector, p))
        .ok();
        let availability = match self.availability.trim() {
            "" => Err(ProfileProblem::AvailabilityMissing),
            code => Availability::from_code(code).ok_or(ProfileProblem::AvailabilityUnknown),
        }
        .map_err(|p| note(Field::Availability, p.into()))
        .ok();
        let declared =
            |code: &str| TargetGroup::from_code(code).filter(|g| TargetGroup::DECLARED.contains(g));
        let groups = list(self.groups, declared, SharedProblem::GroupUnknown.into())
            .map_err(|p| note(Field::Groups, p))
            .ok();
        let answers = self.answers(&mut problems);
        let (
            Some(education),
            Some(languages),
            Some(sectors),
            Some(availability),
            Some(groups),
            Some((population_group, legal_status, disability)),
        ) = (education, languages, sectors, availability, groups, answers)
        else {
            return Err(problems);
        };
        Ok(Situation {
            education,
            languages,
            sectors,
            availability,
            groups,
            population_group,
            legal_status,
            disability,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_complete_step_reads_codes_and_drops_repeats() {
        let languages = strings(&["french", "manding", "french"]);
        let sectors = strings(&["sewing_fashion"]);
        let groups = strings(&["woman_head_of_household"]);
        let situation = SituationForm {
            education: "lower_secondary",
            languages: &languages,
            sectors: &sectors,
            availability: "now",
            groups: &groups,
            ..SituationForm::default()
        }
        .parse()
        .expect("valid");
        assert_eq!(
            situation.languages,
            vec![Language::French, Language::Manding]
        );
        assert_eq!(situation.groups, vec![TargetGroup::WomanHeadOfHousehold]);
    }

    /// The step as a person who answered everything else sends it.
    fn answered<'a>(languages: &'a [String]) -> SituationForm<'a> {
        SituationForm {
            education: "primary",
            languages,
            availability: "later",
            ..SituationForm::default()
        }
    }

    #[test]
    fn the_statistics_answers_read_their_codes() {
        let languages = strings(&["darija"]);
        let situation = SituationForm {
            population_group: " migrant ",
            legal_status: "asylum_seeker",
            disability: "no",
            ..answered(&languages)
        }
        .parse()
        .expect("valid");
        assert_eq!(situation.population_group, Some(PopulationGroup::Migrant));
        assert_eq!(situation.legal_status, Some(LegalStatus::AsylumSeeker));
        assert_eq!(situation.disability, Some(Disability::No));
    }

    #[test]
    fn a_statistics_answer_left_empty_is_not_stated() {
        let languages = strings(&["darija"]);
        let situation = SituationForm {
            legal_status: "  ",
            ..answered(&languages)
        }
        .parse()
        .expect("valid");
        assert_eq!(situation.population_group, None);
        assert_eq!(situation.legal_status, None);
        assert_eq!(situation.disability, None);
    }

    #[test]
    fn an_unknown_statistics_answer_is_named_on_its_field() {
        let languages = strings(&["darija"]);
        let problems = SituationForm {
            population_group: "tourist",
            legal_status: "undocumented",
            disability: "maybe",
            ..answered(&languages)
        }
        .parse()
        .expect_err("invalid");
        let found: Vec<(Field, Problem)> = problems.iter().map(|p| (p.field, p.problem)).collect();
        assert_eq!(
            found,
            vec![
                (
                    Field::PopulationGroup,
                    Problem::from(ProfileProblem::PopulationGroupUnknown)
                ),
                (
                    Field::LegalStatus,
                    Problem::from(ProfileProblem::LegalStatusUnknown)
                ),
                (
                    Field::Disability,
                    Problem::from(ProfileProblem::DisabilityUnknown)
                ),
            ]
        );
    }

    #[test]
    fn missing_unknown_and_derived_answers_are_each_named() {
        let sectors = strings(&[
            "crafts",
            "commerce",
            "cleaning",
            "painting",
            "agriculture",
            "construction",
        ]);
        // "women" follows from the sex given earlier: it cannot be declared here.
        let groups = strings(&["women"]);
        let problems = SituationForm {
            education: "phd",
            languages: &[],
            sectors: &sectors,
            availability: "",
            groups: &groups,
            ..SituationForm::default()
        }
        .parse()
        .expect_err("invalid");
        let found: Vec<(Field, Problem)> = problems.iter().map(|p| (p.field, p.problem)).collect();
        assert_eq!(
            found,
            vec![
                (
                    Field::Education,
                    Problem::from(SharedProblem::EducationUnknown)
                ),
                (
                    Field::Languages,
                    Problem::from(ProfileProblem::LanguagesMissing)
                ),
                (
                    Field::Sector,
                    Problem::from(ProfileProblem::TooManySectors { max: 5 })
                ),
                (
                    Field::Availability,
                    Problem::from(ProfileProblem::AvailabilityMissing)
                ),
                (Field::Groups, Problem::from(SharedProblem::GroupUnknown)),
            ]
        );
    }
}
