//! The few pieces every area uses: money amounts, reference data, languages, the audit trail's
//! actions, problems, spreadsheet cells, and the one pattern every workflow follows.

pub mod audit;
pub mod display;
pub mod file_name;
pub mod form_date;
pub mod locale;
pub mod money;
pub mod problem;
pub mod reference;
pub mod spreadsheet;
pub mod text;
pub mod workflow;
