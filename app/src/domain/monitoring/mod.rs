//! Monitoring visits (domain.md, "Monitoring"): what a mentor reports after visiting a funded
//! business, and the evidence files they attach. A satisfactory visit is what releases a
//! tranche that the call's template ties to monitoring (`domain::money::tranche`).
//!
//! Evidence is accepted by what the bytes are, never by the name or the type the browser
//! declares: a `.jpg` holding HTML is refused. The name is kept for display only; the file is
//! served under a name the server makes (`evidence-<id>.<ext>`).

use crate::domain::monitoring::problem::MonitoringProblem;
use crate::domain::monitoring::score::{Equipment, ProblemLevel, ScoreFacts};
use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::shared::file_name;
use crate::domain::shared::form_date;
use crate::domain::shared::money::{Money, MoneyError};
use crate::domain::shared::problem::{Field, SharedProblem, Snippet};
use crate::domain::shared::text::FreeText;
use serde::{Deserialize, Serialize};
use time::Date;

/// The longest account of the business's problems.
pub const PROBLEMS_MAX: usize = 4000;
/// Jobs the business gives, the owner included.
pub const JOBS_MAX: u16 = 1000;
/// A month's revenue or costs above ten million dirhams is a typing mistake for a microgrant.
pub const AMOUNT_MAX: Money = Money::from_dirhams(10_000_000);
/// One evidence file: a phone photo or a scanned receipt fits well under 5 MiB.
pub const EVIDENCE_MAX_BYTES: usize = 5 * 1024 * 1024;
/// Evidence files attached to one visit.
pub const EVIDENCE_MAX_FILES: usize = 5;

/// The visit form as the browser sends it: the raw text of each field, kept to show the form
/// back with what was typed when something is wrong.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitForm {
    pub visited_on: String,
    /// `yes` or `no`.
    pub operating: String,
    pub revenue: String,
    pub costs: String,
    pub jobs: String,
    pub problems: String,
    /// `present`, `partly` or `missing` (`score::Equipment`).
    pub equipment: String,
    /// `none`, `manageable` or `threatening` (`score::ProblemLevel`).
    pub problem_level: String,
    /// `yes` or `no`.
    pub satisfactory: String,
}

/// The longest short answer (a date, yes or no, an amount, a count) kept to show back.
const SHORT_KEPT: usize = 40;

impl VisitForm {
    /// What is kept, in the mentor's session, to show a refused form back: each field cut to a
    /// little past its limit (enough for "too long" to make sense and the text to be
    /// recognised), so megabytes pasted into a box never land in a session row.
    pub fn kept_for_retry(&self) -> VisitForm {
        let cut = |text: &str, max: usize| text.chars().take(max).collect::<String>();
        VisitForm {
            visited_on: cut(&self.visited_on, SHORT_KEPT),
            operating: cut(&self.operating, SHORT_KEPT),
            revenue: cut(&self.revenue, SHORT_KEPT),
            costs: cut(&self.costs, SHORT_KEPT),
            jobs: cut(&self.jobs, SHORT_KEPT),
            problems: cut(&self.problems, PROBLEMS_MAX + 1),
            equipment: cut(&self.equipment, SHORT_KEPT),
            problem_level: cut(&self.problem_level, SHORT_KEPT),
            satisfactory: cut(&self.satisfactory, SHORT_KEPT),
        }
    }
}

/// A visit, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visit {
    pub visited_on: Date,
    pub operating: bool,
    pub revenue: Money,
    pub costs: Money,
    pub jobs: u16,
    pub problems: String,
    pub equipment: Equipment,
    pub problem_level: ProblemLevel,
    pub satisfactory: bool,
}

