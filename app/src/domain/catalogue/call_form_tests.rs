use super::*;
use crate::domain::catalogue::grant_terms::Release;
use crate::domain::catalogue::problem::CatalogueProblem;
use crate::domain::shared::problem::SharedProblem;
use time::macros::date;

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

struct Lists {
    sectors: Vec<String>,
    cities: Vec<String>,
    sexes: Vec<String>,
    documents: Vec<String>,
    weights: Vec<String>,
    percents: Vec<String>,
    releases: Vec<String>,
}

fn lists() -> Lists {
    Lists {
        sectors: strings(&["crafts", "commerce"]),
        cities: strings(&["tanger"]),
        sexes: strings(&["female"]),
        documents: strings(&["residence_card"]),
        weights: strings(&["30", "20", "20", "15", "15"]),
        percents: strings(&["70", "30"]),
        releases: strings(&["at_approval", "after_monitoring_visit"]),
    }
}

fn form(l: &Lists) -> CallForm<'_> {
    CallForm {
        reference: "AGR-TEST",
        title: "Femmes de Tanger",
        envelope: "400 000",
        max_grant: "20 000",
        own_contribution: "10",
        sectors: &l.sectors,
        cities: &l.cities,
        opens_on: "2027-01-01",
        closes_on: "31/03/2027",
        age_min: "18",
        age_max: "",
        sexes: &l.sexes,
        nationalities: "sn ci",
        documents: &l.documents,
        completed_programme: "self_employment",
        weights: &l.weights,
        tranche_percents: &l.percents,
        tranche_releases: &l.releases,
        quorum: "3",
        blind_review: true,
        ..CallForm::default()
    }
}

#[test]
fn a_complete_call_form_becomes_a_call_with_its_rules_and_terms() {
    let l = lists();
    let (call, terms) = form(&l).parse().expect("valid");
    assert_eq!(call.envelope, Money::from_dirhams(400_000));
    assert_eq!(call.closes_on, date!(2027 - 03 - 31));
    assert_eq!(
        call.rules,
        vec![
            Rule::Age {
                min: Some(18),
                max: None
            },
            Rule::Sex {
                any_of: vec![Sex::Female]
            },
            Rule::Nationality {
                any_of: vec![
                    Country::parse("SN").expect("SN"),
                    Country::parse("CI").expect("CI")
                ]
            },
            Rule::Document {
                any_of: vec![DocumentKind::ResidenceCard]
            },
            Rule::CompletedTraining {
                programme: Programme::SelfEmployment
            },
        ]
    );
    assert_eq!(
        terms.tranches.tranches()[1].release,
        Release::AfterMonitoringVisit
    );
    assert!(terms.blind_review);
}

#[test]
fn a_grant_above_the_envelope_and_bad_terms_are_named_by_field() {
    let mut l = lists();
    l.weights = strings(&["30", "20", "20", "15", "5"]);
    l.percents = strings(&["70", "20"]);
    let problems = CallForm {
        max_grant: "500 000",
        own_contribution: "101",
        age_min: "40",
        age_max: "30",
        nationalities: "SN ZZ",
        quorum: "0",
        ..form(&l)
    }
    .parse()
    .expect_err("invalid");
    let found: Vec<(Field, Problem)> = problems.iter().map(|p| (p.field, p.problem)).collect();
    for expected in [
        (
            Field::MaxGrant,
            Problem::from(CatalogueProblem::MaxGrantAboveEnvelope),
        ),
        (
            Field::OwnContribution,
            Problem::from(CatalogueProblem::PercentInvalid),
        ),
        (Field::Age, Problem::from(CatalogueProblem::AgeInvalid)),
        (
            Field::Nationality,
            Problem::from(SharedProblem::NationalityUnknown),
        ),
        (
            Field::Rubric,
            Problem::from(CatalogueProblem::WeightsSum { sum: 90 }),
        ),
        (
            Field::Tranches,
            Problem::from(CatalogueProblem::TranchesSum { sum: 90 }),
        ),
        (
            Field::Quorum,
            Problem::from(CatalogueProblem::QuorumInvalid { min: 3, max: 15 }),
        ),
    ] {
        assert!(found.contains(&expected), "{expected:?} in {found:?}");
    }
}
