use super::*;
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
    assert_eq!(problems[0].problem, Problem::FormulaRefused);
    assert_eq!(problems[4].problem, Problem::DateInvalid);
    assert_eq!(
        problems[6].problem,
        Problem::SkillCodeUnknown {
            skill: Snippet::new("no.such-skill")
        }
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
    assert_eq!(problems[0].problem, Problem::EndsBeforeStart);
}

#[test]
fn dates_are_read_in_iso_or_french_order_and_nothing_else() {
    assert_eq!(parse_date("2027-01-09"), Ok(date!(2027 - 01 - 09)));
    assert_eq!(parse_date("9/1/2027"), Ok(date!(2027 - 01 - 09)));
    assert_eq!(parse_date(""), Err(Problem::DateMissing));
    for bad in [
        "2027-13-01",
        "29/02/2027",
        "01/01/27",
        "2027/01/01",
        "demain",
    ] {
        assert_eq!(parse_date(bad), Err(Problem::DateInvalid), "{bad}");
    }
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