impl Visit {
    /// Every field checked at once, so the form shows all its problems together. A visit is
    /// not in the future nor before the plan was approved (`approved_on`), and only a business
    /// that operates can be found satisfactory.
    pub fn parse(
        form: &VisitForm,
        today: Date,
        approved_on: Date,
    ) -> Result<Visit, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let mut fail = |field, problem: Problem| problems.push(FieldProblem::new(field, problem));
        let visited_on = visit_day(&form.visited_on, today, approved_on)
            .map_err(|p| fail(Field::VisitedOn, p))
            .ok();
        let operating = yes_no(&form.operating)
            .map_err(|p| fail(Field::Operating, p))
            .ok();
        let revenue = amount(&form.revenue)
            .map_err(|p| fail(Field::Revenue, p))
            .ok();
        let costs = amount(&form.costs).map_err(|p| fail(Field::Costs, p)).ok();
        let jobs = match form.jobs.trim().parse::<u16>() {
            Ok(jobs) if jobs <= JOBS_MAX => Some(jobs),
            _ => {
                let max = JOBS_MAX;
                fail(Field::Jobs, MonitoringProblem::JobsInvalid { max }.into());
                None
            }
        };
        let notes = FreeText::<PROBLEMS_MAX>::optional(&form.problems)
            .map(|notes| notes.map(FreeText::into_string))
            .map_err(|p| fail(Field::Problems, p.into()))
            .ok();
        let equipment = choice(Equipment::from_code(form.equipment.trim()))
            .map_err(|p| fail(Field::Equipment, p))
            .ok();
        let problem_level = choice(ProblemLevel::from_code(form.problem_level.trim()))
            .map_err(|p| fail(Field::ProblemLevel, p))
            .ok();
        let satisfactory = yes_no(&form.satisfactory)
            .map_err(|p| fail(Field::Satisfactory, p))
            .ok();
        if operating == Some(false) && satisfactory == Some(true) {
            let problem = MonitoringProblem::SatisfactoryNeedsOperating;
            fail(Field::Satisfactory, problem.into());
        }
        let visit = (|| {
            Some(Visit {
                visited_on: visited_on?,
                operating: operating?,
                revenue: revenue?,
                costs: costs?,
                jobs: jobs?,
                problems: notes?.unwrap_or_default(),
                equipment: equipment?,
                problem_level: problem_level?,
                satisfactory: satisfactory?,
            })
        })();
        match visit {
            Some(visit) if problems.is_empty() => Ok(visit),
            _ => Err(problems),
        }
    }

    /// What the sustainability score is read from.
    pub fn score_facts(&self) -> ScoreFacts {
        ScoreFacts {
            operating: self.operating,
            revenue: self.revenue,
            costs: self.costs,
            jobs: self.jobs,
            equipment: Some(self.equipment),
            problem_level: Some(self.problem_level),
        }
    }
}

/// A question answered by choosing one of a few codes: it must be answered.
fn choice<T>(chosen: Option<T>) -> Result<T, Problem> {
    chosen.ok_or_else(|| MonitoringProblem::ChoiceMissing.into())
}

/// A yes/no question answered with a radio button: it must be answered.
fn yes_no(input: &str) -> Result<bool, Problem> {
    match input.trim() {
        "yes" => Ok(true),
        "no" => Ok(false),
        _ => Err(MonitoringProblem::AnswerMissing.into()),
    }
}

/// Last month's revenue or costs: zero or more dirhams, below [`AMOUNT_MAX`].
fn amount(input: &str) -> Result<Money, Problem> {
    match Money::parse(input) {
        Ok(money) if money > AMOUNT_MAX => {
            Err(MonitoringProblem::AmountAboveLimit { max: AMOUNT_MAX }.into())
        }
        Ok(money) => Ok(money),
        Err(MoneyError::Missing) => Err(MonitoringProblem::AmountMissing.into()),
        Err(MoneyError::Invalid) => Err(SharedProblem::AmountInvalid.into()),
        Err(MoneyError::Negative) => Err(MonitoringProblem::AmountBelowZero.into()),
        Err(MoneyError::TooLarge) => {
            Err(MonitoringProblem::AmountAboveLimit { max: AMOUNT_MAX }.into())
        }
    }
}

/// The kinds of evidence accepted, each known by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    Jpeg,
    Png,
    Webp,
    Pdf,
}

impl EvidenceKind {
    pub const ALL: [EvidenceKind; 4] = [
        EvidenceKind::Jpeg,
        EvidenceKind::Png,
        EvidenceKind::Webp,
        EvidenceKind::Pdf,
    ];

