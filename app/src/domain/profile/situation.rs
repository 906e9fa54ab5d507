//! The "situation" step of the profile: education, languages, sectors of interest,
//! availability and, if the person chooses to say so, groups programmes prioritise.

use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::profile::problem::ProfileProblem;
use crate::domain::profile::{Availability, Education, Language, TargetGroup};
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
}

/// The step as posted: codes, possibly unknown or repeated.
#[derive(Debug, Clone, Default)]
pub struct SituationForm<'a> {
    pub education: &'a str,
    pub languages: &'a [String],
    pub sectors: &'a [String],
    pub availability: &'a str,
    pub groups: &'a [String],
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

impl SituationForm<'_> {
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
        match (education, languages, sectors, availability, groups) {
            (Some(education), Some(languages), Some(sectors), Some(availability), Some(groups)) => {
                Ok(Situation {
                    education,
                    languages,
                    sectors,
                    availability,
                    groups,
                })
            }
            _ => Err(problems),
        }
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
        }
        .parse()
        .expect("valid");
        assert_eq!(
            situation.languages,
            vec![Language::French, Language::Manding]
        );
        assert_eq!(situation.groups, vec![TargetGroup::WomanHeadOfHousehold]);
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
