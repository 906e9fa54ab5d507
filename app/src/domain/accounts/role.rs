//! Who someone is in the programme, and what that lets them do.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A user's single role. Stored as its lowercase name (`role` column, checked by the database).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Applicant,
    Caseworker,
    Mentor,
    Committee,
    Admin,
    Finance,
    /// A donor's or M&E officer's read-only account: aggregate reports, never a person.
    Viewer,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Applicant,
        Role::Caseworker,
        Role::Mentor,
        Role::Committee,
        Role::Admin,
        Role::Finance,
        Role::Viewer,
    ];

    /// Roles an admin may hand out from the staff page (every role but applicant, which people
    /// get by signing up or through a caseworker).
    pub const STAFF: [Role; 6] = [
        Role::Caseworker,
        Role::Mentor,
        Role::Committee,
        Role::Admin,
        Role::Finance,
        Role::Viewer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Applicant => "applicant",
            Role::Caseworker => "caseworker",
            Role::Mentor => "mentor",
            Role::Committee => "committee",
            Role::Admin => "admin",
            Role::Finance => "finance",
            Role::Viewer => "viewer",
        }
    }

    /// Staff see other people's data, so their sessions expire sooner and they may use a
    /// second factor.
    pub fn is_staff(self) -> bool {
        self != Role::Applicant
    }

    /// Where this role lands after signing in.
    pub fn home_path(self) -> &'static str {
        match self {
            Role::Applicant => "/me",
            Role::Caseworker => "/caseworker",
            Role::Mentor => "/mentor",
            Role::Committee => "/committee",
            Role::Admin => "/admin",
            Role::Finance => "/finance",
            Role::Viewer => "/reporting",
        }
    }

    /// How long a session may sit idle before it ends. Staff hold other people's data on
    /// shared office machines, so theirs is shorter.
    pub fn idle_timeout_minutes(self) -> i64 {
        if self.is_staff() {
            30
        } else {
            4 * 60
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role {0:?}")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or_else(|| UnknownRole(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_round_trips_through_its_name() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
    }

    #[test]
    fn an_unknown_role_name_is_refused() {
        assert!("superuser".parse::<Role>().is_err());
        assert!("".parse::<Role>().is_err());
        assert!("Admin".parse::<Role>().is_err());
    }

    #[test]
    fn applicants_are_not_staff_and_keep_longer_sessions() {
        assert!(!Role::Applicant.is_staff());
        for role in Role::STAFF {
            assert!(role.is_staff());
            assert!(role.idle_timeout_minutes() < Role::Applicant.idle_timeout_minutes());
        }
    }

    #[test]
    fn each_role_has_its_own_home() {
        let mut homes: Vec<_> = Role::ALL.iter().map(|r| r.home_path()).collect();
        homes.sort();
        homes.dedup();
        assert_eq!(homes.len(), Role::ALL.len());
    }
}
