//! What can go wrong editing trainings and calls, or importing them from a spreadsheet. Each is a code; `pages/catalogue/labels.rs` turns it into a sentence.

use crate::domain::shared::problem::Snippet;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum CatalogueProblem {
    #[error("the reference is missing")]
    ReferenceMissing,
    #[error("the reference is not valid")]
    ReferenceInvalid { max: usize },
    #[error("another offer uses this reference")]
    ReferenceTaken,
    #[error("fewer seats than people already enrolled")]
    SeatsBelowEnrolled,
    #[error("the title is missing")]
    TitleMissing,
    #[error("the title is too long")]
    TitleTooLong { max: usize },
    #[error("the text looks like a spreadsheet formula")]
    FormulaRefused,
    #[error("unknown programme")]
    ProgrammeUnknown,
    #[error("the end comes before the start")]
    EndsBeforeStart,
    #[error("the number of seats is not valid")]
    SeatsInvalid { min: u32, max: u32 },
    #[error("unknown skill code")]
    SkillCodeUnknown { skill: Snippet },
    #[error("the weights do not add up to 100")]
    WeightsSum { sum: u32 },
    #[error("a weight is not valid")]
    WeightInvalid,
    #[error("the tranches do not add up to 100")]
    TranchesSum { sum: u32 },
    #[error("a tranche is not valid")]
    TrancheInvalid { max: usize },
    #[error("the quorum is not valid")]
    QuorumInvalid { min: u8, max: u8 },
    #[error("no file was chosen")]
    FileMissing,
    #[error("the file is not UTF-8")]
    CsvNotUtf8,
    #[error("the file is too large")]
    CsvTooLarge { max_mb: usize },
    #[error("the file has too many rows")]
    CsvTooManyRows { max: usize },
    #[error("more problems than listed")]
    CsvMoreProblems { more: usize },
    #[error("the file has no rows")]
    CsvEmpty,
    #[error("the file could not be read")]
    CsvUnreadable,
    #[error("columns are missing")]
    CsvColumnsMissing { columns: Snippet },
    #[error("unknown columns")]
    CsvColumnsUnknown { columns: Snippet },
    #[error("columns appear twice")]
    CsvColumnsDuplicated { columns: Snippet },
    #[error("the row has the wrong number of cells")]
    CsvRowLength { expected: usize, found: usize },
    #[error("the reference appears twice in the file")]
    ReferenceTwiceInFile { first_row: u64 },
    #[error("the maximum grant is above the envelope")]
    MaxGrantAboveEnvelope,
    #[error("the percentage is not valid")]
    PercentInvalid,
    #[error("the age is not valid")]
    AgeInvalid,
}
