//! Checking one rule against one person's facts: what was seen, and what would meet it.

use super::{ProfileFact, Reason, Remedy, Rule};
use crate::domain::profile::{birthday, DocumentKind, Facts, Language, TargetGroup};
use time::Date;

/// A check before it is paired with its rule (the fast path never clones rules).
pub(super) struct Outcome<'r> {
    pub(super) met: bool,
    pub(super) reason: Reason,
    pub(super) remedy: Option<Fix<'r>>,
}

/// What would meet an unmet rule. A remedy naming the rule's own list borrows it until an
/// explanation asks for it, so settling verdicts for many people allocates nothing.
pub(super) enum Fix<'r> {
    Remedy(Remedy),
    GetDocument(&'r [DocumentKind]),
    SpeakLanguage(&'r [Language]),
}

impl Fix<'_> {
    pub(super) fn into_remedy(self) -> Remedy {
        match self {
            Fix::Remedy(remedy) => remedy,
            Fix::GetDocument(any_of) => Remedy::GetDocument {
                any_of: any_of.to_vec(),
            },
            Fix::SpeakLanguage(any_of) => Remedy::SpeakLanguage {
                any_of: any_of.to_vec(),
            },
        }
    }
}

fn met(reason: Reason) -> Outcome<'static> {
    Outcome {
        met: true,
        reason,
        remedy: None,
    }
}

fn unmet(reason: Reason, remedy: Option<Remedy>) -> Outcome<'static> {
    unmet_until(reason, remedy.map(Fix::Remedy))
}

fn unmet_until(reason: Reason, fix: Option<Fix<'_>>) -> Outcome<'_> {
    Outcome {
        met: false,
        reason,
        remedy: fix,
    }
}

fn unknown(fact: ProfileFact) -> Outcome<'static> {
    unmet(
        Reason::Unknown { fact },
        Some(Remedy::CompleteProfile { fact }),
    )
}

pub(super) fn check<'r>(rule: &'r Rule, facts: &Facts, day: Date) -> Outcome<'r> {
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
                None => unmet_until(Reason::NoCommonLanguage, Some(Fix::SpeakLanguage(any_of))),
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

fn check_documents<'r>(any_of: &'r [DocumentKind], facts: &Facts, day: Date) -> Outcome<'r> {
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
        None => unmet_until(Reason::DocumentMissing, Some(Fix::GetDocument(any_of))),
    }
}

fn check_groups(any_of: &[TargetGroup], facts: &Facts, day: Date) -> Outcome<'static> {
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
