//! Trainings as CSV: the columns, reading an uploaded file into trainings or a report of every
//! problem by row and column, and writing the catalogue back out with formula cells
//! neutralised. An export re-imports as it is.

use crate::domain::catalogue::problem::CatalogueProblem;
use crate::domain::catalogue::training_form::{looks_like_formula, split_codes, TrainingForm};
use crate::domain::catalogue::Training;
use crate::domain::problem::Problem;
use crate::domain::shared::problem::{Field, Snippet};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The columns, in the order the export writes them. Multi-value cells separate codes with `|`.
pub const COLUMNS: [&str; 13] = [
    "reference",
    "title",
    "programme",
    "sector",
    "city",
    "starts_on",
    "ends_on",
    "seats",
    "languages",
    "min_education",
    "required_documents",
    "target_groups",
    "skills",
];

pub const MAX_BYTES: usize = 5 * 1024 * 1024;
pub const MAX_ROWS: usize = 5_000;

/// A report lists at most this many problems (and says there are more), so a file of garbage
/// cannot fill the database or the status page.
pub const MAX_REPORTED: usize = 200;

/// `problems`, cut to [`MAX_REPORTED`] with a last line saying how many more there were.
pub fn capped(mut problems: Vec<ImportProblem>) -> Vec<ImportProblem> {
    if problems.len() > MAX_REPORTED {
        let more = problems.len() - MAX_REPORTED;
        problems.truncate(MAX_REPORTED);
        problems.push(ImportProblem::file(
            CatalogueProblem::CsvMoreProblems { more }.into(),
        ));
    }
    problems
}

/// One problem of an import: `row` is the line in the file (the header is line 1; 0 for the
/// file as a whole), `column` the column's name when the problem is in one cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProblem {
    pub row: u64,
    pub column: Option<String>,
    pub problem: Problem,
}

impl ImportProblem {
    fn file(problem: Problem) -> ImportProblem {
        ImportProblem {
            row: 0,
            column: None,
            problem,
        }
    }
}

/// The column a form field comes from.
fn column_of(field: Field) -> &'static str {
    match field {
        Field::Reference => "reference",
        Field::Title => "title",
        Field::Programme => "programme",
        Field::Sector => "sector",
        Field::City => "city",
        Field::StartsOn => "starts_on",
        Field::EndsOn => "ends_on",
        Field::Seats => "seats",
        Field::Languages => "languages",
        Field::Education => "min_education",
        Field::Documents => "required_documents",
        Field::Groups => "target_groups",
        _ => "skills",
    }
}

/// A file whose header is right, its rows not yet checked.
#[derive(Debug)]
pub struct Sheet {
    /// Line number and cells in `COLUMNS` order.
    rows: Vec<(u64, Vec<String>)>,
}

/// `;` when the header uses it (French Excel), `,` otherwise.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    }
}

fn join(names: &[&str]) -> Snippet {
    Snippet::new(&names.join(", "))
}

