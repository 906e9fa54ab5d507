//! Mentoring: the free text people write on a plan (reasons, comments, session notes), the
//! session log's rules, who a plan waits on, and which mentor to suggest for a plan.

use crate::domain::committee::decision::JUSTIFICATION_MAX;
use crate::domain::mentoring::problem::MentoringProblem;
use crate::domain::plans::plan::{PlanAction, PlanStatus};
use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::profile::Language;
use crate::domain::shared::form_date;
use crate::domain::shared::problem::{Field, SharedProblem};
use crate::domain::shared::reference::{City, Sector};
use crate::domain::shared::text::FreeText;
use serde::{Deserialize, Serialize};
use time::Date;

/// The longest reason given for a change of state.
pub const REASON_MAX: usize = 2000;
/// The longest comment: a page of advice, short enough to read on a phone.
pub const COMMENT_MAX: usize = 4000;
/// The longest topics or next steps of a session.
pub const NOTES_MAX: usize = 2000;
/// A session lasts from five minutes to a working day.
pub const MINUTES_MIN: u16 = 5;
pub const MINUTES_MAX: u16 = 480;
/// How many plans a mentor may coach at once, at most.
pub const CAPACITY_MAX: u16 = 100;

/// The reason given with a step: required when the mentor asks for changes (the applicant
/// must know what to change), optional when signing off or withdrawing, never taken with a
/// submission (a reason field sent with one is ignored).
pub fn reason_for(action: PlanAction, input: &str) -> Result<Option<String>, Problem> {
    match action {
        PlanAction::RequestChanges => {
            Ok(Some(FreeText::<REASON_MAX>::required(input)?.into_string()))
        }
        PlanAction::MarkReady | PlanAction::Withdraw | PlanAction::PutOnAgenda => {
            Ok(FreeText::<REASON_MAX>::optional(input)?.map(FreeText::into_string))
        }
        // The committee's justification is checked with its decision (`domain::committee::decision`).
        PlanAction::Approve | PlanAction::Reject | PlanAction::Return => {
            let text = FreeText::<JUSTIFICATION_MAX>::required(input)?;
            Ok(Some(text.into_string()))
        }
        PlanAction::Submit | PlanAction::Resubmit => Ok(None),
    }
}

/// Whether a step takes a reason at all (the form shows a text box for it).
pub fn takes_reason(action: PlanAction) -> bool {
    matches!(
        action,
        PlanAction::RequestChanges | PlanAction::MarkReady | PlanAction::Withdraw
    )
}

/// One mentoring session as the mentor logs it, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub held_on: Date,
    pub minutes: u16,
    pub topics: String,
    pub next_steps: String,
}

impl Session {
    /// Every field checked at once, so the form shows all its problems together. A session
    /// cannot be in the future, nor before the plan was started.
    pub fn parse(
        held_on: &str,
        minutes: &str,
        topics: &str,
        next_steps: &str,
        today: Date,
        started_on: Date,
    ) -> Result<Session, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let mut fail = |field, problem: Problem| problems.push(FieldProblem::new(field, problem));
        let held_on = match form_date::required(held_on) {
            Err(problem) => {
                fail(Field::HeldOn, problem.into());
                None
            }
            Ok(day) if day > today => {
                fail(Field::HeldOn, SharedProblem::DateInFuture.into());
                None
            }
            Ok(day) if day < started_on => {
                fail(Field::HeldOn, MentoringProblem::BeforePlanStarted.into());
                None
            }
            Ok(day) => Some(day),
        };
        let minutes = match minutes.trim().parse::<u16>() {
            Ok(m) if (MINUTES_MIN..=MINUTES_MAX).contains(&m) => Some(m),
            _ => {
                let (min, max) = (MINUTES_MIN, MINUTES_MAX);
                fail(
                    Field::Minutes,
                    MentoringProblem::MinutesInvalid { min, max }.into(),
                );
                None
            }
        };
        let topics = FreeText::<NOTES_MAX>::required(topics)
            .map_err(|problem| fail(Field::Topics, problem.into()))
            .ok();
        let next_steps = FreeText::<NOTES_MAX>::optional(next_steps)
            .map_err(|problem| fail(Field::NextSteps, problem.into()))
            .ok();
        match (held_on, minutes, topics, next_steps) {
            (Some(held_on), Some(minutes), Some(topics), Some(next_steps))
                if problems.is_empty() =>
            {
                Ok(Session {
                    held_on,
                    minutes,
                    topics: topics.into_string(),
                    next_steps: next_steps.map(FreeText::into_string).unwrap_or_default(),
                })
            }
            _ => Err(problems),
        }
    }
}

/// A mentor's capacity from a form: 1 to [`CAPACITY_MAX`] plans.
pub fn parse_capacity(input: &str) -> Result<u16, Problem> {
    input
        .trim()
        .parse::<u16>()
        .ok()
        .filter(|c| (1..=CAPACITY_MAX).contains(c))
        .ok_or(
            MentoringProblem::CapacityInvalid {
                min: 1,
                max: CAPACITY_MAX,
            }
            .into(),
        )
}

/// Whose move it is on a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WaitsOn {
    Mentor,
    Applicant,
    Committee,
}

