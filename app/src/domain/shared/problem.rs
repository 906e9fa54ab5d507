//! Everything a user can get wrong, as data. The server sends these codes; the page turns each
//! into a sentence in the reader's language (see `components::problem`), so no message is
//! written in one language on the server.

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
    /// One written section of a business plan (each section has its own form).
    PlanSection(crate::domain::plans::plan_text::Section),
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
    /// The payment's transfer reference, or why it failed.
    Note,
    // Monitoring visits (`domain::monitoring`).
    VisitedOn,
    Operating,
    Revenue,
    Costs,
    Jobs,
    Problems,
    Satisfactory,
    Evidence,
    // The committee: one score per rubric criterion, the sheet's comment or the declaration's
    // note, the conflict answer, a review session's place.
    Criterion(crate::domain::catalogue::grant_terms::Criterion),
    Comment,
    Conflict,
    Place,
    /// The form as a whole (shown above it).
    Form,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Problem {
    #[error("the email address is missing")]
    EmailMissing,
    #[error("the email address is too long")]
    EmailTooLong { max: usize },
    #[error("the email address is not valid")]
    EmailInvalid,
    #[error("an account already uses this email address")]
    EmailTaken,
    #[error("the password is missing")]
    PasswordMissing,
    #[error("the password is too short")]
    PasswordTooShort { min: usize },
    #[error("the password is too long")]
    PasswordTooLong { max: usize },
    #[error("the password is one of the most common ones")]
    PasswordTooCommon,
    #[error("the password contains the email address")]
    PasswordContainsEmail,
    #[error("unknown role")]
    RoleUnknown,
    #[error("the last admin cannot lose the admin role")]
    LastAdmin,
    #[error("unknown language")]
    LocaleUnknown,
    #[error("wrong email or password")]
    WrongCredentials,
    #[error("too many attempts")]
    TooManyAttempts { retry_after_minutes: i64 },
    #[error("the search is too long")]
    QueryTooLong { max: usize },
    #[error("unknown sector")]
    SectorUnknown,
    #[error("the name is missing")]
    FullNameMissing,
    #[error("the name is too long")]
    FullNameTooLong { max: usize },
    #[error("the name contains invisible characters")]
    FullNameInvalid,
    #[error("the sex is missing")]
    SexMissing,
    #[error("unknown sex")]
    SexUnknown,
    #[error("the date of birth is missing")]
    BirthDateMissing,
    #[error("no such date")]
    DateInvalid,
    #[error("the date of birth is in the future")]
    BirthDateInFuture,
    #[error("the date of birth is implausibly old")]
    BirthDateImplausible,
    #[error("applicants must be adults")]
    TooYoung { min: u8 },
    #[error("unknown nationality")]
    NationalityUnknown,
    #[error("unknown city")]
    CityUnknown,
    #[error("the phone number is not valid")]
    PhoneInvalid,
    #[error("consent is needed first")]
    ConsentRequired,
    #[error("the privacy notice changed")]
    NoticeOutdated,
    #[error("the identity step comes first")]
    IdentityFirst,
    #[error("the education level is missing")]
    EducationMissing,
    #[error("unknown education level")]
    EducationUnknown,
    #[error("no language chosen")]
    LanguagesMissing,
    #[error("unknown language")]
    LanguageUnknown,
    #[error("too many sectors")]
    TooManySectors { max: usize },
    #[error("the availability is missing")]
    AvailabilityMissing,
    #[error("unknown availability")]
    AvailabilityUnknown,
    #[error("unknown group")]
    GroupUnknown,
    #[error("the kind of document is missing")]
    DocumentKindMissing,
    #[error("unknown kind of document")]
    DocumentKindUnknown,
    #[error("the document number is not valid")]
    DocumentNumberInvalid { max: usize },
    #[error("the document has expired")]
    DocumentExpired,
    #[error("the expiry date is implausibly far")]
    ExpiryImplausible,
    #[error("too many documents")]
    TooManyDocuments { max: usize },
    #[error("unknown skill")]
    SkillUnknown,
    #[error("the level is missing")]
    LevelMissing,
    #[error("unknown level")]
    LevelUnknown,
    #[error("the number of years is not valid")]
    YearsInvalid { max: u8 },
    #[error("too many skills")]
    TooManySkills { max: usize },
    #[error("not eligible for this offer")]
    NotEligible,
    #[error("the training has already started")]
    TrainingStarted,
    #[error("the training has no free seat")]
    TrainingFull,
    #[error("the training is not over yet")]
    TrainingNotOver,
    #[error("a seat in this training was already requested")]
    AlreadyRequested,
    #[error("not possible for an enrolment in this state")]
    EnrolmentIs {
        status: crate::domain::enrolments::enrolment::EnrolmentStatus,
    },
    #[error("the call is not open")]
    CallClosed,
    #[error("a plan for this call already exists")]
    PlanExists,
    #[error("unknown offer")]
    OfferUnknown,
    #[error("the minimum score must be a number from 0 to 100")]
    ScoreInvalid,
    #[error("the current password is not right")]
    WrongPassword,
    #[error("the new password is the same as the current one")]
    PasswordUnchanged,
    #[error("the job title is missing")]
    JobTitleMissing,
    #[error("the job title is too long")]
    JobTitleTooLong { max: usize },
    #[error("the employer is too long")]
    EmployerTooLong { max: usize },
    #[error("the town is too long")]
    TownTooLong { max: usize },
    #[error("the description is too long")]
    WorkDescriptionTooLong { max: usize },
    #[error("the text contains invisible characters")]
    TextInvalid,
    #[error("the section is too long")]
    SectionTooLong { max: usize },
    #[error("the country is missing")]
    CountryMissing,
    #[error("unknown country")]
    CountryUnknown,
    #[error("the month is missing")]
    MonthMissing,
    #[error("no such month")]
    MonthInvalid,
    #[error("the month is in the future")]
    MonthInFuture,
    #[error("the end comes before the start")]
    WorkEndBeforeStart,
    #[error("too many jobs")]
    TooManyJobs { max: usize },
    #[error("the consent taken in person is not confirmed")]
    ConsentNotConfirmed,
    #[error("the account was already handed over")]
    AlreadyHandedOver,
    // The admin catalogue (trainings, calls, CSV imports).
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
    #[error("the date is missing")]
    DateMissing,
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
    QuorumInvalid { max: u8 },
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
    #[error("the amount is not valid")]
    AmountInvalid,
    #[error("the maximum grant is above the envelope")]
    MaxGrantAboveEnvelope,
    #[error("the percentage is not valid")]
    PercentInvalid,
    #[error("the age is not valid")]
    AgeInvalid,
    // Plans and mentoring.
    #[error("the text is missing")]
    TextMissing,
    #[error("the text is too long")]
    TextTooLong { max: usize },
    #[error("the date is in the future")]
    DateInFuture,
    #[error("the date is before the plan was started")]
    BeforePlanStarted,
    #[error("the number of minutes is not valid")]
    MinutesInvalid { min: u16, max: u16 },
    #[error("the capacity is not valid")]
    CapacityInvalid { min: u16, max: u16 },
    #[error("the plan is not complete")]
    PlanIncomplete {
        item: crate::domain::plans::plan_text::ChecklistItem,
    },
    #[error("not possible for a plan in this state")]
    PlanIs {
        status: crate::domain::plans::plan::PlanStatus,
        action: crate::domain::plans::plan::PlanAction,
    },
    // The committee's decision and the money (`domain::committee::decision`, `domain::money::tranche`).
    #[error("not possible for a tranche in this state")]
    TrancheIs {
        status: crate::domain::money::tranche::TrancheStatus,
    },
    #[error("the person who released a payment cannot confirm it")]
    SameMakerAndChecker,
    #[error("the grant is below the smallest amount")]
    GrantTooSmall { min_dirhams: i64 },
    #[error("the amount is above what the plan requests")]
    AmountAboveRequested { requested_centimes: i64 },
    #[error("the amount is above the call's maximum grant")]
    AmountAboveMaximum { max_centimes: i64 },
    #[error("the call's envelope cannot cover this amount")]
    EnvelopeExceeded { available_centimes: i64 },
    #[error("the quorum of scores is not reached")]
    QuorumNotReached { have: u8, need: u8 },
    #[error("only the committee's chair records a decision")]
    NotChair,
    #[error("unknown decision")]
    OutcomeUnknown,
    #[error("this tranche waits for a satisfactory monitoring visit")]
    VisitRequired,
    #[error("an earlier tranche is not paid yet")]
    EarlierTrancheOpen,
    #[error("unknown payment method")]
    PaymentMethodUnknown,
    #[error("the supplier is missing")]
    SupplierMissing,
    #[error("the invoice reference is missing")]
    InvoiceMissing,
    #[error("the phone number to pay is missing")]
    PayeePhoneMissing,
    #[error("the bank account is missing")]
    AccountMissing,
    #[error("the bank account is not valid")]
    AccountInvalid,
    #[error("a payment detail is too long or contains invisible characters")]
    PaymentDetailInvalid { max: usize },
    #[error("this request key was already used for another request")]
    IdempotencyKeyReused,
    #[error("the request key is missing or not valid")]
    IdempotencyKeyInvalid,
    #[error("this account is not a mentor")]
    NotAMentor,
    // The committee (`domain::committee`).
    #[error("a criterion is not scored")]
    ScoreMissing {
        criterion: crate::domain::catalogue::grant_terms::Criterion,
    },
    #[error("a score is a whole number from 0 to 5")]
    ScoreOutOfRange {
        criterion: crate::domain::catalogue::grant_terms::Criterion,
    },
    #[error("this plan is not under the committee's review")]
    NotUnderReview,
    #[error("a member never scores a plan they coached")]
    CoachedPlan,
    #[error("declare any conflict of interest before scoring")]
    DeclarationRequired,
    #[error("recused: a conflict of interest was declared")]
    Recused,
    #[error("already scored in this round")]
    AlreadyScored,
    #[error("say whether there is a conflict of interest")]
    ConflictAnswerMissing,
    #[error("no committee account has this email")]
    NotACommitteeAccount,
    #[error("already a member of this committee")]
    AlreadyMember,
    #[error("unknown part of the plan")]
    PartUnknown,
    // The business-plan figures (`domain::plans::plan_figures`).
    #[error("the item of a capital line is missing")]
    ItemMissing { row: u8 },
    #[error("the item of a capital line is too long")]
    ItemTooLong { row: u8, max: usize },
    #[error("the item of a capital line contains invisible characters")]
    ItemInvalid { row: u8 },
    #[error("unknown kind of capital")]
    CapitalKindUnknown { row: u8 },
    #[error("the quantity is not valid")]
    QuantityInvalid { row: u8, max: u32 },
    #[error("the amount is not a number")]
    AmountNotANumber { at: Spot },
    #[error("the amount is negative")]
    AmountNegative { at: Spot },
    #[error("the amount is too high")]
    AmountTooHigh {
        at: Spot,
        max: crate::domain::shared::money::Money,
    },
    #[error("too many capital lines")]
    TooManyRows { max: usize },
    #[error("the figures are too large to add up")]
    FiguresTooLarge,
    #[error("the plan cannot be changed in its current state")]
    PlanNotEditable,
    // Monitoring visits (`domain::monitoring`).
    #[error("the question is not answered")]
    AnswerMissing,
    #[error("the date is before the plan was approved")]
    BeforeApproval,
    #[error("the amount is missing")]
    AmountMissing,
    #[error("the amount is below zero")]
    AmountBelowZero,
    #[error("the amount is above the limit")]
    AmountAboveLimit {
        max: crate::domain::shared::money::Money,
    },
    #[error("the number of jobs is not valid")]
    JobsInvalid { max: u16 },
    #[error("a business that is not operating cannot be satisfactory")]
    SatisfactoryNeedsOperating,
    #[error("the file is empty")]
    FileEmpty { name: Snippet },
    #[error("the file is too large")]
    FileTooLarge { name: Snippet, max_mb: usize },
    #[error("the file is not a photo (JPEG, PNG, WebP) or a PDF")]
    FileTypeRefused { name: Snippet },
    #[error("too many files")]
    TooManyFiles { max: usize },
    #[error("the upload is too large")]
    UploadTooLarge { max_mb: usize },
    #[error("the plan is not approved")]
    PlanNotApproved,
}

/// Where in the plan's figures an amount was typed, so its problem names the row or month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "spot", rename_all = "snake_case")]
pub enum Spot {
    /// A start-up capital line (from 1), its unit cost.
    UnitCost {
        row: u8,
    },
    /// A month of the sales and cost plan (from 1).
    Sales {
        month: u8,
    },
    Costs {
        month: u8,
    },
    OwnContribution,
    GrantRequested,
    Loan,
}

/// A short piece of text a problem names (an unknown code, a list of columns), kept inline so
/// that problems stay `Copy`. Longer text is cut at a character boundary and marked with `…`.
#[derive(Clone, Copy, PartialEq, Eq)]
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

/// A problem attached to the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub field: Field,
    pub problem: Problem,
}

impl FieldProblem {
    pub fn new(field: Field, problem: Problem) -> Self {
        Self { field, problem }
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
        let problem = Problem::SkillCodeUnknown {
            skill: Snippet::new("x.y"),
        };
        let json = serde_json::to_string(&problem).unwrap_or_default();
        assert_eq!(json, r#"{"code":"skill_code_unknown","skill":"x.y"}"#);
        assert_eq!(serde_json::from_str::<Problem>(&json).ok(), Some(problem));
    }
}
