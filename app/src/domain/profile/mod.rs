//! What an applicant tells us about themselves, in the shapes the rules and the matching read.
//! Every value here is already valid: forms go through the `parse` functions of
//! `identity`, `situation`, `holdings` and `work`, which answer a problem for anything else.

pub mod assisted;
pub mod consent;
pub mod demographics;
pub mod facts;
pub mod holdings;
pub mod identity;
pub mod problem;
pub mod situation;
pub mod work;

pub use demographics::{Disability, LegalStatus, PopulationGroup};
pub use facts::{age_on, birthday, Facts};

use crate::domain::shared::reference::SkillId;
use serde::{Deserialize, Serialize};
use time::Date;

/// `code()` and `from_code()` for an enum stored and posted by name (the same names serde uses).
macro_rules! codes {
    ($ty:ident { $($variant:ident => $code:literal),* $(,)? }) => {
        impl $ty {
            pub fn code(self) -> &'static str {
                match self {
                    $($ty::$variant => $code),*
                }
            }

            pub fn from_code(code: &str) -> Option<$ty> {
                match code {
                    $($code => Some($ty::$variant),)*
                    _ => None,
                }
            }
        }
    };
}
pub(crate) use codes;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Female,
    Male,
}

impl Sex {
    pub const ALL: [Sex; 2] = [Sex::Female, Sex::Male];
}

codes!(Sex {
    Female => "female",
    Male => "male",
});

/// Highest level completed, in Moroccan terms. Ordered: a rule's minimum compares with `>=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Education {
    None,
    Primary,
    LowerSecondary,
    UpperSecondary,
    Baccalaureate,
    /// Bac+2: technicien spécialisé, DEUG, DUT.
    ShortHigher,
    /// Licence (bac+3).
    Bachelor,
    /// Master or more.
    Master,
}

impl Education {
    pub const ALL: [Education; 8] = [
        Education::None,
        Education::Primary,
        Education::LowerSecondary,
        Education::UpperSecondary,
        Education::Baccalaureate,
        Education::ShortHigher,
        Education::Bachelor,
        Education::Master,
    ];
}

codes!(Education {
    None => "none",
    Primary => "primary",
    LowerSecondary => "lower_secondary",
    UpperSecondary => "upper_secondary",
    Baccalaureate => "baccalaureate",
    ShortHigher => "short_higher",
    Bachelor => "bachelor",
    Master => "master",
});

/// Identity and status papers (domain.md, "Typical document kinds").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Passport,
    /// Carte d'immatriculation / carte de séjour.
    ResidenceCard,
    /// UNHCR refugee card.
    RefugeeCard,
    /// UNHCR asylum-seeker certificate.
    AsylumCertificate,
    ConsularCard,
    /// Receipt of a pending residence-card application.
    ResidenceReceipt,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 6] = [
        DocumentKind::Passport,
        DocumentKind::ResidenceCard,
        DocumentKind::RefugeeCard,
        DocumentKind::AsylumCertificate,
        DocumentKind::ConsularCard,
        DocumentKind::ResidenceReceipt,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub kind: DocumentKind,
    /// `None` for papers without an end date.
    pub expires_on: Option<Date>,
}

impl Document {
    pub fn valid_on(&self, day: Date) -> bool {
        self.expires_on.is_none_or(|end| end >= day)
    }
}

codes!(DocumentKind {
    Passport => "passport",
    ResidenceCard => "residence_card",
    RefugeeCard => "refugee_card",
    AsylumCertificate => "asylum_certificate",
    ConsularCard => "consular_card",
    ResidenceReceipt => "residence_receipt",
});

/// Languages people speak here, for trainings given in a language and for matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    Arabic,
    Darija,
    Tamazight,
    French,
    English,
    Spanish,
    Portuguese,
    Wolof,
    /// Bambara, Dioula, Malinké.
    Manding,
    Fula,
    Lingala,
    Hausa,
    Yoruba,
    Swahili,
}

impl Language {
    pub const ALL: [Language; 14] = [
        Language::Arabic,
        Language::Darija,
        Language::Tamazight,
        Language::French,
        Language::English,
        Language::Spanish,
        Language::Portuguese,
        Language::Wolof,
        Language::Manding,
        Language::Fula,
        Language::Lingala,
        Language::Hausa,
        Language::Yoruba,
        Language::Swahili,
    ];
}

codes!(Language {
    Arabic => "arabic",
    Darija => "darija",
    Tamazight => "tamazight",
    French => "french",
    English => "english",
    Spanish => "spanish",
    Portuguese => "portuguese",
    Wolof => "wolof",
    Manding => "manding",
    Fula => "fula",
    Lingala => "lingala",
    Hausa => "hausa",
    Yoruba => "yoruba",
    Swahili => "swahili",
});

