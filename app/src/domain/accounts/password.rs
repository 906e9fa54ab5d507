//! The password policy (OWASP ASVS 5.0 level 2): long enough, long passphrases welcome, and none
//! of the passwords attackers try first.

use crate::domain::accounts::email::Email;
use crate::domain::accounts::problem::AccountsProblem;
use crate::domain::problem::Problem;
use std::fmt;

/// How long a first password an admin chose for a staff account works before its owner must
/// have replaced it: enough to hand it over, short enough that an account nobody took up does
/// not stay open with a password someone else knows.
pub const FIRST_PASSWORD_HOURS: i64 = 72;

/// A password that passed the policy. Its `Debug` never shows the secret.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    /// Characters (not bytes), so Arabic and accented passphrases count fairly.
    pub const MIN_LEN: usize = 12;
    /// Generous enough for any passphrase; bounded so hashing stays cheap to call.
    pub const MAX_LEN: usize = 256;

    /// Checks a new password. `email` is the account's address, when it has one.
    pub fn parse(input: &str, email: Option<&Email>) -> Result<Self, Problem> {
        let length = input.chars().count();
        if length == 0 {
            return Err(AccountsProblem::PasswordMissing.into());
        }
        if length < Self::MIN_LEN {
            return Err(AccountsProblem::PasswordTooShort { min: Self::MIN_LEN }.into());
        }
        if length > Self::MAX_LEN {
            return Err(AccountsProblem::PasswordTooLong { max: Self::MAX_LEN }.into());
        }
        let lower = input.to_lowercase();
        if let Some(email) = email {
            let local = email.local_part();
            if local.chars().count() >= 3 && lower.contains(local) {
                return Err(AccountsProblem::PasswordContainsEmail.into());
            }
        }
        if is_common(&lower) {
            return Err(AccountsProblem::PasswordTooCommon.into());
        }
        Ok(Self(input.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

/// Passwords from public breach top lists that are long enough to pass the length rule.
const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

/// Words people pad with digits and symbols ("Password2024!", "Azerty123456").
const COMMON_WORDS: &[&str] = &[
    "password",
    "passw",
    "motdepasse",
    "mdp",
    "azerty",
    "azertyuiop",
    "qwerty",
    "qwertyuiop",
    "qwertz",
    "bonjour",
    "soleil",
    "iloveyou",
    "jetaime",
    "admin",
    "administrator",
    "welcome",
    "bienvenue",
    "letmein",
    "passerelle",
    "football",
    "princess",
    "dragon",
    "monkey",
    "sunshine",
    "maroc",
    "morocco",
    "marocain",
    "rabat",
    "tanger",
    "casablanca",
    "anapec",
    "abc",
    "abcdef",
    "changeme",
    "secret",
    "test",
    "user",
    "login",
    "master",
    "hello",
    "allah",
    "bismillah",
    "superman",
    "batman",
    "loulou",
    "doudou",
    "chocolat",
    "nicole",
    "michael",
    "jordan",
];

/// Keyboard rows and counting runs: any password that is a slice of one of these is a pattern.
const SEQUENCES: &[&str] = &[
    "012345678901234567890123456789",
    "987654321098765432109876543210",
    "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
    "qwertyuiopasdfghjklzxcvbnmqwertyuiop",
    "azertyuiopqsdfghjklmwxcvbnazertyuiop",
    "1234567890qwertyuiopasdfghjklzxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    "qazwsxedcrfvtgbyhnujmikolp",
];

fn is_common(lower: &str) -> bool {
    let listed = COMMON_PASSWORDS
        .lines()
        .map(str::trim)
        .any(|common| !common.is_empty() && common == lower);
    let mut distinct: Vec<char> = lower.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    let letters: String = lower.chars().filter(|c| c.is_alphabetic()).collect();
    let padded_word = COMMON_WORDS
        .iter()
        .any(|word| letters == *word || letters == word.repeat(2));
    let sequence = SEQUENCES.iter().any(|run| run.contains(lower));
    listed || distinct.len() < 4 || padded_word || sequence
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email() -> Email {
        Email::parse("fatou.kane@example.org").expect("valid")
    }

    #[test]
    fn a_long_uncommon_passphrase_is_accepted() {
        assert!(Password::parse("correct horse battery staple", Some(&email())).is_ok());
        assert!(Password::parse("الصبر مفتاح الفرج دائما", None).is_ok());
    }

    #[test]
    fn a_sixty_four_character_passphrase_is_accepted() {
        let phrase = "le marché de Tanger ouvre tôt le matin et ferme tard le soir ok!";
        assert_eq!(phrase.chars().count(), 64);
        assert!(Password::parse(phrase, None).is_ok());
    }

    #[test]
    fn short_passwords_are_refused_with_the_minimum() {
        assert_eq!(
            Password::parse("Tr0ub4dor&3", None),
            Err(AccountsProblem::PasswordTooShort { min: 12 }.into())
        );
        assert_eq!(
            Password::parse("", None),
            Err(AccountsProblem::PasswordMissing.into())
        );
    }

    #[test]
    fn length_is_counted_in_characters_not_bytes() {
        // Twelve Arabic letters are 24 bytes but twelve characters.
        assert!(Password::parse("سلامعليكمجمي", None).is_ok());
        assert!(Password::parse("سلامعليكمجم", None).is_err());
    }

    #[test]
    fn overlong_passwords_are_refused_with_the_maximum() {
        let long = "x7!k".repeat(65);
        assert_eq!(
            Password::parse(&long, None),
            Err(AccountsProblem::PasswordTooLong { max: 256 }.into())
        );
    }

    #[test]
    fn common_passwords_and_their_padded_forms_are_refused() {
        for common in [
            "password1234",
            "Password2024!",
            "Azerty123456",
            "motdepasse123",
            "123456789012",
            "qwertyuiop12",
            "aaaaaaaaaaaa",
            "abababababab",
            "iloveyou1234",
            "passwordpassword",
        ] {
            assert_eq!(
                Password::parse(common, None),
                Err(AccountsProblem::PasswordTooCommon.into()),
                "{common}"
            );
        }
    }

    #[test]
    fn a_password_built_on_the_email_is_refused() {
        assert_eq!(
            Password::parse("Fatou.Kane-2024-secure", Some(&email())),
            Err(AccountsProblem::PasswordContainsEmail.into())
        );
    }

    #[test]
    fn debug_output_never_shows_the_secret() {
        let password = Password::parse("correct horse battery staple", None).expect("valid");
        assert!(!format!("{password:?}").contains("horse"));
    }
}
