//! The admin catalogue as pages see it.

use serde::{Deserialize, Serialize};

/// Where a CSV import of trainings stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportStatus {
    /// Rows are being checked, in batches (`processed_rows` moves).
    Validating,
    /// Every row was good; they are being written in one transaction.
    Writing,
    Done,
    /// Some rows were bad: nothing was written; the report says why.
    Rejected,
    /// A fault on our side: nothing was written.
    Failed,
}

impl ImportStatus {
    pub const ALL: [ImportStatus; 5] = [
        ImportStatus::Validating,
        ImportStatus::Writing,
        ImportStatus::Done,
        ImportStatus::Rejected,
        ImportStatus::Failed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ImportStatus::Validating => "validating",
            ImportStatus::Writing => "writing",
            ImportStatus::Done => "done",
            ImportStatus::Rejected => "rejected",
            ImportStatus::Failed => "failed",
        }
    }

    pub fn from_code(code: &str) -> Option<ImportStatus> {
        ImportStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn is_running(self) -> bool {
        matches!(self, ImportStatus::Validating | ImportStatus::Writing)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportView {
    pub id: i64,
    pub file_name: String,
    pub status: ImportStatus,
    pub total_rows: i64,
    pub processed_rows: i64,
    pub inserted: i64,
    pub updated: i64,
    pub report: Vec<crate::domain::catalogue::training_csv::ImportProblem>,
}

/// A training on the admin pages, with what an edit must send back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingAdmin {
    pub id: i64,
    pub version: i32,
    pub training: crate::domain::catalogue::Training,
}

/// A grant call on the admin list, with its review terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallAdmin {
    pub id: i64,
    pub call: crate::domain::catalogue::GrantCall,
    pub terms: crate::domain::catalogue::grant_terms::CallTerms,
}

/// A grant call on its edit form, with what a save must send back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallEdit {
    pub id: i64,
    pub version: i32,
    pub call: crate::domain::catalogue::GrantCall,
    pub terms: crate::domain::catalogue::grant_terms::CallTerms,
}
