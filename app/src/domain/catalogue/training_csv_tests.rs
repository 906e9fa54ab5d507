use super::*;
use crate::domain::catalogue::problem::CatalogueProblem;

const HEADER: &str = "reference,title,programme,sector,city,starts_on,ends_on,seats,languages,min_education,required_documents,target_groups,skills";
const ROW: &str = "TNG-1,Câblage,idmaj,automotive_wiring,tanger,2027-03-01,2027-04-30,25,french|darija,primary,residence_card,,wire.harness-assembly";

fn read_all(text: &str) -> Result<Vec<(u64, Training)>, Vec<ImportProblem>> {
    let sheet = Sheet::open(text.as_bytes())?;
    let mut good = Vec::new();
    let mut problems = Vec::new();
    for (line, row) in sheet.check(0..sheet.len()) {
        match row {
            Ok(t) => good.push((line, t)),
            Err(p) => problems.extend(p),
        }
    }
    problems.extend(repeated_references(&good));
    if problems.is_empty() {
        Ok(good)
    } else {
        Err(problems)
    }
}

#[test]
fn a_good_file_reads_into_trainings_with_their_line_numbers() {
    let rows = read_all(&format!("{HEADER}\n{ROW}\n")).expect("valid");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, 2);
    assert_eq!(rows[0].1.skills.len(), 1);
}

#[test]
fn semicolons_a_bom_and_french_dates_are_accepted() {
    let text = format!(
        "\u{feff}{}\n{}\n",
        HEADER.replace(',', ";"),
        ROW.replace(',', ";").replace("2027-03-01", "01/03/2027")
    );
    let rows = read_all(&text).expect("valid");
    assert_eq!(rows[0].1.starts_on.to_string(), "2027-03-01");
}

#[test]
fn a_bad_row_is_reported_by_line_and_column() {
    let bad = ROW
        .replace("2027-03-01", "2027-02-30")
        .replace("tanger", "atlantis");
    let problems = read_all(&format!("{HEADER}\n{ROW}\n{bad}\n")).expect_err("invalid");
    let places: Vec<(u64, Option<&str>)> = problems
        .iter()
        .map(|p| (p.row, p.column.as_deref()))
        .collect();
    assert_eq!(places, vec![(3, Some("city")), (3, Some("starts_on"))]);
}

#[test]
fn wrong_columns_are_named_in_one_message_each() {
    let header = HEADER.replace("seats", "places").replace("skills", "title");
    let problems = read_all(&format!("{header}\n{ROW}\n")).expect_err("invalid");
    assert_eq!(problems.len(), 3);
    assert_eq!(
        problems[0].problem,
        CatalogueProblem::CsvColumnsMissing {
            columns: Snippet::new("seats, skills")
        }
        .into()
    );
    assert_eq!(
        problems[1].problem,
        CatalogueProblem::CsvColumnsUnknown {
            columns: Snippet::new("places")
        }
        .into()
    );
    assert_eq!(
        problems[2].problem,
        CatalogueProblem::CsvColumnsDuplicated {
            columns: Snippet::new("title")
        }
        .into()
    );
}

#[test]
fn bytes_that_are_not_utf8_are_refused_as_such() {
    let mut bytes = format!("{HEADER}\n").into_bytes();
    bytes.extend_from_slice(b"TNG-1,C\xe2blage\n");
    let problems = Sheet::open(&bytes).expect_err("latin-1");
    assert_eq!(problems[0].problem, CatalogueProblem::CsvNotUtf8.into());
}

#[test]
fn formula_cells_and_repeated_references_are_refused() {
    let formula = ROW.replace("Câblage", "=HYPERLINK(\"http://x\")");
    let problems = read_all(&format!("{HEADER}\n{formula}\n{ROW}\n{ROW}\n")).expect_err("invalid");
    assert_eq!(
        problems[0],
        ImportProblem {
            row: 2,
            column: Some("title".into()),
            problem: CatalogueProblem::FormulaRefused.into()
        }
    );
    assert_eq!(
        problems[1].problem,
        CatalogueProblem::ReferenceTwiceInFile { first_row: 3 }.into()
    );
    assert_eq!(problems.len(), 2);
}

#[test]
fn a_short_row_and_an_empty_file_are_named() {
    let problems = read_all(&format!("{HEADER}\nTNG-1,x\n")).expect_err("short");
    assert_eq!(
        problems[0].problem,
        CatalogueProblem::CsvRowLength {
            expected: 13,
            found: 2
        }
        .into()
    );
    assert_eq!(
        read_all(&format!("{HEADER}\n,,,,,,,,,,,,\n")).expect_err("empty")[0].problem,
        CatalogueProblem::CsvEmpty.into()
    );
}

#[test]
fn an_export_neutralises_formulas_and_reads_back_the_same_trainings() {
    let rows = read_all(&format!("{HEADER}\n{ROW}\n")).expect("valid");
    let training = rows[0].1.clone();
    let bytes = write_csv(&COLUMNS, &[training_cells(&training)]).expect("written");
    let again = read_all(std::str::from_utf8(&bytes).expect("utf-8")).expect("valid");
    assert_eq!(again[0].1, training);
    let risky = write_csv(&["a"], &[vec!["=1+1".into()], vec!["@x".into()]]).expect("written");
    assert_eq!(String::from_utf8_lossy(&risky), "\u{feff}a\n'=1+1\n'@x\n");
}

#[test]
fn files_beyond_the_size_or_row_caps_are_refused_whole() {
    let mut text = format!("{HEADER}\n");
    for _ in 0..=MAX_ROWS {
        text.push_str(ROW);
        text.push('\n');
    }
    let problems = Sheet::open(text.as_bytes()).expect_err("too many rows");
    assert_eq!(
        problems,
        vec![ImportProblem::file(
            CatalogueProblem::CsvTooManyRows { max: MAX_ROWS }.into()
        )]
    );
    let huge = vec![b'a'; MAX_BYTES + 1];
    let problems = Sheet::open(&huge).expect_err("too large");
    assert_eq!(
        problems[0].problem,
        CatalogueProblem::CsvTooLarge { max_mb: 5 }.into()
    );
}
