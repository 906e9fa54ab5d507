//! Paying an approved grant (security.md, "Money"): the schedule an approval creates from the
//! call's tranche template, and the life of each tranche — released by an admin (the maker),
//! confirmed paid or failed by a finance officer (the checker, never the same person), or
//! cancelled. Every change is a step of the [`Workflow`] table below; a release's
//! preconditions (earlier tranches settled, the visit) are facts it is given.

use crate::domain::accounts::role::Role;
use crate::domain::catalogue::grant_terms::{Release, TrancheTemplate};
use crate::domain::money::problem::MoneyProblem;
use crate::domain::problem::Problem;
use crate::domain::profile::codes;
use crate::domain::shared::money::Money;
use crate::domain::shared::problem::SharedProblem;
use crate::domain::shared::text::FreeText;
use crate::domain::shared::workflow::Workflow;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrancheStatus {
    /// Created by the approval; waits for its release rule and an admin.
    Scheduled,
    /// An admin sent it for payment; waits for finance.
    Released,
    Paid,
    /// The payment did not go through; an admin may release it again.
    Failed,
    Cancelled,
}

codes!(TrancheStatus {
    Scheduled => "scheduled",
    Released => "released",
    Paid => "paid",
    Failed => "failed",
    Cancelled => "cancelled",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrancheAction {
    /// The maker sends the tranche for payment, naming how it is paid.
    Release,
    /// The checker confirms the money reached the beneficiary or supplier.
    ConfirmPaid,
    /// The checker records that the payment failed (wrong number, refused transfer…).
    RecordFailure,
    /// The admin stops a tranche that will not be paid (business closed, fraud…).
    Cancel,
}

codes!(TrancheAction {
    Release => "release",
    ConfirmPaid => "confirm_paid",
    RecordFailure => "record_failure",
    Cancel => "cancel",
});

impl TrancheAction {
    pub const ALL: [TrancheAction; 4] = [
        TrancheAction::Release,
        TrancheAction::ConfirmPaid,
        TrancheAction::RecordFailure,
        TrancheAction::Cancel,
    ];
}

impl TrancheStatus {
    pub const ALL: [TrancheStatus; 5] = [
        TrancheStatus::Scheduled,
        TrancheStatus::Released,
        TrancheStatus::Paid,
        TrancheStatus::Failed,
        TrancheStatus::Cancelled,
    ];

    /// No step leads anywhere from here.
    pub fn is_final(self) -> bool {
        matches!(self, TrancheStatus::Paid | TrancheStatus::Cancelled)
    }
}

/// What a release needs to know of the world; the other steps need nothing
/// (`TrancheFacts::default()`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TrancheFacts {
    /// Earlier tranches of the same grant neither paid nor cancelled.
    pub earlier_open: bool,
    /// The template ties this tranche to a monitoring visit…
    pub needs_visit: bool,
    /// …and a visit opens it: satisfactory, with evidence, made after the money before it
    /// was paid (`domain::money::gate`).
    pub visit_satisfactory: bool,
}

/// A tranche's life as a table: each row is a step someone may take.
impl Workflow for TrancheStatus {
    type Action = TrancheAction;
    type Actor = Role;
    type Facts = TrancheFacts;
    type Problem = MoneyProblem;

    const STEPS: &'static [(TrancheStatus, TrancheAction, TrancheStatus)] = {
        use TrancheAction as A;
        use TrancheStatus as S;
        &[
            (S::Scheduled, A::Release, S::Released),
            (S::Failed, A::Release, S::Released),
            (S::Released, A::ConfirmPaid, S::Paid),
            (S::Released, A::RecordFailure, S::Failed),
            (S::Scheduled, A::Cancel, S::Cancelled),
            (S::Released, A::Cancel, S::Cancelled),
            (S::Failed, A::Cancel, S::Cancelled),
        ]
    };

    /// The maker (an admin) releases and cancels; the checker (finance) confirms or fails. That
    /// the checker is not the maker is checked on the people (`checker_is_not_maker`), since
    /// one account's role can change.
    fn actor(action: TrancheAction) -> Role {
        match action {
            TrancheAction::Release | TrancheAction::Cancel => Role::Admin,
            TrancheAction::ConfirmPaid | TrancheAction::RecordFailure => Role::Finance,
        }
    }

    fn not_from(from: TrancheStatus, _action: TrancheAction) -> Self::Problem {
        MoneyProblem::TrancheIs { status: from }
    }

    /// A tranche is released once every earlier one is paid or cancelled and, when the template
    /// ties it to monitoring, after a visit that opens it (`domain::money::gate`).
    fn precondition(
        _from: TrancheStatus,
        action: TrancheAction,
        facts: &TrancheFacts,
    ) -> Result<(), Self::Problem> {
        if action != TrancheAction::Release {
            Ok(())
        } else if facts.earlier_open {
            Err(MoneyProblem::EarlierTrancheOpen)
        } else if facts.needs_visit && !facts.visit_satisfactory {
            Err(MoneyProblem::VisitRequired)
        } else {
            Ok(())
        }
    }
}

