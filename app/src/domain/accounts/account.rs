//! A new account's credentials, checked together so every problem is reported at once.

use crate::domain::accounts::email::Email;
use crate::domain::accounts::password::Password;
use crate::domain::problem::FieldProblem;
use crate::domain::shared::problem::Field;

/// Checks an email address and a new password (which may not contain the address). Returns
/// the problems of both fields when either is wrong.
pub fn parse_credentials(
    email: &str,
    password: &str,
) -> Result<(Email, Password), Vec<FieldProblem>> {
    let email = Email::parse(email);
    let password = Password::parse(password, email.as_ref().ok());
    match (email, password) {
        (Ok(email), Ok(password)) => Ok((email, password)),
        (email, password) => Err([
            email.err().map(|p| FieldProblem::new(Field::Email, p)),
            password
                .err()
                .map(|p| FieldProblem::new(Field::Password, p)),
        ]
        .into_iter()
        .flatten()
        .collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::accounts::problem::AccountsProblem;

    #[test]
    fn good_credentials_are_normalised() {
        let (email, _) =
            parse_credentials(" Awa@Example.org", "correct horse battery staple").expect("valid");
        assert_eq!(email.as_str(), "awa@example.org");
    }

    #[test]
    fn problems_of_both_fields_are_reported_together() {
        let problems = parse_credentials("awa@", "short").expect_err("invalid");
        assert_eq!(
            problems,
            vec![
                FieldProblem::new(Field::Email, AccountsProblem::EmailInvalid),
                FieldProblem::new(
                    Field::Password,
                    AccountsProblem::PasswordTooShort { min: 12 }
                ),
            ]
        );
    }

    #[test]
    fn the_password_is_checked_against_a_valid_address_only() {
        let problems = parse_credentials("fatou.kane@example.org", "fatou.kane-secure-2024")
            .expect_err("contains the address");
        assert_eq!(
            problems,
            vec![FieldProblem::new(
                Field::Password,
                AccountsProblem::PasswordContainsEmail
            )]
        );
    }
}
