//! Names of the profile's choices in the reader's language.

use crate::domain::profile::problem::ProfileProblem;
use crate::domain::profile::{
    Availability, Disability, DocumentKind, Education, Language, LegalStatus, PopulationGroup,
    SkillLevel, TargetGroup,
};
use crate::i18n::*;
use leptos_i18n::I18nContext;

pub fn education_name(i18n: I18nContext<Locale>, level: Education) -> String {
    match level {
        Education::None => t_string!(i18n, education.none),
        Education::Primary => t_string!(i18n, education.primary),
        Education::LowerSecondary => t_string!(i18n, education.lower_secondary),
        Education::UpperSecondary => t_string!(i18n, education.upper_secondary),
        Education::Baccalaureate => t_string!(i18n, education.baccalaureate),
        Education::ShortHigher => t_string!(i18n, education.short_higher),
        Education::Bachelor => t_string!(i18n, education.bachelor),
        Education::Master => t_string!(i18n, education.master),
    }
    .to_string()
}

pub fn language_name(i18n: I18nContext<Locale>, language: Language) -> String {
    match language {
        Language::Arabic => t_string!(i18n, language_name.arabic),
        Language::Darija => t_string!(i18n, language_name.darija),
        Language::Tamazight => t_string!(i18n, language_name.tamazight),
        Language::French => t_string!(i18n, language_name.french),
        Language::English => t_string!(i18n, language_name.english),
        Language::Spanish => t_string!(i18n, language_name.spanish),
        Language::Portuguese => t_string!(i18n, language_name.portuguese),
        Language::Wolof => t_string!(i18n, language_name.wolof),
        Language::Manding => t_string!(i18n, language_name.manding),
        Language::Fula => t_string!(i18n, language_name.fula),
        Language::Lingala => t_string!(i18n, language_name.lingala),
        Language::Hausa => t_string!(i18n, language_name.hausa),
        Language::Yoruba => t_string!(i18n, language_name.yoruba),
        Language::Swahili => t_string!(i18n, language_name.swahili),
    }
    .to_string()
}

pub fn group_name(i18n: I18nContext<Locale>, group: TargetGroup) -> String {
    match group {
        TargetGroup::Women => t_string!(i18n, group.women),
        TargetGroup::Youth => t_string!(i18n, group.youth),
        TargetGroup::WomanHeadOfHousehold => t_string!(i18n, group.woman_head_of_household),
        TargetGroup::TraffickingSurvivor => t_string!(i18n, group.trafficking_survivor),
        TargetGroup::PersonWithDisability => t_string!(i18n, group.person_with_disability),
        TargetGroup::Refugee => t_string!(i18n, group.refugee),
        TargetGroup::HostCommunity => t_string!(i18n, group.host_community),
    }
    .to_string()
}

pub fn availability_name(i18n: I18nContext<Locale>, availability: Availability) -> String {
    match availability {
        Availability::Now => t_string!(i18n, availability.now),
        Availability::WithinAMonth => t_string!(i18n, availability.within_a_month),
        Availability::PartTimeOnly => t_string!(i18n, availability.part_time_only),
        Availability::Later => t_string!(i18n, availability.later),
    }
    .to_string()
}

pub fn population_group_name(i18n: I18nContext<Locale>, group: PopulationGroup) -> String {
    match group {
        PopulationGroup::Migrant => t_string!(i18n, population_group.migrant),
        PopulationGroup::Host => t_string!(i18n, population_group.host),
    }
    .to_string()
}

pub fn legal_status_name(i18n: I18nContext<Locale>, status: LegalStatus) -> String {
    match status {
        LegalStatus::Citizen => t_string!(i18n, legal_status.citizen),
        LegalStatus::Resident => t_string!(i18n, legal_status.resident),
        LegalStatus::Refugee => t_string!(i18n, legal_status.refugee),
        LegalStatus::AsylumSeeker => t_string!(i18n, legal_status.asylum_seeker),
        LegalStatus::Pending => t_string!(i18n, legal_status.pending),
        LegalStatus::NoPermit => t_string!(i18n, legal_status.no_permit),
    }
    .to_string()
}

pub fn disability_name(i18n: I18nContext<Locale>, answer: Disability) -> String {
    match answer {
        Disability::Yes => t_string!(i18n, disability.yes),
        Disability::No => t_string!(i18n, disability.no),
    }
    .to_string()
}

pub fn document_name(i18n: I18nContext<Locale>, kind: DocumentKind) -> String {
    match kind {
        DocumentKind::Passport => t_string!(i18n, document_kind.passport),
        DocumentKind::ResidenceCard => t_string!(i18n, document_kind.residence_card),
        DocumentKind::RefugeeCard => t_string!(i18n, document_kind.refugee_card),
        DocumentKind::AsylumCertificate => t_string!(i18n, document_kind.asylum_certificate),
        DocumentKind::ConsularCard => t_string!(i18n, document_kind.consular_card),
        DocumentKind::ResidenceReceipt => t_string!(i18n, document_kind.residence_receipt),
    }
    .to_string()
}

