//! What the money pages receive: a call's balances (derived from the ledger), tranche
//! schedules with their payments, the finance desk, and a plan's decisions as its applicant
//! and mentor read them. Every form that moves money carries a fresh idempotency key.

use crate::domain::catalogue::grant_terms::Release;
use crate::domain::committee::decision::Outcome;
use crate::domain::money::tranche::TrancheStatus;
use crate::domain::shared::money::Money;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// What a money request answers — and what a replay of its key answers again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoneyReceipt {
    pub tranche: i64,
    pub payment: Option<i64>,
    pub status: TrancheStatus,
}

/// A call's money, summed from the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Balances {
    pub call: i64,
    pub reference: String,
    pub title: String,
    pub envelope: Money,
    /// Approved grants, less cancelled tranches.
    pub committed: Money,
    /// Sent for payment, less failed and cancelled payments (paid ones included).
    pub released: Money,
    pub paid: Money,
}

impl Balances {
    /// What the committee may still approve.
    pub fn available(&self) -> Money {
        Money::from_centimes(self.envelope.centimes() - self.committed.centimes())
    }

    /// Released and not yet confirmed by finance.
    pub fn awaiting(&self) -> Money {
        Money::from_centimes(self.released.centimes() - self.paid.centimes())
    }
}

/// One payment attempt of a tranche.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentLine {
    pub id: i64,
    pub attempt: i32,
    /// `in_kind`, `mobile_money` or `bank_transfer`.
    pub method: String,
    pub supplier: Option<String>,
    pub invoice: Option<String>,
    pub payee: Option<String>,
    /// When the registered details paid to were registered, and confirmed by a second staff
    /// member if they were (`domain::money::payee`); `None` for payments before payees.
    #[serde(default)]
    pub payee_registered_at: Option<OffsetDateTime>,
    #[serde(default)]
    pub payee_confirmed_at: Option<OffsetDateTime>,
    /// `released`, `paid`, `failed` or `cancelled`.
    pub status: String,
    pub released_by: String,
    pub released_at: OffsetDateTime,
    pub settled_by: Option<String>,
    pub settled_at: Option<OffsetDateTime>,
    pub settlement_ref: Option<String>,
    pub failure_reason: Option<String>,
}

/// One tranche of an approved grant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrancheLine {
    pub id: i64,
    pub plan: i64,
    pub call_reference: String,
    /// The beneficiary, for staff; empty on the applicant's own page.
    pub beneficiary: String,
    pub number: i32,
    pub percent: i32,
    pub release: Release,
    pub amount: Money,
    pub status: TrancheStatus,
    /// Oldest first.
    pub payments: Vec<PaymentLine>,
    /// Why it cannot be released now, though its state allows it (an earlier tranche open, a
    /// monitoring visit missing); shown beside the release form.
    pub waits_for_visit: bool,
    pub waits_for_earlier: bool,
    /// For a tranche tied to monitoring: the visit that opens it (satisfactory, with evidence,
    /// after the money before it was paid), named on the release form.
    #[serde(default)]
    pub opening_visit: Option<crate::domain::money::gate::GateVisit>,
    /// Why the finance officer reading the desk may not confirm or fail its payment (they
    /// released it, or its releaser made their account); shown instead of the forms.
    #[serde(default)]
    pub settle_refused: Option<crate::domain::problem::Problem>,
    /// The beneficiary's registered payment details, which a release may choose from (filled
    /// on the admins' call page only).
    #[serde(default)]
    pub payees: Vec<crate::wire::money::PayeeView>,
    /// A fresh key for the forms of this line (release, confirm, fail, cancel).
    pub key: String,
}

impl TrancheLine {
    /// The live payment awaiting finance, if any.
    pub fn live_payment(&self) -> Option<&PaymentLine> {
        self.payments.iter().rev().find(|p| p.status == "released")
    }
}

/// The committee's decision on a plan in one round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionLine {
    pub round: i32,
    pub outcome: Outcome,
    pub amount: Option<Money>,
    pub justification: String,
    pub decided_at: OffsetDateTime,
}

/// A plan's money as its applicant, its mentor, admins and finance read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanMoney {
    pub plan: i64,
    /// Newest first.
    pub decisions: Vec<DecisionLine>,
    pub tranches: Vec<TrancheLine>,
}

/// One call's money page: balances and every tranche.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallMoney {
    pub balances: Balances,
    pub tranches: Vec<TrancheLine>,
    /// The approved suppliers a release in kind may pay (admins only; empty for finance).
    pub suppliers: Vec<crate::wire::money::SupplierView>,
}

/// The finance officer's desk: payments awaiting confirmation, oldest first, and every call's
/// balances.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinanceDesk {
    pub awaiting: Vec<TrancheLine>,
    pub calls: Vec<Balances>,
    /// Payment details registered recently, waiting for a second staff member's confirmation
    /// before a release may pay to them.
    pub to_confirm: Vec<crate::wire::money::PayeeToConfirm>,
    /// The reader, so the desk offers "confirm" only where they may.
    pub me: i64,
}

// Payment details and suppliers (`domain::money::payee`).

/// Live payment details of one kind, as their owner, caseworkers, admins and finance read them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayeeView {
    pub id: i64,
    pub kind: crate::domain::money::payee::PayeeKind,
    /// `+2126XXXXXXXX`, or the RIB's 24 digits.
    pub detail: String,
    pub holder: String,
    pub registered_at: OffsetDateTime,
    /// The person themself (applicant) or a caseworker: staff are named by role only.
    pub registered_by: crate::domain::accounts::role::Role,
    pub confirmed_at: Option<OffsetDateTime>,
    /// Whether a release may pay to them now (old enough, or confirmed).
    pub payable: bool,
    /// When they become payable without a confirmation.
    pub payable_from: OffsetDateTime,
    /// When they were replaced or removed (only in the person's own data).
    #[serde(default)]
    pub retired_at: Option<OffsetDateTime>,
}

/// Details on the finance desk's list to confirm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayeeToConfirm {
    pub person: String,
    pub beneficiary: i64,
    pub registered_by_id: i64,
    pub payee: PayeeView,
}

/// A supplier on the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierView {
    pub id: i64,
    pub name: String,
    pub city: String,
    pub rib: String,
    pub proposed_by: i64,
    pub proposer: String,
    pub approved: bool,
    pub approver: Option<String>,
}

/// The admins' supplier page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierList {
    pub suppliers: Vec<SupplierView>,
    /// The reader, so the page offers "approve" only on others' proposals.
    pub me: i64,
}