/// Groups programmes prioritise (domain.md, "Programme targeting"). Some follow from other
/// facts (a woman, a young person, a refugee, a host-community member); the others are
/// declared, with consent, and are sensitive: mentors and committees never see them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetGroup {
    Women,
    /// Aged 18 to 35.
    Youth,
    WomanHeadOfHousehold,
    TraffickingSurvivor,
    PersonWithDisability,
    Refugee,
    HostCommunity,
}

impl TargetGroup {
    pub const ALL: [TargetGroup; 7] = [
        TargetGroup::Women,
        TargetGroup::Youth,
        TargetGroup::WomanHeadOfHousehold,
        TargetGroup::TraffickingSurvivor,
        TargetGroup::PersonWithDisability,
        TargetGroup::Refugee,
        TargetGroup::HostCommunity,
    ];
    /// The groups a person declares (the rest are derived).
    pub const DECLARED: [TargetGroup; 3] = [
        TargetGroup::WomanHeadOfHousehold,
        TargetGroup::TraffickingSurvivor,
        TargetGroup::PersonWithDisability,
    ];
}

codes!(TargetGroup {
    Women => "women",
    Youth => "youth",
    WomanHeadOfHousehold => "woman_head_of_household",
    TraffickingSurvivor => "trafficking_survivor",
    PersonWithDisability => "person_with_disability",
    Refugee => "refugee",
    HostCommunity => "host_community",
});

/// When someone can start a training or a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Availability {
    Now,
    WithinAMonth,
    PartTimeOnly,
    Later,
}

impl Availability {
    pub const ALL: [Availability; 4] = [
        Availability::Now,
        Availability::WithinAMonth,
        Availability::PartTimeOnly,
        Availability::Later,
    ];
}

codes!(Availability {
    Now => "now",
    WithinAMonth => "within_a_month",
    PartTimeOnly => "part_time_only",
    Later => "later",
});

codes!(Programme {
    Idmaj => "idmaj",
    Taehil => "taehil",
    Tahfiz => "tahfiz",
    SelfEmployment => "self_employment",
});

/// ANAPEC programmes (domain.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Programme {
    /// Employment contracts.
    Idmaj,
    /// Qualifying and retraining courses.
    Taehil,
    Tahfiz,
    /// Self-employment support (business-plan training).
    SelfEmployment,
}

impl Programme {
    pub const ALL: [Programme; 4] = [
        Programme::Idmaj,
        Programme::Taehil,
        Programme::Tahfiz,
        Programme::SelfEmployment,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkillLevel {
    Beginner,
    Intermediate,
    Advanced,
    Expert,
}

impl SkillLevel {
    pub const ALL: [SkillLevel; 4] = [
        SkillLevel::Beginner,
        SkillLevel::Intermediate,
        SkillLevel::Advanced,
        SkillLevel::Expert,
    ];
}

codes!(SkillLevel {
    Beginner => "beginner",
    Intermediate => "intermediate",
    Advanced => "advanced",
    Expert => "expert",
});

/// "I can do this, at this level, for this many years."
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillClaim {
    pub skill: SkillId,
    pub level: SkillLevel,
    pub years: u8,
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn age_counts_whole_years_and_waits_for_the_birthday() {
        assert_eq!(
            age_on(date!(2000 - 06 - 15), date!(2026 - 06 - 14)),
            Some(25)
        );
        assert_eq!(
            age_on(date!(2000 - 06 - 15), date!(2026 - 06 - 15)),
            Some(26)
        );
        assert_eq!(age_on(date!(2030 - 01 - 01), date!(2026 - 06 - 15)), None);
    }

    #[test]
    fn a_leap_day_birthday_falls_on_the_first_of_march() {
        assert_eq!(birthday(date!(2008 - 02 - 29), 18), date!(2026 - 03 - 01));
        assert_eq!(
            age_on(date!(2008 - 02 - 29), date!(2026 - 02 - 28)),
            Some(17)
        );
        assert_eq!(
            age_on(date!(2008 - 02 - 29), date!(2026 - 03 - 01)),
            Some(18)
        );
    }

    #[test]
    fn a_document_is_valid_through_its_expiry_day() {
        let card = Document {
            kind: DocumentKind::ResidenceCard,
            expires_on: Some(date!(2026 - 12 - 31)),
        };
        assert!(card.valid_on(date!(2026 - 12 - 31)));
        assert!(!card.valid_on(date!(2027 - 01 - 01)));
    }

    #[test]
    fn derived_groups_follow_the_facts_and_unknown_facts_stay_unknown() {
        let facts = Facts {
            sex: Some(Sex::Female),
            birth_date: Some(date!(1995 - 01 - 01)),
            ..Facts::default()
        };
        let day = date!(2026 - 11 - 29);
        assert_eq!(facts.in_group(TargetGroup::Women, day), Some(true));
        assert_eq!(facts.in_group(TargetGroup::Youth, day), Some(true));
        assert_eq!(facts.in_group(TargetGroup::HostCommunity, day), None);
        assert_eq!(facts.in_group(TargetGroup::Refugee, day), Some(false));
    }
}
