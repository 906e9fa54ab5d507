//! What can go wrong releasing and paying tranches. Each is a code; `pages/money/labels.rs` turns it into a sentence.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum MoneyProblem {
    #[error("not possible for a tranche in this state")]
    TrancheIs {
        status: crate::domain::money::tranche::TrancheStatus,
    },
    #[error("the person who released a payment cannot confirm it")]
    SameMakerAndChecker,
    #[error("the person who released a payment made the account that would confirm it")]
    CheckerMadeByMaker,
    #[error("the grant is below the smallest amount")]
    GrantTooSmall { min_dirhams: i64 },
    #[error("the call's envelope cannot cover this amount")]
    EnvelopeExceeded { available_centimes: i64 },
    #[error("this tranche waits for a satisfactory monitoring visit")]
    VisitRequired,
    #[error("an earlier tranche is not paid yet")]
    EarlierTrancheOpen,
    #[error("unknown payment method")]
    PaymentMethodUnknown,
    #[error("the supplier is missing")]
    SupplierMissing,
    #[error("the invoice reference is missing")]
    InvoiceMissing,
    #[error("the phone number to pay is missing")]
    PayeePhoneMissing,
    #[error("the bank account is missing")]
    AccountMissing,
    #[error("the bank account is not valid")]
    AccountInvalid,
    #[error("a payment detail is too long or contains invisible characters")]
    PaymentDetailInvalid { max: usize },
    #[error("this request key was already used for another request")]
    IdempotencyKeyReused,
    #[error("the request key is missing or not valid")]
    IdempotencyKeyInvalid,
}
