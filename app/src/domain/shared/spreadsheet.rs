//! Cells for CSV files people open in a spreadsheet. A cell starting with `=`, `+`, `-` or `@`
//! (or a tab or carriage return) would be run as a formula by Excel or LibreOffice — a way to
//! attack whoever opens the export (security.md) — so it is written with a leading apostrophe.

use std::borrow::Cow;

/// Whether a spreadsheet would run this text as a formula (OWASP "CSV injection"): imports
/// refuse such cells, exports neutralise them.
pub fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The text to write for `value` in an exported cell.
pub fn safe_cell(value: &str) -> Cow<'_, str> {
    if looks_like_formula(value) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_looking_cells_are_neutralised_and_others_kept() {
        for bad in ["=1+1", "+212600000000", "-2", "@SUM(A1)", "\t=x", "\r=x"] {
            assert_eq!(safe_cell(bad), format!("'{bad}"));
        }
        for good in ["Awa Koné", "", "12", "أمينة", "a=b"] {
            assert_eq!(safe_cell(good), good);
        }
    }
}
