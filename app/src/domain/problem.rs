//! Everything a user can get wrong, as data. Each area owns its problems and their sentences
//! (`domain/<area>/problem.rs`, `pages/<area>/labels.rs`); this type only wraps them, so a
//! server function returns one error type. The server sends codes; the page turns each into a
//! sentence in the reader's language, so no message is written in one language on the server.

use crate::domain::accounts::problem::AccountsProblem;
use crate::domain::catalogue::problem::CatalogueProblem;
use crate::domain::committee::problem::CommitteeProblem;
use crate::domain::enrolments::problem::EnrolmentsProblem;
use crate::domain::matching::problem::MatchingProblem;
use crate::domain::mentoring::problem::MentoringProblem;
use crate::domain::money::problem::MoneyProblem;
use crate::domain::monitoring::problem::MonitoringProblem;
use crate::domain::plans::problem::PlansProblem;
use crate::domain::privacy::problem::PrivacyProblem;
use crate::domain::profile::problem::ProfileProblem;
use crate::domain::reporting::problem::ReportingProblem;
use crate::domain::shared::problem::{Field, SharedProblem};
use serde::{Deserialize, Serialize};

/// One problem of any area. On the wire it is the area's own code (`{"code": "email_taken"}`),
/// not tagged with the area: codes are unique across areas (a test checks it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(untagged)]
pub enum Problem {
    #[error(transparent)]
    Shared(SharedProblem),
    #[error(transparent)]
    Accounts(AccountsProblem),
    #[error(transparent)]
    Profile(ProfileProblem),
    #[error(transparent)]
    Catalogue(CatalogueProblem),
    #[error(transparent)]
    Matching(MatchingProblem),
    #[error(transparent)]
    Enrolments(EnrolmentsProblem),
    #[error(transparent)]
    Plans(PlansProblem),
    #[error(transparent)]
    Mentoring(MentoringProblem),
    #[error(transparent)]
    Committee(CommitteeProblem),
    #[error(transparent)]
    Money(MoneyProblem),
    #[error(transparent)]
    Monitoring(MonitoringProblem),
    #[error(transparent)]
    Privacy(PrivacyProblem),
    #[error(transparent)]
    Reporting(ReportingProblem),
}

macro_rules! wraps {
    ($($area:ident => $variant:ident,)*) => {
        $(impl From<$area> for Problem {
            fn from(problem: $area) -> Self {
                Problem::$variant(problem)
            }
        })*
    };
}

wraps! {
SharedProblem => Shared,
AccountsProblem => Accounts,
ProfileProblem => Profile,
CatalogueProblem => Catalogue,
MatchingProblem => Matching,
EnrolmentsProblem => Enrolments,
PlansProblem => Plans,
MentoringProblem => Mentoring,
CommitteeProblem => Committee,
MoneyProblem => Money,
MonitoringProblem => Monitoring,
PrivacyProblem => Privacy,
ReportingProblem => Reporting,
}

/// A problem attached to the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub field: Field,
    pub problem: Problem,
}

impl FieldProblem {
    pub fn new(field: Field, problem: impl Into<Problem>) -> Self {
        Self {
            field,
            problem: problem.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::shared::problem::Snippet;

    /// The variants of one area's enum, read from its source: a code is its variant's name.
    fn variants(source: &str) -> Vec<String> {
        let body = source
            .split_once("pub enum ")
            .map(|(_, rest)| rest)
            .and_then(|rest| rest.split_once("\n}\n"))
            .map(|(body, _)| body)
            .unwrap_or_default();
        body.lines()
            .filter(|line| line.starts_with("    ") && !line.starts_with("     "))
            .map(str::trim_start)
            .filter(|line| line.starts_with(|c: char| c.is_ascii_uppercase()))
            .map(|line| {
                line.split([' ', ',', '{', '('])
                    .next()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn no_two_areas_use_the_same_code() {
        let sources = [
            include_str!("shared/problem.rs")
                .split("pub enum SharedProblem")
                .nth(1)
                .unwrap_or_default(),
            include_str!("accounts/problem.rs"),
            include_str!("profile/problem.rs"),
            include_str!("catalogue/problem.rs"),
            include_str!("matching/problem.rs"),
            include_str!("enrolments/problem.rs"),
            include_str!("plans/problem.rs"),
            include_str!("mentoring/problem.rs"),
            include_str!("committee/problem.rs"),
            include_str!("money/problem.rs"),
            include_str!("monitoring/problem.rs"),
            include_str!("privacy/problem.rs"),
            include_str!("reporting/problem.rs"),
        ];
        let mut seen = std::collections::BTreeSet::new();
        let mut count = 0;
        for source in sources {
            let source = format!("pub enum {source}");
            for variant in variants(&source) {
                count += 1;
                assert!(
                    seen.insert(variant.clone()),
                    "{variant} is a code of two areas"
                );
            }
        }
        assert!(count > 150, "read only {count} codes");
    }

    #[test]
    fn a_problem_travels_as_its_area_code_and_comes_back_the_same() {
        let problems: [Problem; 3] = [
            AccountsProblem::EmailTaken.into(),
            CatalogueProblem::SkillCodeUnknown {
                skill: Snippet::new("x.y"),
            }
            .into(),
            SharedProblem::DateInvalid.into(),
        ];
        let json = serde_json::to_string(&problems).unwrap_or_default();
        assert_eq!(
            json,
            r#"[{"code":"email_taken"},{"code":"skill_code_unknown","skill":"x.y"},{"code":"date_invalid"}]"#
        );
        assert_eq!(
            serde_json::from_str::<Vec<Problem>>(&json).ok(),
            Some(problems.to_vec())
        );
    }
}