    /// What the file is, from its magic bytes alone; `None` for anything else.
    pub fn sniff(bytes: &[u8]) -> Option<EvidenceKind> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(EvidenceKind::Jpeg)
        } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
            Some(EvidenceKind::Png)
        } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
            Some(EvidenceKind::Webp)
        } else if bytes.starts_with(b"%PDF-") {
            Some(EvidenceKind::Pdf)
        } else {
            None
        }
    }

    /// The media type stored and served (the database's check constraint lists the same).
    pub fn content_type(self) -> &'static str {
        match self {
            EvidenceKind::Jpeg => "image/jpeg",
            EvidenceKind::Png => "image/png",
            EvidenceKind::Webp => "image/webp",
            EvidenceKind::Pdf => "application/pdf",
        }
    }

    pub fn from_content_type(content_type: &str) -> Option<EvidenceKind> {
        EvidenceKind::ALL
            .into_iter()
            .find(|kind| kind.content_type() == content_type)
    }

    /// The extension of the name the server gives the file when serving it.
    pub fn extension(self) -> &'static str {
        match self {
            EvidenceKind::Jpeg => "jpg",
            EvidenceKind::Png => "png",
            EvidenceKind::Webp => "webp",
            EvidenceKind::Pdf => "pdf",
        }
    }
}

/// An evidence file, checked: its kind read from its bytes, its name fit to show.
#[derive(Clone, PartialEq, Eq)]
pub struct Evidence {
    pub name: String,
    pub kind: EvidenceKind,
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for Evidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Evidence")
            .field("name", &self.name)
            .field("kind", &self.kind)
            .field("len", &self.bytes.len())
            .finish()
    }
}

/// An uploaded file as it arrived: the name the browser gave (never trusted) and the bytes
/// (the reader keeps at most one byte more than [`EVIDENCE_MAX_BYTES`], enough to know it is
/// too large).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Upload {
    pub name: Option<String>,
    pub bytes: Vec<u8>,
}

impl Evidence {
    /// One file: not empty, not above the size cap, and an image or a PDF by its content.
    pub fn check(upload: Upload) -> Result<Evidence, Problem> {
        let name = file_name::shown(upload.name.as_deref(), "evidence");
        let snippet = Snippet::new(&name);
        if upload.bytes.is_empty() {
            return Err(MonitoringProblem::FileEmpty { name: snippet }.into());
        }
        if upload.bytes.len() > EVIDENCE_MAX_BYTES {
            return Err(MonitoringProblem::FileTooLarge {
                name: snippet,
                max_mb: EVIDENCE_MAX_BYTES / (1024 * 1024),
            }
            .into());
        }
        let kind = EvidenceKind::sniff(&upload.bytes)
            .ok_or(MonitoringProblem::FileTypeRefused { name: snippet })?;
        Ok(Evidence {
            name,
            kind,
            bytes: upload.bytes,
        })
    }

    /// All of a visit's files, every problem named (on the evidence field).
    pub fn check_all(uploads: Vec<Upload>) -> Result<Vec<Evidence>, Vec<FieldProblem>> {
        if uploads.len() > EVIDENCE_MAX_FILES {
            let max = EVIDENCE_MAX_FILES;
            return Err(vec![FieldProblem::new(
                Field::Evidence,
                MonitoringProblem::TooManyFiles { max },
            )]);
        }
        let mut good = Vec::with_capacity(uploads.len());
        let mut problems = Vec::new();
        for upload in uploads {
            match Evidence::check(upload) {
                Ok(evidence) => good.push(evidence),
                Err(problem) => problems.push(FieldProblem::new(Field::Evidence, problem)),
            }
        }
        if problems.is_empty() {
            Ok(good)
        } else {
            Err(problems)
        }
    }
}

pub mod due;
pub mod problem;
pub mod score;
/// The day of a visit: not in the future, nor before the plan was approved.
fn visit_day(input: &str, today: Date, approved_on: Date) -> Result<Date, Problem> {
    let day = form_date::required(input)?;
    if day > today {
        Err(SharedProblem::DateInFuture.into())
    } else if day < approved_on {
        Err(MonitoringProblem::BeforeApproval.into())
    } else {
        Ok(day)
    }
}

#[cfg(test)]
#[path = "monitoring_tests.rs"]
mod tests;
