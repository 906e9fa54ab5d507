//! Email addresses, normalised so one person cannot hold two accounts by changing case.

use crate::domain::problem::Problem;

use crate::domain::accounts::problem::AccountsProblem;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A syntactically valid, trimmed, lower-cased email address of at most 254 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    /// RFC 5321's limit on a forward path.
    pub const MAX_LEN: usize = 254;

    pub fn parse(input: &str) -> Result<Self, Problem> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(AccountsProblem::EmailMissing.into());
        }
        if trimmed.chars().count() > Self::MAX_LEN {
            return Err(AccountsProblem::EmailTooLong { max: Self::MAX_LEN }.into());
        }
        let normalised = trimmed.to_lowercase();
        // The RFC allows addresses no real mailbox uses (quoted local parts, IP literals, no
        // dot in the domain); people mistype, so we ask for the ordinary `name@domain.tld`.
        let plain = email_address::EmailAddress::is_valid(&normalised)
            && !normalised.contains(['"', '[', ' ', '(', ')'])
            && normalised
                .rsplit_once('@')
                .is_some_and(|(_, domain)| domain.contains('.') && !domain.ends_with('.'));
        if plain {
            Ok(Self(normalised))
        } else {
            Err(AccountsProblem::EmailInvalid.into())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part before the `@`, used to refuse passwords built from it.
    pub fn local_part(&self) -> &str {
        self.0.split('@').next().unwrap_or_default()
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_trimmed_and_lower_cased() {
        let email = Email::parse("  Awa.Diallo@Example.ORG ").expect("valid");
        assert_eq!(email.as_str(), "awa.diallo@example.org");
        assert_eq!(email.local_part(), "awa.diallo");
    }

    #[test]
    fn a_missing_address_is_named_as_missing() {
        assert_eq!(
            Email::parse("   "),
            Err(AccountsProblem::EmailMissing.into())
        );
    }

    #[test]
    fn malformed_addresses_are_refused() {
        for bad in [
            "awa",
            "awa@",
            "@example.org",
            "awa@example",
            "awa@@example.org",
            "awa diallo@example.org",
            "\"awa\"@example.org",
            "awa@[127.0.0.1]",
            "awa@example.org.",
        ] {
            assert_eq!(
                Email::parse(bad),
                Err(AccountsProblem::EmailInvalid.into()),
                "{bad}"
            );
        }
    }

    #[test]
    fn an_overlong_address_is_refused_with_the_limit() {
        let long = format!("{}@example.org", "a".repeat(250));
        assert_eq!(
            Email::parse(&long),
            Err(AccountsProblem::EmailTooLong { max: 254 }.into())
        );
    }
}
