//! The grant committee's rules (domain.md, "Committee practice"): a member's score sheet
//! checked against the call's rubric, who may score a plan (a member without a conflict, who
//! never coached it, once per round), where each member stands on a plan, the quorum, and what
//! the committee may see of the applicant (never their health or vulnerability flags; no name,
//! nationality or legal status when the call reviews blind).

pub mod decider;
pub mod decision;
pub mod problem;

use crate::domain::catalogue::grant_terms::{Criterion, Rubric};
use crate::domain::committee::problem::CommitteeProblem;
use crate::domain::plans::plan::PlanStatus;
use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::shared::problem::{Field, SharedProblem};
use serde::{Deserialize, Serialize};

/// The highest score of a criterion.
pub const SCORE_MAX: u8 = 5;
/// A score sheet's comment, in characters.
pub const COMMENT_MAX: usize = 4000;
/// A declaration's note, in characters.
pub const NOTE_MAX: usize = 1000;
/// A review session's place, in characters.
pub const PLACE_MAX: usize = 120;

/// One criterion's score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub criterion: Criterion,
    pub score: u8,
}

/// A member's scores of one plan, every criterion of the call's rubric scored 0 to 5.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreSheet {
    pub scores: Vec<Score>,
    pub comment: String,
}

impl ScoreSheet {
    /// The sheet as typed (`typed` holds a text per criterion the form sent): every problem
    /// is named at once, each on its criterion.
    pub fn parse(
        rubric: &Rubric,
        typed: &[(Criterion, String)],
        comment: &str,
    ) -> Result<ScoreSheet, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let mut scores = Vec::new();
        for weight in rubric.weights() {
            let criterion = weight.criterion;
            let text = typed
                .iter()
                .find(|(c, _)| *c == criterion)
                .map(|(_, t)| t.trim())
                .unwrap_or_default();
            let field = criterion.field();
            if text.is_empty() {
                problems.push(FieldProblem::new(
                    field,
                    CommitteeProblem::ScoreMissing { criterion },
                ));
                continue;
            }
            match text.parse::<u8>() {
                Ok(score) if score <= SCORE_MAX => scores.push(Score { criterion, score }),
                _ => problems.push(FieldProblem::new(
                    field,
                    CommitteeProblem::ScoreOutOfRange { criterion },
                )),
            }
        }
        let comment = comment.trim();
        if comment.chars().count() > COMMENT_MAX {
            problems.push(FieldProblem::new(
                Field::Comment,
                SharedProblem::TextTooLong { max: COMMENT_MAX },
            ));
        }
        if problems.is_empty() {
            Ok(ScoreSheet {
                scores,
                comment: comment.to_owned(),
            })
        } else {
            Err(problems)
        }
    }

    /// Σ score × weight: hundredths of a point out of 5 (0..=500), as `score_sheets.weighted`.
    pub fn weighted(&self, rubric: &Rubric) -> u16 {
        self.scores
            .iter()
            .map(|s| u16::from(s.score) * u16::from(rubric.weight_of(s.criterion)))
            .sum()
    }
}

/// A weighted total (hundredths of a point) read as points out of 5: "3.45".
pub fn points(weighted: i64) -> String {
    let sign = if weighted < 0 { "-" } else { "" };
    let abs = weighted.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// The average of weighted totals, rounded to the nearest hundredth; none without sheets.
pub fn average(weighted: &[i64]) -> Option<i64> {
    let n = i64::try_from(weighted.len()).ok().filter(|n| *n > 0)?;
    let sum: i64 = weighted.iter().sum();
    Some((2 * sum + n) / (2 * n))
}

/// What is known of one member and one plan to decide whether they may score it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoringFacts {
    pub status: PlanStatus,
    /// `None` before the member declared; `Some(true)` when they declared a conflict.
    pub conflicted: Option<bool>,
    /// The member mentored this plan (now or at any time before).
    pub coached: bool,
    /// The member already scored it in this round.
    pub scored: bool,
}

/// Where a member stands on a plan on the agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Declare a conflict of interest (or none) first.
    ToDeclare,
    /// A declared conflict, or a plan they coached: they do not score it.
    Recused,
    ToScore,
    Scored,
}

impl Standing {
    pub fn code(self) -> &'static str {
        match self {
            Standing::ToDeclare => "to_declare",
            Standing::Recused => "recused",
            Standing::ToScore => "to_score",
            Standing::Scored => "scored",
        }
    }
}

impl ScoringFacts {
    pub fn standing(self) -> Standing {
        match (self.coached, self.conflicted, self.scored) {
            (_, _, true) => Standing::Scored,
            (true, _, _) | (_, Some(true), _) => Standing::Recused,
            (false, None, _) => Standing::ToDeclare,
            (false, Some(false), false) => Standing::ToScore,
        }
    }

    /// A member (the caller checked membership) may score a plan under review, once per round,
    /// after declaring no conflict, and never a plan they coached.
    pub fn may_score(self) -> Result<(), Problem> {
        if self.status != PlanStatus::UnderReview {
            return Err(CommitteeProblem::NotUnderReview.into());
        }
        if self.coached {
            return Err(CommitteeProblem::CoachedPlan.into());
        }
        match self.conflicted {
            None => Err(CommitteeProblem::DeclarationRequired.into()),
            Some(true) => Err(CommitteeProblem::Recused.into()),
            Some(false) if self.scored => Err(CommitteeProblem::AlreadyScored.into()),
            Some(false) => Ok(()),
        }
    }
}

/// A declaration as the form sends it: "yes" (a conflict) or "no", and an optional note.
pub fn parse_declaration(
    conflicted: &str,
    note: &str,
) -> Result<(bool, String), Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let answer = match conflicted.trim() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => {
            problems.push(FieldProblem::new(
                Field::Conflict,
                CommitteeProblem::ConflictAnswerMissing,
            ));
            None
        }
    };
    let note = note.trim();
    if note.chars().count() > NOTE_MAX {
        problems.push(FieldProblem::new(
            Field::Comment,
            SharedProblem::TextTooLong { max: NOTE_MAX },
        ));
    }
    match answer {
        Some(answer) if problems.is_empty() => Ok((answer, note.to_owned())),
        _ => Err(problems),
    }
}

/// Score sheets in for this round against the call's quorum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quorum {
    pub have: u8,
    pub need: u8,
}

impl Quorum {
    pub fn reached(self) -> bool {
        self.have >= self.need
    }
}

/// What the committee may know of who wrote a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub name: String,
    /// ISO country code.
    pub nationality: Option<String>,
    /// The papers they hold (codes of `DocumentKind`): their legal status in Morocco.
    pub papers: Vec<String>,
}

/// The applicant as the committee sees them: nobody when the call reviews blind. Health and
/// vulnerability flags are not part of `Identity` at all, so they can never be shown.
pub fn identity_for_committee(blind: bool, identity: Identity) -> Option<Identity> {
    (!blind).then_some(identity)
}

#[cfg(test)]
#[path = "committee_tests.rs"]
mod tests;
