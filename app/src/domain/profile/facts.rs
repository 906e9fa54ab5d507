//! What the eligibility rules and the matching read of a profile, and the age arithmetic they
//! share.

use super::{Document, DocumentKind, Education, Language, Programme, Sex, SkillClaim, TargetGroup};
use crate::domain::shared::reference::{City, Country, Sector, SkillId};
use serde::{Deserialize, Serialize};
use time::Date;

/// Age in whole years on `day` (a birthday on 29 February counts from 1 March in other years).
pub fn age_on(birth: Date, day: Date) -> Option<u8> {
    if day < birth {
        return None;
    }
    let mut years = day.year() - birth.year();
    if (day.month() as u8, day.day()) < (birth.month() as u8, birth.day()) {
        years -= 1;
    }
    u8::try_from(years).ok()
}

/// The first day on which someone born on `birth` is `age` years old.
pub fn birthday(birth: Date, age: u8) -> Date {
    let year = birth.year() + i32::from(age);
    Date::from_calendar_date(year, birth.month(), birth.day())
        .or_else(|_| Date::from_calendar_date(year, time::Month::March, 1))
        .unwrap_or(Date::MAX)
}

/// Everything eligibility rules and matching read. Facts an applicant has not given yet are
/// `None` (or empty): a rule that needs one answers "complete your profile", never a guess.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    pub birth_date: Option<Date>,
    pub sex: Option<Sex>,
    pub nationality: Option<Country>,
    pub city: Option<City>,
    pub education: Option<Education>,
    pub languages: Vec<Language>,
    pub documents: Vec<Document>,
    /// Declared groups only (see `TargetGroup::DECLARED`); the rest are derived.
    pub declared_groups: Vec<TargetGroup>,
    /// Programmes of ANAPEC trainings the applicant completed (confirmed by an admin).
    pub completed: Vec<Programme>,
    /// Skills, sorted by skill so lookups can bisect.
    pub skills: Vec<SkillClaim>,
    pub sectors_of_interest: Vec<Sector>,
}

impl Facts {
    pub fn age_on(&self, day: Date) -> Option<u8> {
        self.birth_date.and_then(|birth| age_on(birth, day))
    }

    /// Whether the person belongs to `group` on `day`; `None` when the facts needed are missing.
    pub fn in_group(&self, group: TargetGroup, day: Date) -> Option<bool> {
        Some(match group {
            TargetGroup::Women => self.sex? == Sex::Female,
            TargetGroup::Youth => (18..=35).contains(&self.age_on(day)?),
            TargetGroup::Refugee => self
                .documents
                .iter()
                .any(|d| d.kind == DocumentKind::RefugeeCard && d.valid_on(day)),
            TargetGroup::HostCommunity => self.nationality?.code() == "MA",
            declared => self.declared_groups.contains(&declared),
        })
    }

    /// The claim for `skill`, if any (skills are kept sorted).
    pub fn claim(&self, skill: SkillId) -> Option<&SkillClaim> {
        self.skills
            .binary_search_by_key(&skill, |c| c.skill)
            .ok()
            .map(|i| &self.skills[i])
    }

    /// Puts skills in the order `claim` relies on, keeping the last claim of a repeated skill.
    pub fn normalise(&mut self) {
        self.skills.reverse();
        self.skills.sort_by_key(|c| c.skill);
        self.skills.dedup_by_key(|c| c.skill);
        self.languages.sort();
        self.languages.dedup();
        self.sectors_of_interest.sort();
        self.sectors_of_interest.dedup();
        self.completed.sort_by_key(|p| p.code());
        self.completed.dedup();
    }
}
