//! Donor reporting's pages: the dashboard with its charts (`/reporting`), its printable form
//! (`/reporting/print`) and the settings (`/reporting/settings`). Everything shown is a
//! protected aggregate.

pub mod charts;
pub mod dashboard;
pub mod labels;
pub mod print;
pub mod sections;
pub mod settings;

/// Where a report's tables download as CSV (`server_fns::reporting::export`).
pub fn export_path() -> &'static str {
    "/reporting/export.csv"
}
