//! What the payment-details pages receive: a beneficiary's registered details, those waiting
//! for a second staff member's confirmation, and the supplier list.

use crate::domain::accounts::role::Role;
use crate::domain::money::payee::PayeeKind;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Live payment details of one kind, as their owner, caseworkers, admins and finance read them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayeeView {
    pub id: i64,
    pub kind: PayeeKind,
    /// `+2126XXXXXXXX`, or the RIB's 24 digits.
    pub detail: String,
    pub holder: String,
    pub registered_at: OffsetDateTime,
    /// The person themself (applicant) or a caseworker: staff are named by role only.
    pub registered_by: Role,
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
