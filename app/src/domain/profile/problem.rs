//! What can go wrong filling in a skills profile. Each is a code; `pages/profile/labels.rs` turns it into a sentence.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ProfileProblem {
    #[error("the search is too long")]
    QueryTooLong { max: usize },
    #[error("the name is missing")]
    FullNameMissing,
    #[error("the name is too long")]
    FullNameTooLong { max: usize },
    #[error("the name contains invisible characters")]
    FullNameInvalid,
    #[error("the sex is missing")]
    SexMissing,
    #[error("the date of birth is missing")]
    BirthDateMissing,
    #[error("the date of birth is in the future")]
    BirthDateInFuture,
    #[error("the date of birth is implausibly old")]
    BirthDateImplausible,
    #[error("applicants must be adults")]
    TooYoung { min: u8 },
    #[error("consent is needed first")]
    ConsentRequired,
    #[error("the privacy notice changed")]
    NoticeOutdated,
    #[error("the withdrawal was not confirmed")]
    WithdrawalNotConfirmed,
    #[error("the identity step comes first")]
    IdentityFirst,
    #[error("the education level is missing")]
    EducationMissing,
    #[error("no language chosen")]
    LanguagesMissing,
    #[error("too many sectors")]
    TooManySectors { max: usize },
    #[error("the availability is missing")]
    AvailabilityMissing,
    #[error("unknown availability")]
    AvailabilityUnknown,
    #[error("unknown population group")]
    PopulationGroupUnknown,
    #[error("unknown legal status")]
    LegalStatusUnknown,
    #[error("unknown answer about disability")]
    DisabilityUnknown,
    #[error("the kind of document is missing")]
    DocumentKindMissing,
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
}