/// Checks the header; the positions of `COLUMNS` in the file.
fn header_positions(header: &csv::StringRecord) -> Result<Vec<usize>, Vec<ImportProblem>> {
    let names: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    let missing: Vec<&str> = COLUMNS
        .iter()
        .copied()
        .filter(|c| !names.iter().any(|n| n == c))
        .collect();
    let unknown: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .filter(|n| !COLUMNS.contains(n))
        .collect();
    let mut twice: Vec<&str> = COLUMNS
        .iter()
        .copied()
        .filter(|c| names.iter().filter(|n| n == c).count() > 1)
        .collect();
    twice.dedup();
    let mut problems = Vec::new();
    if !missing.is_empty() {
        problems.push(ImportProblem::file(
            CatalogueProblem::CsvColumnsMissing {
                columns: join(&missing),
            }
            .into(),
        ));
    }
    if !unknown.is_empty() {
        problems.push(ImportProblem::file(
            CatalogueProblem::CsvColumnsUnknown {
                columns: join(&unknown),
            }
            .into(),
        ));
    }
    if !twice.is_empty() {
        problems.push(ImportProblem::file(
            CatalogueProblem::CsvColumnsDuplicated {
                columns: join(&twice),
            }
            .into(),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(COLUMNS
        .iter()
        .filter_map(|c| names.iter().position(|n| n == c))
        .collect())
}

impl Sheet {
    /// Reads the file as a whole: size, encoding, header, row count and shape.
    pub fn open(bytes: &[u8]) -> Result<Sheet, Vec<ImportProblem>> {
        if bytes.len() > MAX_BYTES {
            return Err(vec![ImportProblem::file(
                CatalogueProblem::CsvTooLarge {
                    max_mb: MAX_BYTES / (1024 * 1024),
                }
                .into(),
            )]);
        }
        let text = std::str::from_utf8(bytes)
            .map_err(|_| vec![ImportProblem::file(CatalogueProblem::CsvNotUtf8.into())])?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter(text))
            .has_headers(true)
            .flexible(true)
            .from_reader(text.as_bytes());
        let header = reader
            .headers()
            .map_err(|_| vec![ImportProblem::file(CatalogueProblem::CsvUnreadable.into())])?
            .clone();
        let positions = header_positions(&header)?;
        let mut rows = Vec::new();
        let mut problems = Vec::new();
        for record in reader.records() {
            let record = record
                .map_err(|_| vec![ImportProblem::file(CatalogueProblem::CsvUnreadable.into())])?;
            if record.iter().all(|cell| cell.trim().is_empty()) {
                continue;
            }
            let line = record.position().map_or(0, |p| p.line());
            if record.len() != header.len() {
                if problems.len() > MAX_REPORTED {
                    return Err(capped(problems));
                }
                problems.push(ImportProblem {
                    row: line,
                    column: None,
                    problem: CatalogueProblem::CsvRowLength {
                        expected: header.len(),
                        found: record.len(),
                    }
                    .into(),
                });
                continue;
            }
            if rows.len() == MAX_ROWS {
                return Err(vec![ImportProblem::file(
                    CatalogueProblem::CsvTooManyRows { max: MAX_ROWS }.into(),
                )]);
            }
            let cells = positions
                .iter()
                .map(|&i| record.get(i).unwrap_or_default().to_owned())
                .collect();
            rows.push((line, cells));
        }
        if !problems.is_empty() {
            return Err(capped(problems));
        }
        if rows.is_empty() {
            return Err(vec![ImportProblem::file(CatalogueProblem::CsvEmpty.into())]);
        }
        Ok(Sheet { rows })
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Checks rows `range` (for progress in batches): each row's training or its problems.
    pub fn check(
        &self,
        range: std::ops::Range<usize>,
    ) -> Vec<(u64, Result<Training, Vec<ImportProblem>>)> {
        self.rows
            .get(range)
            .unwrap_or_default()
            .iter()
            .map(|(line, cells)| (*line, read_row(*line, cells)))
            .collect()
    }
}

/// One row's cells (in `COLUMNS` order) as a training, or one problem per bad cell.
pub fn read_row(line: u64, cells: &[String]) -> Result<Training, Vec<ImportProblem>> {
    let cell = |i: usize| cells.get(i).map_or("", String::as_str);
    let formulas: Vec<&str> = COLUMNS
        .iter()
        .enumerate()
        .filter(|(i, _)| looks_like_formula(cell(*i).trim_start_matches(' ')))
        .map(|(_, c)| *c)
        .collect();
    let [languages, documents, groups, skills] = [8, 10, 11, 12].map(|i| split_codes(cell(i)));
    let parsed = TrainingForm {
        reference: cell(0),
        title: cell(1),
        programme: cell(2),
        sector: cell(3),
        city: cell(4),
        starts_on: cell(5),
        ends_on: cell(6),
        seats: cell(7),
        languages: &languages,
        min_education: cell(9),
        required_documents: &documents,
        target_groups: &groups,
        skills: &skills,
    }
    .parse();
    let mut problems: Vec<ImportProblem> = formulas
        .iter()
        .map(|c| ImportProblem {
            row: line,
            column: Some((*c).to_owned()),
            problem: CatalogueProblem::FormulaRefused.into(),
        })
        .collect();
    if let Err(field_problems) = &parsed {
        problems.extend(
            field_problems
                .iter()
                .filter(|p| !formulas.contains(&column_of(p.field)))
                .map(|p| ImportProblem {
                    row: line,
                    column: Some(column_of(p.field).to_owned()),
                    problem: p.problem,
                }),
        );
    }
    match parsed {
        Ok(training) if problems.is_empty() => Ok(training),
        _ => Err(problems),
    }
}

/// A reference on two rows of one file: every later row is a problem naming the first.
pub fn repeated_references(rows: &[(u64, Training)]) -> Vec<ImportProblem> {
    let mut first: HashMap<&str, u64> = HashMap::new();
    let mut problems = Vec::new();
    for (line, training) in rows {
        match first.get(training.reference.as_str()) {
            Some(&first_row) => problems.push(ImportProblem {
                row: *line,
                column: Some("reference".into()),
                problem: CatalogueProblem::ReferenceTwiceInFile { first_row }.into(),
            }),
            None => {
                first.insert(&training.reference, *line);
            }
        }
    }
    problems
}

fn joined<'a>(codes: impl Iterator<Item = &'a str>) -> String {
    codes.collect::<Vec<_>>().join("|")
}

/// Writes rows under a header, every cell neutralised, with a UTF-8 BOM so spreadsheets read
/// the accents right.
pub fn write_csv(header: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer("\u{feff}".as_bytes().to_vec());
    writer.write_record(header)?;
    for row in rows {
        writer.write_record(
            row.iter()
                .map(|cell| crate::domain::shared::spreadsheet::safe_cell(cell).into_owned()),
        )?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// The trainings in the import's columns.
pub fn training_cells(training: &Training) -> Vec<String> {
    vec![
        training.reference.clone(),
        training.title.clone(),
        training.programme.code().to_owned(),
        training.sector.code().to_owned(),
        training.city.code().to_owned(),
        training.starts_on.to_string(),
        training.ends_on.to_string(),
        training.seats.to_string(),
        joined(training.languages.iter().map(|l| l.code())),
        training
            .min_education
            .map(|e| e.code())
            .unwrap_or("")
            .to_owned(),
        joined(training.required_documents.iter().map(|d| d.code())),
        joined(training.target_groups.iter().map(|g| g.code())),
        joined(training.skills.iter().map(|s| s.code())),
    ]
}

#[cfg(test)]
#[path = "training_csv_tests.rs"]
mod tests;
