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
    #[error("the RIB's key does not match its number")]
    AccountKeyWrong,
    #[error("the number is not a Moroccan mobile number")]
    WalletInvalid,
    #[error("the invoice reference is too long or contains invisible characters")]
    PaymentDetailInvalid { max: usize },
    #[error("the beneficiary has no payment details of this kind")]
    PayeeNotRegistered,
    #[error("payment details registered recently wait for a second staff member's confirmation")]
    PayeeUnconfirmed { days: i64 },
    #[error("only a finance officer confirms payment details")]
    ConfirmerRole,
    #[error("whoever registered payment details, or their owner, cannot confirm them")]
    ConfirmerRegistered,
    #[error("these payment details are already confirmed")]
    PayeeAlreadyConfirmed,
    #[error("the supplier is not on the approved list")]
    SupplierNotApproved,
    #[error("the admin who proposed a supplier cannot approve it")]
    SupplierSameAdmin,
    #[error("a supplier of this name is already on the list")]
    SupplierListed,
    #[error("this request key was already used for another request")]
    IdempotencyKeyReused,
    #[error("the request key is missing or not valid")]
    IdempotencyKeyInvalid,
}
