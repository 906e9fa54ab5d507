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
    #[error("this decision belongs to someone else")]
    NotYourDecision,
    #[error("not possible for an enrolment in this state")]
    EnrolmentIs {
        status: crate::domain::enrolment::EnrolmentStatus,
    },
    #[error("the call is not open")]
    CallClosed,
    #[error("a plan for this call already exists")]
    PlanExists,
    #[error("unknown offer")]
    OfferUnknown,
    #[error("the minimum score must be a number from 0 to 100")]
    ScoreInvalid,
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
