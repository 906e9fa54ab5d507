//! The pieces every area's problems are made of: the form field a problem belongs to, short
//! quoted text, and the few problems any area can meet. Each area owns its own problems
//! (`domain/<area>/problem.rs`); `domain::problem::Problem` wraps them all.

use serde::{Deserialize, Serialize};

/// The form field a problem belongs to, so it is shown next to that field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Email,
    Password,
    Role,
    Locale,
    Query,
    Sector,
    FullName,
    Sex,
    BirthDate,
    Nationality,
    City,
    Phone,
    Education,
    Languages,
    Availability,
    Groups,
    /// The optional answers the donor's counts are broken down by (`domain::profile::demographics`).
    PopulationGroup,
    LegalStatus,
    Disability,
    DocumentKind,
    DocumentNumber,
    ExpiresOn,
    Skill,
    Level,
    Years,
    Score,
    JobTitle,
    Employer,
    WorkCountry,
    Town,
    WorkFrom,
    WorkTo,
    WorkDescription,
    /// The caseworker's confirmation that the person heard the notice and agreed.
    ConsentTaken,
    // The admin catalogue (trainings, calls, CSV imports).
    Reference,
    Title,
    Programme,
    StartsOn,
    EndsOn,
    Seats,
    Documents,
    Skills,
    File,
    Rubric,
    Tranches,
    Quorum,
    Age,
    Envelope,
    MaxGrant,
    OwnContribution,
    /// The current password, when changing it.
    Current,
    // Plans and mentoring.
    Reason,
    Body,
    Part,
    HeldOn,
    Minutes,
    Topics,
    NextSteps,
    Mentor,
    Capacity,
    /// One written section of a business plan (each section has its own form), by its code
    /// (`Section::field` in `domain::plans::plan_text`).
    PlanSection(Snippet),
    // The business-plan figures: each problem names its row or month itself.
    Capital,
    Months,
    Sources,
    // The committee's decision and the payments.
    Outcome,
    Amount,
    Justification,
    Method,
    Supplier,
    Invoice,
    Account,
    /// Whose name a wallet or bank account is in.
    Holder,
    /// A supplier's name on the list.
    SupplierName,
    /// The payment's transfer reference, or why it failed.
    Note,
    // Monitoring visits (`domain::monitoring`).
    VisitedOn,
    Operating,
    Revenue,
    Costs,
    Jobs,
    Problems,
    Equipment,
    ProblemLevel,
    Satisfactory,
    Evidence,
    // The committee: one score per rubric criterion, the sheet's comment or the declaration's
    // note, the conflict answer, a review session's place.
    /// One rubric criterion's score, by its code (`Criterion::field` in
    /// `domain::catalogue::grant_terms`).
    Criterion(Snippet),
    Comment,
    Conflict,
    Place,
    // The audit trail's filters (`domain::privacy::trail`).
    Actor,
    Action,
    SubjectKind,
    Subject,
    PeriodFrom,
    PeriodTo,
    // Donor reporting's filters and settings (`domain::reporting`).
    Period,
    Call,
    Training,
    ProgrammeName,
    SmallCell,
    /// One indicator's target, by its code (`Indicator::code`).
    Target(Snippet),
    /// The form as a whole (shown above it).
    Form,
}

/// Problems any area can meet: dates, free text, amounts, the reference lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum SharedProblem {
    #[error("unknown language")]
    LocaleUnknown,
    #[error("unknown sector")]
    SectorUnknown,
    #[error("unknown sex")]
    SexUnknown,
    #[error("no such date")]
    DateInvalid,
    #[error("unknown nationality")]
    NationalityUnknown,
    #[error("unknown city")]
    CityUnknown,
    #[error("the phone number is not valid")]
    PhoneInvalid,
    #[error("unknown education level")]
    EducationUnknown,
    #[error("unknown language")]
    LanguageUnknown,
    #[error("unknown group")]
    GroupUnknown,
    #[error("unknown kind of document")]
    DocumentKindUnknown,
    #[error("the text contains invisible characters")]
    TextInvalid,
    #[error("the date is missing")]
    DateMissing,
    #[error("the amount is not valid")]
    AmountInvalid,
    #[error("the text is missing")]
    TextMissing,
    #[error("the text is too long")]
    TextTooLong { max: usize },
    #[error("the date is in the future")]
    DateInFuture,
}

/// A short piece of text a problem names (an unknown code, a list of columns), kept inline so
/// that problems stay `Copy`. Longer text is cut at a character boundary and marked with `…`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Snippet {
    len: u8,
    bytes: [u8; Snippet::CAPACITY],
}

impl Snippet {
    pub const CAPACITY: usize = 96;

    pub fn new(text: &str) -> Snippet {
        let mut end = text.len();
        let cut = end > Snippet::CAPACITY;
        if cut {
            // Room for the ellipsis (3 bytes).
            end = Snippet::CAPACITY - 3;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
        }
        let mut bytes = [0u8; Snippet::CAPACITY];
        bytes[..end].copy_from_slice(&text.as_bytes()[..end]);
        let mut len = end;
        if cut {
            bytes[end..end + 3].copy_from_slice("…".as_bytes());
            len += 3;
        }
        Snippet {
            len: len as u8,
            bytes,
        }
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl std::fmt::Debug for Snippet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl std::fmt::Display for Snippet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Snippet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Snippet {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(Snippet::new(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snippet_keeps_short_text_and_cuts_long_text_at_a_character() {
        assert_eq!(Snippet::new("wire.unknown").as_str(), "wire.unknown");
        let long = "é".repeat(100);
        let cut = Snippet::new(&long);
        assert!(cut.as_str().ends_with('…'));
        assert!(cut.as_str().len() <= Snippet::CAPACITY);
        let json = serde_json::to_string(&Snippet::new("x.y")).unwrap_or_default();
        assert_eq!(json, r#""x.y""#);
        assert_eq!(
            serde_json::from_str::<Snippet>(&json).ok(),
            Some(Snippet::new("x.y"))
        );
    }
}
