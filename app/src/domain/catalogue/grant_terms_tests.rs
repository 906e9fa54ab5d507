use super::*;
use crate::domain::catalogue::problem::CatalogueProblem;
use proptest::prelude::*;

fn typed(weights: [&str; 5]) -> Vec<(Criterion, &str)> {
    Criterion::ALL.into_iter().zip(weights).collect()
}

#[test]
fn the_default_rubric_and_template_are_valid_and_read_back_from_json() {
    let terms = CallTerms::default();
    assert_eq!(
        Rubric::new(terms.rubric.weights().to_vec()),
        Ok(terms.rubric.clone())
    );
    let json = serde_json::to_string(&terms).unwrap_or_default();
    assert_eq!(serde_json::from_str::<CallTerms>(&json).ok(), Some(terms));
}

#[test]
fn weights_must_sum_to_exactly_one_hundred() {
    assert!(Rubric::parse(&typed(["40", "20", "20", "10", "10"])).is_ok());
    assert_eq!(
        Rubric::parse(&typed(["40", "20", "20", "10", "20"])),
        Err(CatalogueProblem::WeightsSum { sum: 110 }.into())
    );
    assert_eq!(
        Rubric::parse(&typed(["x", "", "", "", ""])),
        Err(CatalogueProblem::WeightInvalid.into())
    );
}

#[test]
fn a_blank_or_zero_weight_leaves_the_criterion_out() {
    let rubric = Rubric::parse(&typed(["50", "50", "", "0", ""])).expect("valid");
    assert_eq!(rubric.weights().len(), 2);
    assert_eq!(rubric.weight_of(Criterion::Experience), 0);
}

#[test]
fn a_criterion_twice_is_refused() {
    let w = Weight {
        criterion: Criterion::Market,
        weight: 50,
    };
    assert_eq!(
        Rubric::new(vec![w, w]),
        Err(CatalogueProblem::WeightInvalid.into())
    );
}

#[test]
fn tranches_sum_to_one_hundred_and_each_names_its_release() {
    let rows = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let template = TrancheTemplate::parse(
        &rows(&["70", "30", ""]),
        &rows(&["at_approval", "after_monitoring_visit", "at_approval"]),
    )
    .expect("valid");
    assert_eq!(template, TrancheTemplate::standard());
    assert_eq!(
        TrancheTemplate::parse(&rows(&["70", "20"]), &rows(&["at_approval", "at_approval"])),
        Err(CatalogueProblem::TranchesSum { sum: 90 }.into())
    );
    assert!(TrancheTemplate::parse(&rows(&["100"]), &rows(&["someday"])).is_err());
    assert!(TrancheTemplate::parse(&[], &[]).is_err());
}

#[test]
fn the_quorum_is_at_least_three() {
    assert_eq!(CallTerms::parse_quorum("3"), Ok(3));
    assert_eq!(CallTerms::parse_quorum(" 15 "), Ok(15));
    for refused in ["0", "1", "2", "16", "trois"] {
        assert!(CallTerms::parse_quorum(refused).is_err(), "{refused}");
    }
    assert_eq!(CallTerms::effective_quorum(1), 3);
    assert_eq!(CallTerms::effective_quorum(5), 5);
}

proptest! {
    #[test]
    fn any_rubric_accepted_sums_to_one_hundred(weights in proptest::collection::vec(0u8..=100, 5)) {
        let text: Vec<String> = weights.iter().map(u8::to_string).collect();
        let typed: Vec<(Criterion, &str)> = Criterion::ALL.into_iter().zip(text.iter().map(String::as_str)).collect();
        let sum: u32 = weights.iter().map(|w| u32::from(*w)).sum();
        match Rubric::parse(&typed) {
            Ok(rubric) => prop_assert_eq!(rubric.weights().iter().map(|w| u32::from(w.weight)).sum::<u32>(), 100),
            Err(problem) => prop_assert_eq!(problem, Problem::from(CatalogueProblem::WeightsSum { sum })),
        }
    }
}
