//! The grant committee's rules (domain.md, "Committee practice"): a member's score sheet
//! checked against the call's rubric, who may score a plan (a member without a conflict, who
//! never coached it, once per round), where each member stands on a plan, the quorum, and what
//! the committee may see of the applicant (never their health or vulnerability flags; no name,
//! nationality or legal status when the call reviews blind).

pub mod decision;

use crate::domain::catalogue::grant_terms::{Criterion, Rubric};
use crate::domain::plans::plan::PlanStatus;
use crate::domain::shared::problem::{Field, FieldProblem, Problem};
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
            let field = Field::Criterion(criterion);
            if text.is_empty() {
                problems.push(FieldProblem::new(
                    field,
                    Problem::ScoreMissing { criterion },
                ));
                continue;
            }
            match text.parse::<u8>() {
                Ok(score) if score <= SCORE_MAX => scores.push(Score { criterion, score }),
                _ => problems.push(FieldProblem::new(
                    field,
                    Problem::ScoreOutOfRange { criterion },
                )),
            }
        }
        let comment = comment.trim();
        if comment.chars().count() > COMMENT_MAX {
            problems.push(FieldProblem::new(
                Field::Comment,
                Problem::TextTooLong { max: COMMENT_MAX },
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
            return Err(Problem::NotUnderReview);
        }
        if self.coached {
            return Err(Problem::CoachedPlan);
        }
        match self.conflicted {
            None => Err(Problem::DeclarationRequired),
            Some(true) => Err(Problem::Recused),
            Some(false) if self.scored => Err(Problem::AlreadyScored),
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
                Problem::ConflictAnswerMissing,
            ));
            None
        }
    };
    let note = note.trim();
    if note.chars().count() > NOTE_MAX {
        problems.push(FieldProblem::new(
            Field::Comment,
            Problem::TextTooLong { max: NOTE_MAX },
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
mod tests {
    use super::*;

    fn typed(values: &[(Criterion, &str)]) -> Vec<(Criterion, String)> {
        values.iter().map(|(c, t)| (*c, (*t).to_owned())).collect()
    }

    fn all(score: &str) -> Vec<(Criterion, String)> {
        Criterion::ALL
            .iter()
            .map(|c| (*c, score.to_owned()))
            .collect()
    }

    #[test]
    fn a_full_sheet_is_weighted_by_the_rubric() {
        let rubric = Rubric::syb_default();
        let sheet = ScoreSheet::parse(
            &rubric,
            &typed(&[
                (Criterion::Viability, "4"),
                (Criterion::Market, "3"),
                (Criterion::Experience, "5"),
                (Criterion::BudgetRealism, " 2 "),
                (Criterion::SocialImpact, "0"),
            ]),
            "  Solide.  ",
        )
        .expect("valid");
        // 4×30 + 3×20 + 5×20 + 2×15 + 0×15 = 310
        assert_eq!(sheet.weighted(&rubric), 310);
        assert_eq!(points(310), "3.10");
        assert_eq!(sheet.comment, "Solide.");
    }

    #[test]
    fn top_and_bottom_marks_give_five_and_zero_points() {
        let rubric = Rubric::syb_default();
        let top = ScoreSheet::parse(&rubric, &all("5"), "").expect("valid");
        assert_eq!(top.weighted(&rubric), 500);
        let bottom = ScoreSheet::parse(&rubric, &all("0"), "").expect("valid");
        assert_eq!(bottom.weighted(&rubric), 0);
        assert_eq!(points(500), "5.00");
        assert_eq!(points(7), "0.07");
    }

    #[test]
    fn every_missing_or_out_of_range_criterion_is_named() {
        let rubric = Rubric::syb_default();
        let problems = ScoreSheet::parse(
            &rubric,
            &typed(&[
                (Criterion::Viability, "6"),
                (Criterion::Market, "-1"),
                (Criterion::Experience, "2.5"),
                (Criterion::BudgetRealism, ""),
            ]),
            "",
        )
        .expect_err("invalid");
        assert_eq!(
            problems,
            vec![
                FieldProblem::new(
                    Field::Criterion(Criterion::Viability),
                    Problem::ScoreOutOfRange {
                        criterion: Criterion::Viability
                    }
                ),
                FieldProblem::new(
                    Field::Criterion(Criterion::Market),
                    Problem::ScoreOutOfRange {
                        criterion: Criterion::Market
                    }
                ),
                FieldProblem::new(
                    Field::Criterion(Criterion::Experience),
                    Problem::ScoreOutOfRange {
                        criterion: Criterion::Experience
                    }
                ),
                FieldProblem::new(
                    Field::Criterion(Criterion::BudgetRealism),
                    Problem::ScoreMissing {
                        criterion: Criterion::BudgetRealism
                    }
                ),
                FieldProblem::new(
                    Field::Criterion(Criterion::SocialImpact),
                    Problem::ScoreMissing {
                        criterion: Criterion::SocialImpact
                    }
                ),
            ]
        );
    }

    #[test]
    fn only_the_rubrics_criteria_are_scored() {
        use crate::domain::catalogue::grant_terms::Weight;
        let rubric = Rubric::new(vec![
            Weight {
                criterion: Criterion::Viability,
                weight: 60,
            },
            Weight {
                criterion: Criterion::Market,
                weight: 40,
            },
        ])
        .expect("rubric");
        let sheet = ScoreSheet::parse(&rubric, &all("3"), "").expect("valid");
        assert_eq!(sheet.scores.len(), 2);
        assert_eq!(sheet.weighted(&rubric), 300);
    }

    #[test]
    fn a_comment_longer_than_4000_characters_is_refused() {
        let rubric = Rubric::syb_default();
        let long = "é".repeat(COMMENT_MAX + 1);
        let problems = ScoreSheet::parse(&rubric, &all("3"), &long).expect_err("too long");
        assert_eq!(
            problems,
            vec![FieldProblem::new(
                Field::Comment,
                Problem::TextTooLong { max: COMMENT_MAX }
            )]
        );
        assert!(ScoreSheet::parse(&rubric, &all("3"), &"é".repeat(COMMENT_MAX)).is_ok());
    }

    fn facts(conflicted: Option<bool>, coached: bool, scored: bool) -> ScoringFacts {
        ScoringFacts {
            status: PlanStatus::UnderReview,
            conflicted,
            coached,
            scored,
        }
    }

    #[test]
    fn a_member_declares_before_scoring_and_a_conflict_recuses_them() {
        assert_eq!(
            facts(None, false, false).may_score(),
            Err(Problem::DeclarationRequired)
        );
        assert_eq!(
            facts(Some(true), false, false).may_score(),
            Err(Problem::Recused)
        );
        assert_eq!(facts(Some(false), false, false).may_score(), Ok(()));
        assert_eq!(facts(None, false, false).standing(), Standing::ToDeclare);
        assert_eq!(
            facts(Some(true), false, false).standing(),
            Standing::Recused
        );
        assert_eq!(
            facts(Some(false), false, false).standing(),
            Standing::ToScore
        );
    }

    #[test]
    fn a_member_who_coached_the_plan_never_scores_it() {
        for conflicted in [None, Some(false), Some(true)] {
            assert_eq!(
                facts(conflicted, true, false).may_score(),
                Err(Problem::CoachedPlan)
            );
            assert_eq!(facts(conflicted, true, false).standing(), Standing::Recused);
        }
    }

    #[test]
    fn a_member_scores_once_per_round() {
        assert_eq!(
            facts(Some(false), false, true).may_score(),
            Err(Problem::AlreadyScored)
        );
        assert_eq!(facts(Some(false), false, true).standing(), Standing::Scored);
    }

    #[test]
    fn only_a_plan_under_review_is_scored() {
        for status in PlanStatus::ALL {
            let f = ScoringFacts {
                status,
                ..facts(Some(false), false, false)
            };
            assert_eq!(
                f.may_score().is_ok(),
                status == PlanStatus::UnderReview,
                "{status:?}"
            );
        }
    }

    #[test]
    fn a_declaration_says_yes_or_no() {
        assert_eq!(
            parse_declaration("yes", " Cousin. "),
            Ok((true, "Cousin.".into()))
        );
        assert_eq!(parse_declaration("no", ""), Ok((false, String::new())));
        assert_eq!(
            parse_declaration("", ""),
            Err(vec![FieldProblem::new(
                Field::Conflict,
                Problem::ConflictAnswerMissing
            )])
        );
        assert!(parse_declaration("no", &"x".repeat(NOTE_MAX + 1)).is_err());
    }

    #[test]
    fn the_average_is_rounded_to_the_hundredth_and_the_quorum_counts_sheets() {
        assert_eq!(average(&[]), None);
        assert_eq!(average(&[310, 400]), Some(355));
        assert_eq!(average(&[100, 100, 101]), Some(100));
        assert_eq!(average(&[100, 101, 101]), Some(101));
        assert!(!Quorum { have: 2, need: 3 }.reached());
        assert!(Quorum { have: 3, need: 3 }.reached());
    }

    #[test]
    fn a_blind_call_shows_the_committee_no_identity() {
        let identity = Identity {
            name: "Awa Koné".into(),
            nationality: Some("CI".into()),
            papers: vec!["residence_card".into()],
        };
        assert_eq!(identity_for_committee(true, identity.clone()), None);
        assert_eq!(
            identity_for_committee(false, identity.clone()),
            Some(identity)
        );
    }
}
