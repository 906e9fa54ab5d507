//! What can go wrong signing up, signing in and managing accounts. Each is a code; `pages/accounts/labels.rs` turns it into a sentence.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum AccountsProblem {
    #[error("the email address is missing")]
    EmailMissing,
    #[error("the email address is too long")]
    EmailTooLong { max: usize },
    #[error("the email address is not valid")]
    EmailInvalid,
    #[error("an account already uses this email address")]
    EmailTaken,
    #[error("the password is missing")]
    PasswordMissing,
    #[error("the password is too short")]
    PasswordTooShort { min: usize },
    #[error("the password is too long")]
    PasswordTooLong { max: usize },
    #[error("the password is one of the most common ones")]
    PasswordTooCommon,
    #[error("the password contains the email address")]
    PasswordContainsEmail,
    #[error("unknown role")]
    RoleUnknown,
    #[error("the last admin cannot lose the admin role")]
    LastAdmin,
    #[error("wrong email or password")]
    WrongCredentials,
    #[error("too many attempts")]
    TooManyAttempts { retry_after_minutes: i64 },
    #[error("the current password is not right")]
    WrongPassword,
    #[error("the new password is the same as the current one")]
    PasswordUnchanged,
    #[error("the account was already handed over")]
    AlreadyHandedOver,
    #[error("too many passwords are being checked at once")]
    Busy { retry_after_seconds: i64 },
    #[error("the first password expired before it was replaced")]
    FirstPasswordExpired { hours: i64 },
    #[error("the reset link was used, expired, or is wrong")]
    ResetLinkInvalid,
    #[error("the sign-up link was used, expired, or is wrong")]
    SignUpLinkInvalid { hours: i64 },
    #[error("the password matches no sign-up with this address")]
    SignUpPasswordWrong,
}

impl AccountsProblem {
    /// Seconds to wait before trying again, when the problem is a rate limit.
    pub fn retry_after_seconds(self) -> Option<i64> {
        match self {
            AccountsProblem::TooManyAttempts {
                retry_after_minutes,
            } => Some(retry_after_minutes * 60),
            AccountsProblem::Busy {
                retry_after_seconds,
            } => Some(retry_after_seconds),
            _ => None,
        }
    }
}
