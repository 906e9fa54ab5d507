//! The key a client sends with each money request, so that sending the same request again
//! (a double click, a retry after a cut connection) does it once and answers the same.

use crate::domain::money::problem::MoneyProblem;

/// 16 to 100 letters, digits, `-` or `_`: long enough to be unique per request, short enough
/// to store; the page makes one per form it renders.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    pub fn parse(key: &str) -> Result<IdempotencyKey, MoneyProblem> {
        let key = key.trim();
        let valid = (16..=100).contains(&key.len())
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'));
        if valid {
            Ok(IdempotencyKey(key.to_owned()))
        } else {
            Err(MoneyProblem::IdempotencyKeyInvalid)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_16_to_100_safe_characters() {
        let key = IdempotencyKey::parse(" release-2026_abcdef ");
        assert_eq!(
            key.map(|k| k.as_str().to_owned()),
            Ok("release-2026_abcdef".to_owned())
        );
        for bad in [
            "short",
            "with space inside!",
            "é-not-ascii-1234567",
            &"k".repeat(101),
        ] {
            assert_eq!(
                IdempotencyKey::parse(bad),
                Err(MoneyProblem::IdempotencyKeyInvalid),
                "{bad}"
            );
        }
        assert!(IdempotencyKey::parse(&"k".repeat(100)).is_ok());
    }
}
