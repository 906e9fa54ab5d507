use super::*;

fn thriving() -> ScoreFacts {
    ScoreFacts {
        operating: true,
        revenue: Money::from_dirhams(4_500),
        costs: Money::from_dirhams(1_200),
        jobs: 2,
        equipment: Some(Equipment::Present),
        problem_level: Some(ProblemLevel::Nothing),
    }
}

fn total(facts: ScoreFacts, previous_jobs: Option<u16>) -> u8 {
    Score::of(facts, previous_jobs).expect("scored").total()
}

#[test]
fn a_thriving_business_scores_100() {
    let score = Score::of(thriving(), Some(2)).expect("scored");
    assert_eq!(score.total(), 100);
    assert_eq!(score.band(), Band::Sustainable);
}

#[test]
fn a_closed_business_keeps_only_its_equipment_part() {
    let closed = ScoreFacts {
        operating: false,
        ..thriving()
    };
    let score = Score::of(closed, Some(2)).expect("scored");
    assert_eq!(
        score,
        Score {
            operating: 0,
            revenue: 0,
            jobs: 0,
            equipment: EQUIPMENT_POINTS,
            problems: 0
        }
    );
    assert_eq!(score.band(), Band::AtRisk);
}

#[test]
fn revenue_covers_costs_or_nearly() {
    let with = |revenue: i64, costs: i64| ScoreFacts {
        revenue: Money::from_dirhams(revenue),
        costs: Money::from_dirhams(costs),
        ..thriving()
    };
    // Exactly the costs covers them; three quarters is near; below, nothing.
    assert_eq!(total(with(1_000, 1_000), None), 100);
    assert_eq!(
        total(with(750, 1_000), None),
        100 - REVENUE_POINTS + REVENUE_NEAR_POINTS
    );
    assert_eq!(total(with(749, 1_000), None), 100 - REVENUE_POINTS);
    // Nothing sold is never "covering" costs, even with no costs.
    assert_eq!(total(with(0, 0), None), 100 - REVENUE_POINTS);
}

#[test]
fn jobs_are_read_against_the_previous_visit() {
    let jobs = |jobs: u16| ScoreFacts { jobs, ..thriving() };
    assert_eq!(total(jobs(3), Some(3)), 100, "kept");
    assert_eq!(total(jobs(4), Some(3)), 100, "created");
    assert_eq!(
        total(jobs(2), Some(3)),
        100 - JOBS_POINTS + JOBS_FEWER_POINTS,
        "lost one"
    );
    assert_eq!(total(jobs(0), Some(3)), 100 - JOBS_POINTS, "none left");
    assert_eq!(total(jobs(1), None), 100, "a first visit: the owner works");
    assert_eq!(
        total(jobs(0), None),
        100 - JOBS_POINTS,
        "a first visit with nobody working"
    );
}

#[test]
fn equipment_and_problems_lower_the_score_in_steps() {
    let with = |equipment, problem_level| ScoreFacts {
        equipment: Some(equipment),
        problem_level: Some(problem_level),
        ..thriving()
    };
    assert_eq!(
        total(with(Equipment::Partly, ProblemLevel::Manageable), None),
        100 - EQUIPMENT_POINTS + EQUIPMENT_PARTLY_POINTS - PROBLEMS_POINTS
            + PROBLEMS_MANAGEABLE_POINTS
    );
    let worst =
        Score::of(with(Equipment::Missing, ProblemLevel::Threatening), None).expect("scored");
    assert_eq!(worst.total(), 100 - EQUIPMENT_POINTS - PROBLEMS_POINTS);
    assert_eq!(
        worst.band(),
        Band::Sustainable,
        "75: operating and profitable"
    );
}

#[test]
fn bands_start_at_40_and_70() {
    let score = |revenue, jobs, equipment, problems| Score {
        operating: OPERATING_POINTS,
        revenue,
        jobs,
        equipment,
        problems,
    };
    assert_eq!(score(0, 0, 0, 5).band(), Band::AtRisk, "35");
    assert_eq!(score(10, 0, 0, 0).band(), Band::Fragile, "40");
    assert_eq!(score(25, 10, 0, 0).band(), Band::Fragile, "65");
    assert_eq!(score(25, 10, 0, 5).band(), Band::Sustainable, "70");
}

#[test]
fn a_visit_without_the_new_answers_has_no_score() {
    let old = ScoreFacts {
        equipment: None,
        ..thriving()
    };
    assert_eq!(Score::of(old, None), None);
    let old = ScoreFacts {
        problem_level: None,
        ..thriving()
    };
    assert_eq!(Score::of(old, None), None);
}

#[test]
fn a_plans_visits_are_scored_in_order() {
    let visits = [
        ScoreFacts {
            jobs: 3,
            ..thriving()
        },
        ScoreFacts {
            jobs: 2,
            ..thriving()
        },
        ScoreFacts {
            jobs: 2,
            ..thriving()
        },
    ];
    let totals: Vec<_> = score_in_order(&visits)
        .into_iter()
        .map(|score| score.map(Score::total))
        .collect();
    assert_eq!(totals, vec![Some(100), Some(90), Some(100)]);
}

#[test]
fn codes_round_trip() {
    for equipment in Equipment::ALL {
        assert_eq!(Equipment::from_code(equipment.code()), Some(*equipment));
    }
    for level in ProblemLevel::ALL {
        assert_eq!(ProblemLevel::from_code(level.code()), Some(*level));
    }
    assert_eq!(Equipment::from_code("all"), None);
}
