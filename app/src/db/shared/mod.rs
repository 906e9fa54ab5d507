//! The few pieces every area uses: money amounts, reference data, languages, the audit trail's actions, problems, spreadsheet cells.

pub mod audit;