/// Who a plan in `status` waits on, if anyone (a finished plan waits on nobody).
pub fn waits_on(status: PlanStatus) -> Option<WaitsOn> {
    match status {
        PlanStatus::Submitted | PlanStatus::Resubmitted => Some(WaitsOn::Mentor),
        PlanStatus::Draft | PlanStatus::ChangesRequested | PlanStatus::Returned => {
            Some(WaitsOn::Applicant)
        }
        PlanStatus::ReadyForCommittee | PlanStatus::UnderReview => Some(WaitsOn::Committee),
        PlanStatus::Approved
        | PlanStatus::Rejected
        | PlanStatus::Withdrawn
        | PlanStatus::Closed => None,
    }
}

/// Whether a plan still counts in a mentor's caseload (and in their capacity).
pub fn in_caseload(status: PlanStatus) -> bool {
    !matches!(
        status,
        PlanStatus::Withdrawn | PlanStatus::Closed | PlanStatus::Rejected
    )
}

/// What a mentor brings, for suggestions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentorFit {
    pub id: i64,
    pub city: Option<City>,
    pub sectors: Vec<Sector>,
    pub languages: Vec<Language>,
    pub capacity: u16,
    /// Plans they coach now.
    pub caseload: u16,
}

/// What a plan needs of a mentor: the applicant's city and languages, and the sectors of the
/// applicant's profile and of the call.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanNeeds {
    pub city: Option<City>,
    pub sectors: Vec<Sector>,
    pub languages: Vec<Language>,
}

/// Why a mentor is suggested (or placed low), shown to the admin beside the suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Fit {
    SameCity {
        city: City,
    },
    SharedSectors {
        sectors: Vec<Sector>,
    },
    SharedLanguages {
        languages: Vec<Language>,
    },
    /// No language in common: they would need an interpreter.
    NoSharedLanguage,
    Caseload {
        load: u16,
        capacity: u16,
    },
    /// At or above capacity: suggested last.
    Full {
        load: u16,
        capacity: u16,
    },
}

/// One suggested mentor with the reasons for their place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub mentor: i64,
    pub score: u32,
    pub full: bool,
    pub reasons: Vec<Fit>,
}

/// Points for each kind of fit: a shared language matters most (coaching is talk), then the
/// same city (sessions in person), then each shared sector (up to two).
const LANGUAGE_POINTS: u32 = 4;
const CITY_POINTS: u32 = 3;
const SECTOR_POINTS: u32 = 2;
const SECTORS_COUNTED: usize = 2;

/// The mentors ranked for a plan: those with room first, by fit, then by the most spare
/// capacity; a full mentor always comes after every mentor with room, marked full.
pub fn suggest(needs: &PlanNeeds, mentors: &[MentorFit]) -> Vec<Suggestion> {
    let mut ranked: Vec<(Suggestion, i32)> = mentors
        .iter()
        .map(|mentor| {
            let suggestion = fit(needs, mentor);
            let spare = i32::from(mentor.capacity) - i32::from(mentor.caseload);
            (suggestion, spare)
        })
        .collect();
    ranked.sort_by(|(a, spare_a), (b, spare_b)| {
        a.full
            .cmp(&b.full)
            .then(b.score.cmp(&a.score))
            .then(spare_b.cmp(spare_a))
            .then(a.mentor.cmp(&b.mentor))
    });
    ranked.into_iter().map(|(s, _)| s).collect()
}

fn fit(needs: &PlanNeeds, mentor: &MentorFit) -> Suggestion {
    let mut score = 0;
    let mut reasons = Vec::new();
    let languages: Vec<Language> = shared(&mentor.languages, &needs.languages);
    if languages.is_empty() {
        reasons.push(Fit::NoSharedLanguage);
    } else {
        score += LANGUAGE_POINTS;
        reasons.push(Fit::SharedLanguages { languages });
    }
    if let (Some(city), Some(needed)) = (mentor.city, needs.city) {
        if city == needed {
            score += CITY_POINTS;
            reasons.push(Fit::SameCity { city });
        }
    }
    let sectors: Vec<Sector> = shared(&mentor.sectors, &needs.sectors);
    if !sectors.is_empty() {
        let counted = u32::try_from(sectors.len().min(SECTORS_COUNTED)).unwrap_or(0);
        score += SECTOR_POINTS * counted;
        reasons.push(Fit::SharedSectors { sectors });
    }
    let (load, capacity) = (mentor.caseload, mentor.capacity);
    let full = load >= capacity;
    reasons.push(if full {
        Fit::Full { load, capacity }
    } else {
        Fit::Caseload { load, capacity }
    });
    Suggestion {
        mentor: mentor.id,
        score,
        full,
        reasons,
    }
}

/// The items of `theirs` also in `ours`, once each, in `theirs`' order.
fn shared<T: Copy + PartialEq>(theirs: &[T], ours: &[T]) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for item in theirs {
        if ours.contains(item) && !out.contains(item) {
            out.push(*item);
        }
    }
    out
}

/// Whole days from `since` to `now` (never negative), for "waiting for 5 days".
pub fn days_between(since: time::OffsetDateTime, now: time::OffsetDateTime) -> i64 {
    (now - since).whole_days().max(0)
}

pub mod problem;
#[cfg(test)]
#[path = "mentoring_tests.rs"]
mod tests;