/// Separation of duties: whoever confirms or fails a payment did not release it, and their
/// account was not created, nor given its role or a password, by whoever released it (`makers`:
/// the admins who did any of that to the checker's account). Otherwise one admin could make a
/// finance account, sign in with it and confirm their own release.
pub fn checker_is_not_maker(maker: i64, checker: i64, makers: &[i64]) -> Result<(), Problem> {
    if maker == checker {
        Err(MoneyProblem::SameMakerAndChecker.into())
    } else if makers.contains(&maker) {
        Err(MoneyProblem::CheckerMadeByMaker.into())
    } else {
        Ok(())
    }
}

/// One line of a grant's payment schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scheduled {
    /// 1, 2, … in the template's order.
    pub number: u8,
    pub percent: u8,
    pub release: Release,
    pub amount: Money,
}

/// The smallest grant a committee approves: every tranche is then at least a dirham.
pub const MIN_GRANT: Money = Money::from_dirhams(100);

/// The tranches of `amount` under `template`: each its share rounded down to the centime, the
/// last one taking what rounding left, so they sum exactly to `amount`.
pub fn schedule(amount: Money, template: &TrancheTemplate) -> Result<Vec<Scheduled>, Problem> {
    if amount < MIN_GRANT || amount > Money::MAX {
        return Err(MoneyProblem::GrantTooSmall {
            min_dirhams: MIN_GRANT.centimes() / 100,
        }
        .into());
    }
    let tranches = template.tranches();
    let mut lines = Vec::with_capacity(tranches.len());
    let mut left = amount.centimes();
    for (index, tranche) in tranches.iter().enumerate() {
        let share = if index + 1 == tranches.len() {
            left
        } else {
            amount.percent(tranche.percent).centimes()
        };
        left -= share;
        lines.push(Scheduled {
            number: u8::try_from(index + 1).unwrap_or(u8::MAX),
            percent: tranche.percent,
            release: tranche.release,
            amount: Money::from_centimes(share),
        });
    }
    Ok(lines)
}

/// How a released tranche is paid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum PaymentMethod {
    /// Goods bought for the business, paid straight to the supplier against an invoice.
    InKind { supplier: String, invoice: String },
    /// To the beneficiary's mobile wallet (phone number).
    MobileMoney { phone: String },
    /// To a bank account (RIB, 24 digits in Morocco).
    BankTransfer { account: String },
}

impl PaymentMethod {
    pub const CODES: [&'static str; 3] = ["in_kind", "mobile_money", "bank_transfer"];

    pub fn code(&self) -> &'static str {
        match self {
            PaymentMethod::InKind { .. } => "in_kind",
            PaymentMethod::MobileMoney { .. } => "mobile_money",
            PaymentMethod::BankTransfer { .. } => "bank_transfer",
        }
    }

    /// `(supplier, invoice, payee)` as stored.
    pub fn columns(&self) -> (Option<&str>, Option<&str>, Option<&str>) {
        match self {
            PaymentMethod::InKind { supplier, invoice } => {
                (Some(supplier.as_str()), Some(invoice.as_str()), None)
            }
            PaymentMethod::MobileMoney { phone } => (None, None, Some(phone.as_str())),
            PaymentMethod::BankTransfer { account } => (None, None, Some(account.as_str())),
        }
    }

    /// Back from the stored columns.
    pub fn from_columns(
        code: &str,
        supplier: Option<String>,
        invoice: Option<String>,
        payee: Option<String>,
    ) -> Option<PaymentMethod> {
        match code {
            "in_kind" => Some(PaymentMethod::InKind {
                supplier: supplier?,
                invoice: invoice?,
            }),
            "mobile_money" => Some(PaymentMethod::MobileMoney { phone: payee? }),
            "bank_transfer" => Some(PaymentMethod::BankTransfer { account: payee? }),
            _ => None,
        }
    }
}

/// The longest note on a payment (its transfer reference, or why it failed).
const NOTE_MAX: usize = 500;

/// A free-text note on a payment (the transfer's reference, why it failed), checked like every
/// other text: present when required, not too long, no control characters.
pub fn note(text: &str, required: bool) -> Result<Option<String>, Problem> {
    match FreeText::<NOTE_MAX>::optional(text)? {
        Some(text) => Ok(Some(text.into_string())),
        None if required => Err(SharedProblem::TextMissing.into()),
        None => Ok(None),
    }
}

#[cfg(test)]
#[path = "tranche_tests.rs"]
mod tests;
