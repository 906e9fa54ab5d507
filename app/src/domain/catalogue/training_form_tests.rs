use super::*;
use crate::domain::catalogue::problem::CatalogueProblem;
use crate::domain::shared::problem::SharedProblem;
use time::macros::date;

fn list(codes: &[&str]) -> Vec<String> {
    codes.iter().map(|c| (*c).to_owned()).collect()
}

fn fields(problems: &[FieldProblem]) -> Vec<Field> {
    problems.iter().map(|p| p.field).collect()
}

#[test]
fn a_complete_form_becomes_a_training() {
    let languages = list(&["french", "darija"]);
    let documents = list(&["residence_card"]);
    let skills = list(&["wire.harness-assembly"]);
    let training = TrainingForm {
        reference: " ANAPEC-TNG-9 ",
        title: "Câblage",
        programme: "idmaj",
        sector: "automotive_wiring",
        city: "tanger",
        starts_on: "01/03/2027",
        ends_on: "2027-04-30",
        seats: "25",
        languages: &languages,
        min_education: "primary",
        required_documents: &documents,
        target_groups: &[],
        skills: &skills,
    }
    .parse()
    .expect("valid");
    assert_eq!(training.reference, "ANAPEC-TNG-9");
    assert_eq!(training.starts_on, date!(2027 - 03 - 01));
    assert_eq!(training.languages, vec![Language::French, Language::Darija]);
    assert_eq!(training.min_education, Some(Education::Primary));
}

#[test]
fn every_bad_field_is_named_once() {
    let skills = list(&["wire.harness-assembly", "no.such-skill"]);
    let problems = TrainingForm {
        reference: "=HYPERLINK(1)",
        title: "",
        programme: "nope",
        sector: "automotive_wiring",
        city: "atlantis",
        starts_on: "31/02/2027",
        ends_on: "2027-01-01",
        seats: "0",
        skills: &skills,
        ..TrainingForm::default()
    }
    .parse()
    .expect_err("invalid");
    assert_eq!(
        fields(&problems),
        vec![
            Field::Reference,
            Field::Title,
            Field::Programme,
            Field::City,
            Field::StartsOn,
            Field::Seats,
            Field::Skills
        ]
    );
    assert_eq!(problems[0].problem, CatalogueProblem::FormulaRefused.into());
    assert_eq!(problems[4].problem, SharedProblem::DateInvalid.into());
    assert_eq!(
        problems[6].problem,
        CatalogueProblem::SkillCodeUnknown {
            skill: Snippet::new("no.such-skill")
        }
        .into()
    );
}

#[test]
fn an_end_before_the_start_is_refused_on_the_end_date() {
    let problems = TrainingForm {
        reference: "R1",
        title: "T",
        programme: "taehil",
        sector: "crafts",
        city: "rabat",
        starts_on: "2027-05-02",
        ends_on: "2027-05-01",
        seats: "10001",
        ..TrainingForm::default()
    }
    .parse()
    .expect_err("invalid");
    assert_eq!(fields(&problems), vec![Field::EndsOn, Field::Seats]);
    assert_eq!(
        problems[0].problem,
        CatalogueProblem::EndsBeforeStart.into()
    );
}

#[test]
fn codes_split_on_pipes_commas_and_spaces() {
    assert_eq!(split_codes("a|b, c\nd"), list(&["a", "b", "c", "d"]));
    assert!(split_codes(" | ").is_empty());
}

#[test]
fn formula_looking_text_is_recognised() {
    for text in ["=1+1", "+33", "-2", "@SUM", "\tx"] {
        assert!(looks_like_formula(text), "{text}");
    }
    assert!(!looks_like_formula("Câblage"));
}