pub fn level_name(i18n: I18nContext<Locale>, level: SkillLevel) -> String {
    match level {
        SkillLevel::Beginner => t_string!(i18n, level.beginner),
        SkillLevel::Intermediate => t_string!(i18n, level.intermediate),
        SkillLevel::Advanced => t_string!(i18n, level.advanced),
        SkillLevel::Expert => t_string!(i18n, level.expert),
    }
    .to_string()
}

/// The sentence for one profile problem.
pub fn problem_text(i18n: I18nContext<Locale>, problem: ProfileProblem) -> String {
    use ProfileProblem as P;
    match problem {
        P::QueryTooLong { max } => t_string!(i18n, problem.query_too_long, max).to_string(),
        P::FullNameMissing => t_string!(i18n, problem.full_name_missing).to_string(),
        P::FullNameTooLong { max } => t_string!(i18n, problem.full_name_too_long, max).to_string(),
        P::FullNameInvalid => t_string!(i18n, problem.full_name_invalid).to_string(),
        P::SexMissing => t_string!(i18n, problem.sex_missing).to_string(),
        P::BirthDateMissing => t_string!(i18n, problem.birth_date_missing).to_string(),
        P::BirthDateInFuture => t_string!(i18n, problem.birth_date_in_future).to_string(),
        P::BirthDateImplausible => t_string!(i18n, problem.birth_date_implausible).to_string(),
        P::TooYoung { min } => t_string!(i18n, problem.too_young, min).to_string(),
        P::ConsentRequired => t_string!(i18n, problem.consent_required).to_string(),
        P::NoticeOutdated => t_string!(i18n, problem.notice_outdated).to_string(),
        P::WithdrawalNotConfirmed => t_string!(i18n, problem.withdrawal_not_confirmed).to_string(),
        P::IdentityFirst => t_string!(i18n, problem.identity_first).to_string(),
        P::EducationMissing => t_string!(i18n, problem.education_missing).to_string(),
        P::LanguagesMissing => t_string!(i18n, problem.languages_missing).to_string(),
        P::TooManySectors { max } => t_string!(i18n, problem.too_many_sectors, max).to_string(),
        P::AvailabilityMissing => t_string!(i18n, problem.availability_missing).to_string(),
        P::AvailabilityUnknown => t_string!(i18n, problem.availability_unknown).to_string(),
        P::PopulationGroupUnknown => t_string!(i18n, problem.population_group_unknown).to_string(),
        P::LegalStatusUnknown => t_string!(i18n, problem.legal_status_unknown).to_string(),
        P::DisabilityUnknown => t_string!(i18n, problem.disability_unknown).to_string(),
        P::DocumentKindMissing => t_string!(i18n, problem.document_kind_missing).to_string(),
        P::DocumentNumberInvalid { max } => {
            t_string!(i18n, problem.document_number_invalid, max).to_string()
        }
        P::DocumentExpired => t_string!(i18n, problem.document_expired).to_string(),
        P::ExpiryImplausible => t_string!(i18n, problem.expiry_implausible).to_string(),
        P::TooManyDocuments { max } => t_string!(i18n, problem.too_many_documents, max).to_string(),
        P::SkillUnknown => t_string!(i18n, problem.skill_unknown).to_string(),
        P::LevelMissing => t_string!(i18n, problem.level_missing).to_string(),
        P::LevelUnknown => t_string!(i18n, problem.level_unknown).to_string(),
        P::YearsInvalid { max } => t_string!(i18n, problem.years_invalid, max).to_string(),
        P::TooManySkills { max } => t_string!(i18n, problem.too_many_skills, max).to_string(),
        P::JobTitleMissing => t_string!(i18n, problem.job_title_missing).to_string(),
        P::JobTitleTooLong { max } => t_string!(i18n, problem.job_title_too_long, max).to_string(),
        P::EmployerTooLong { max } => t_string!(i18n, problem.employer_too_long, max).to_string(),
        P::TownTooLong { max } => t_string!(i18n, problem.town_too_long, max).to_string(),
        P::WorkDescriptionTooLong { max } => {
            t_string!(i18n, problem.work_description_too_long, max).to_string()
        }
        P::CountryMissing => t_string!(i18n, problem.country_missing).to_string(),
        P::CountryUnknown => t_string!(i18n, problem.country_unknown).to_string(),
        P::MonthMissing => t_string!(i18n, problem.month_missing).to_string(),
        P::MonthInvalid => t_string!(i18n, problem.month_invalid).to_string(),
        P::MonthInFuture => t_string!(i18n, problem.month_in_future).to_string(),
        P::WorkEndBeforeStart => t_string!(i18n, problem.work_end_before_start).to_string(),
        P::TooManyJobs { max } => t_string!(i18n, problem.too_many_jobs, max).to_string(),
        P::ConsentNotConfirmed => t_string!(i18n, problem.consent_not_confirmed).to_string(),
    }
}
