//! Text a person typed, checked by one rule wherever it is typed: a length in characters, and
//! no control characters but a line break and a tab (which only text of several lines keeps).
//! Invisible direction marks and other format characters are allowed: Arabic needs them.

use crate::domain::shared::problem::SharedProblem;
use serde::{Deserialize, Serialize};

/// Why a text was refused. Each form words it as its own field's problem (a name too long, an
/// item of line 3 with an invisible character), so the codes a person reads do not change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextError {
    TooLong,
    Invalid,
}

impl TextError {
    /// Worded as a problem any area can meet, for a text of at most `max` characters.
    pub fn shared(self, max: usize) -> SharedProblem {
        match self {
            TextError::TooLong => SharedProblem::TextTooLong { max },
            TextError::Invalid => SharedProblem::TextInvalid,
        }
    }
}

/// Free text of at most `MAX` characters: trimmed, never empty (an empty text is `None`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FreeText<const MAX: usize>(String);

impl<const MAX: usize> FreeText<MAX> {
    pub const MAX: usize = MAX;

    /// One line (a name, a title, a payment detail): runs of white space become one space.
    pub fn line(input: &str) -> Result<Option<Self>, TextError> {
        Self::check(input.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    /// Several lines (a section, a comment, a note): line endings become `\n`, tabs stay.
    pub fn lines(input: &str) -> Result<Option<Self>, TextError> {
        let text = input.replace("\r\n", "\n").replace('\r', "\n");
        Self::check(text.trim().to_owned())
    }

    /// Several lines that may be left empty, worded as problems any area can meet.
    pub fn optional(input: &str) -> Result<Option<Self>, SharedProblem> {
        Self::lines(input).map_err(|error| error.shared(MAX))
    }

    /// One line that must be there (a name), worded as problems any area can meet.
    pub fn required_line(input: &str) -> Result<Self, SharedProblem> {
        Self::line(input)
            .map_err(|error| error.shared(MAX))?
            .ok_or(SharedProblem::TextMissing)
    }

    /// Several lines that must be there.
    pub fn required(input: &str) -> Result<Self, SharedProblem> {
        Self::optional(input)?.ok_or(SharedProblem::TextMissing)
    }

    fn check(text: String) -> Result<Option<Self>, TextError> {
        if text.is_empty() {
            Ok(None)
        } else if text.chars().count() > MAX {
            Err(TextError::TooLong)
        } else if text.chars().any(is_refused) {
            Err(TextError::Invalid)
        } else {
            Ok(Some(FreeText(text)))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// The one rule: control characters are refused, except a line break and a tab.
pub fn is_refused(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

#[cfg(test)]
mod tests {
    use super::*;

    type Short = FreeText<5>;

    #[test]
    fn one_line_collapses_white_space_and_counts_characters_not_bytes() {
        let text = Short::line("  é  \t à \n").ok().flatten();
        assert_eq!(text.as_ref().map(FreeText::as_str), Some("é à"));
        assert_eq!(Short::line("ééééé").map(|t| t.is_some()), Ok(true));
        assert_eq!(Short::line("éééééé"), Err(TextError::TooLong));
        assert_eq!(Short::line(" \n "), Ok(None));
    }

    #[test]
    fn several_lines_keep_breaks_and_tabs_but_no_other_control_character() {
        let text = FreeText::<20>::lines("a\r\nb\rc\td\n").ok().flatten();
        assert_eq!(
            text.map(FreeText::into_string),
            Some("a\nb\nc\td".to_owned())
        );
        assert_eq!(FreeText::<20>::lines("a\u{7}b"), Err(TextError::Invalid));
        assert_eq!(FreeText::<20>::line("a\u{0}b"), Err(TextError::Invalid));
        assert_eq!(
            FreeText::<20>::lines("\u{200f}مرحبا").map(|t| t.is_some()),
            Ok(true)
        );
        assert_eq!(
            FreeText::<3>::required(" "),
            Err(SharedProblem::TextMissing)
        );
        assert_eq!(
            FreeText::<3>::optional("abcd"),
            Err(SharedProblem::TextTooLong { max: 3 })
        );
    }
}
