//! Account words in the reader's language: what went wrong signing up or in.

use crate::domain::accounts::problem::AccountsProblem;
use crate::i18n::*;
use leptos_i18n::I18nContext;

/// The sentence for one accounts problem.
pub fn problem_text(i18n: I18nContext<Locale>, problem: AccountsProblem) -> String {
    match problem {
        AccountsProblem::EmailMissing => t_string!(i18n, problem.email_missing).to_string(),
        AccountsProblem::EmailTooLong { max } => {
            t_string!(i18n, problem.email_too_long, max).to_string()
        }
        AccountsProblem::EmailInvalid => t_string!(i18n, problem.email_invalid).to_string(),
        AccountsProblem::EmailTaken => t_string!(i18n, problem.email_taken).to_string(),
        AccountsProblem::PasswordMissing => t_string!(i18n, problem.password_missing).to_string(),
        AccountsProblem::PasswordTooShort { min } => {
            t_string!(i18n, problem.password_too_short, min).to_string()
        }
        AccountsProblem::PasswordTooLong { max } => {
            t_string!(i18n, problem.password_too_long, max).to_string()
        }
        AccountsProblem::PasswordTooCommon => {
            t_string!(i18n, problem.password_too_common).to_string()
        }
        AccountsProblem::PasswordContainsEmail => {
            t_string!(i18n, problem.password_contains_email).to_string()
        }
        AccountsProblem::RoleUnknown => t_string!(i18n, problem.role_unknown).to_string(),
        AccountsProblem::LastAdmin => t_string!(i18n, problem.last_admin).to_string(),
        AccountsProblem::WrongCredentials => t_string!(i18n, problem.wrong_credentials).to_string(),
        AccountsProblem::TooManyAttempts {
            retry_after_minutes,
        } => t_string!(
            i18n,
            problem.too_many_attempts,
            minutes = retry_after_minutes
        )
        .to_string(),
        AccountsProblem::WrongPassword => t_string!(i18n, problem.wrong_password).to_string(),
        AccountsProblem::PasswordUnchanged => {
            t_string!(i18n, problem.password_unchanged).to_string()
        }
        AccountsProblem::AlreadyHandedOver => {
            t_string!(i18n, problem.already_handed_over).to_string()
        }
        AccountsProblem::Busy {
            retry_after_seconds,
        } => t_string!(i18n, problem.busy, seconds = retry_after_seconds).to_string(),
        AccountsProblem::FirstPasswordExpired { hours } => {
            t_string!(i18n, problem.first_password_expired, hours).to_string()
        }
        AccountsProblem::ResetLinkInvalid => {
            t_string!(i18n, problem.reset_link_invalid).to_string()
        }
        AccountsProblem::SignUpLinkInvalid { hours } => {
            t_string!(i18n, problem.sign_up_link_invalid, hours).to_string()
        }
        AccountsProblem::SignUpPasswordWrong => {
            t_string!(i18n, problem.sign_up_password_wrong).to_string()
        }
    }
}
