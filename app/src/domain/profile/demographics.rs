//! What the programme's donor asks its counts to be broken down by: migrant or host community,
//! legal status and disability. Each is declared by the person, is optional ("prefer not to
//! say" is stored as nothing) and is never inferred from other answers or from papers held.

use super::codes;
use serde::{Deserialize, Serialize};

/// Whom the programme serves: migrants, and members of the Moroccan host community.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PopulationGroup {
    Migrant,
    /// A member of the Moroccan host community.
    Host,
}

impl PopulationGroup {
    pub const ALL: [PopulationGroup; 2] = [PopulationGroup::Migrant, PopulationGroup::Host];
}

codes!(PopulationGroup {
    Migrant => "migrant",
    Host => "host",
});

/// Legal status in Morocco as the person states it: documents say what papers someone holds,
/// not their status, so the two are never derived from each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LegalStatus {
    /// A Moroccan citizen.
    Citizen,
    /// Holds a residence permit.
    Resident,
    /// A recognised refugee.
    Refugee,
    AsylumSeeker,
    /// A regularisation or permit application is pending.
    Pending,
    /// No residence permit.
    NoPermit,
}

impl LegalStatus {
    pub const ALL: [LegalStatus; 6] = [
        LegalStatus::Citizen,
        LegalStatus::Resident,
        LegalStatus::Refugee,
        LegalStatus::AsylumSeeker,
        LegalStatus::Pending,
        LegalStatus::NoPermit,
    ];
}

codes!(LegalStatus {
    Citizen => "citizen",
    Resident => "resident",
    Refugee => "refugee",
    AsylumSeeker => "asylum_seeker",
    Pending => "pending",
    NoPermit => "no_permit",
});

/// Whether the person says they live with a disability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Disability {
    Yes,
    No,
}

impl Disability {
    pub const ALL: [Disability; 2] = [Disability::Yes, Disability::No];
}

codes!(Disability {
    Yes => "yes",
    No => "no",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_answer_reads_back_from_its_code() {
        for group in PopulationGroup::ALL {
            assert_eq!(PopulationGroup::from_code(group.code()), Some(group));
        }
        for status in LegalStatus::ALL {
            assert_eq!(LegalStatus::from_code(status.code()), Some(status));
        }
        for answer in Disability::ALL {
            assert_eq!(Disability::from_code(answer.code()), Some(answer));
        }
    }

    /// The codes are the database's check constraints (migration 0020) and serde's names.
    #[test]
    fn the_codes_are_those_the_database_accepts() {
        let codes = |all: &[&str]| all.join(",");
        assert_eq!(
            codes(&PopulationGroup::ALL.map(PopulationGroup::code)),
            "migrant,host"
        );
        assert_eq!(
            codes(&LegalStatus::ALL.map(LegalStatus::code)),
            "citizen,resident,refugee,asylum_seeker,pending,no_permit"
        );
        assert_eq!(codes(&Disability::ALL.map(Disability::code)), "yes,no");
        assert_eq!(
            serde_json::to_string(&LegalStatus::AsylumSeeker)
                .ok()
                .as_deref(),
            Some("\"asylum_seeker\"")
        );
    }
}
