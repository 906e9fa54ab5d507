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
                Criterion::Viability.field(),
                CommitteeProblem::ScoreOutOfRange {
                    criterion: Criterion::Viability
                }
            ),
            FieldProblem::new(
                Criterion::Market.field(),
                CommitteeProblem::ScoreOutOfRange {
                    criterion: Criterion::Market
                }
            ),
            FieldProblem::new(
                Criterion::Experience.field(),
                CommitteeProblem::ScoreOutOfRange {
                    criterion: Criterion::Experience
                }
            ),
            FieldProblem::new(
                Criterion::BudgetRealism.field(),
                CommitteeProblem::ScoreMissing {
                    criterion: Criterion::BudgetRealism
                }
            ),
            FieldProblem::new(
                Criterion::SocialImpact.field(),
                CommitteeProblem::ScoreMissing {
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
            SharedProblem::TextTooLong { max: COMMENT_MAX }
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
        Err(CommitteeProblem::DeclarationRequired.into())
    );
    assert_eq!(
        facts(Some(true), false, false).may_score(),
        Err(CommitteeProblem::Recused.into())
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
            Err(CommitteeProblem::CoachedPlan.into())
        );
        assert_eq!(facts(conflicted, true, false).standing(), Standing::Recused);
    }
}

#[test]
fn a_member_scores_once_per_round() {
    assert_eq!(
        facts(Some(false), false, true).may_score(),
        Err(CommitteeProblem::AlreadyScored.into())
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
            CommitteeProblem::ConflictAnswerMissing
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
