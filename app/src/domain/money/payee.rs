//! Where a grant's money may go (domain.md, "Disbursement"): only to payment details the
//! beneficiary registered on their profile (or a caseworker registered with them), or, in
//! kind, to a supplier a second admin approved. The admin who releases a tranche chooses among
//! those; they never type a number.
//!
//! Details registered or changed shortly before a payment are the classic diversion: someone
//! swaps the number the day before the money moves. So details younger than
//! [`CONFIRM_WITHIN_DAYS`] are not paid to until a second staff member confirmed them: a finance
//! officer (the checker, never the admin who releases), who did not register them and is not the
//! beneficiary. The finance desk lists what waits for confirmation.

use crate::domain::accounts::role::Role;
use crate::domain::money::problem::MoneyProblem;
use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::shared::problem::Field;
use crate::domain::shared::text::FreeText;
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

/// Details younger than this need a second staff member's confirmation before a release.
pub const CONFIRM_WITHIN_DAYS: i64 = 14;
/// The longest account holder's name.
pub const HOLDER_MAX: usize = 120;

/// How a beneficiary is paid in money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PayeeKind {
    /// A mobile wallet on a Moroccan mobile number.
    MobileMoney,
    /// A Moroccan bank account (RIB, 24 digits).
    BankTransfer,
}

impl PayeeKind {
    pub const ALL: [PayeeKind; 2] = [PayeeKind::MobileMoney, PayeeKind::BankTransfer];

    pub fn code(self) -> &'static str {
        match self {
            PayeeKind::MobileMoney => "mobile_money",
            PayeeKind::BankTransfer => "bank_transfer",
        }
    }

    pub fn from_code(code: &str) -> Option<PayeeKind> {
        PayeeKind::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

/// Payment details as registered: the number in one stored form, and the holder's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayeeDetails {
    pub kind: PayeeKind,
    /// `+2126XXXXXXXX` / `+2127XXXXXXXX`, or the RIB's 24 digits.
    pub detail: String,
    pub holder: String,
}

impl PayeeDetails {
    /// The form's fields, every problem named on its field.
    pub fn parse(
        kind: &str,
        detail: &str,
        holder: &str,
    ) -> Result<PayeeDetails, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let kind = PayeeKind::from_code(kind.trim());
        if kind.is_none() {
            let problem = MoneyProblem::PaymentMethodUnknown;
            problems.push(FieldProblem::new(Field::Method, problem));
        }
        let detail = kind.and_then(|kind| {
            let (field, read) = match kind {
                PayeeKind::MobileMoney => (Field::Phone, wallet(detail)),
                PayeeKind::BankTransfer => (Field::Account, rib(detail)),
            };
            read.map_err(|p| problems.push(FieldProblem::new(field, p)))
                .ok()
        });
        let holder = FreeText::<HOLDER_MAX>::required_line(holder)
            .map(FreeText::into_string)
            .map_err(|p| problems.push(FieldProblem::new(Field::Holder, p)))
            .ok();
        match (kind, detail, holder) {
            (Some(kind), Some(detail), Some(holder)) if problems.is_empty() => Ok(PayeeDetails {
                kind,
                detail,
                holder,
            }),
            _ => Err(problems),
        }
    }
}

/// A Moroccan mobile number (wallets are opened on one): `06…`/`07…` with ten digits, or
/// `+212 6…`/`00212 7…`; spaces, dots and dashes ignored. Stored as `+2126XXXXXXXX`.
pub fn wallet(input: &str) -> Result<String, Problem> {
    let text = input.trim();
    if text.is_empty() {
        return Err(MoneyProblem::PayeePhoneMissing.into());
    }
    let allowed = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '.'));
    let plus = text.starts_with('+');
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let national = if plus {
        digits.strip_prefix("212")
    } else if let Some(rest) = digits.strip_prefix("00212") {
        Some(rest)
    } else {
        digits.strip_prefix('0')
    };
    match national {
        Some(n) if allowed && n.len() == 9 && (n.starts_with('6') || n.starts_with('7')) => {
            Ok(format!("+212{n}"))
        }
        _ => Err(MoneyProblem::WalletInvalid.into()),
    }
}

/// A Moroccan RIB: 24 digits (bank, city, account, key), spaces ignored, whose key makes the
/// whole number divisible by 97.
pub fn rib(input: &str) -> Result<String, Problem> {
    let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.is_empty() {
        return Err(MoneyProblem::AccountMissing.into());
    }
    if digits.len() != 24 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(MoneyProblem::AccountInvalid.into());
    }
    let remainder = digits.bytes().fold(0u32, |rest, digit| {
        (rest * 10 + u32::from(digit - b'0')) % 97
    });
    if remainder != 0 {
        return Err(MoneyProblem::AccountKeyWrong.into());
    }
    Ok(digits)
}

/// The RIB's key for its first 22 digits (what a bank prints last), for tests and seed data.
pub fn rib_key(first_22: &str) -> u32 {
    let rest = first_22.bytes().chain(*b"00").fold(0u32, |rest, digit| {
        (rest * 10 + u32::from(digit - b'0')) % 97
    });
    97 - rest
}

/// The longest invoice reference.
pub const INVOICE_MAX: usize = 120;

/// What the release form chooses: the beneficiary's registered details of one kind, or goods
/// from an approved supplier (by its id on the list) against an invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Payout {
    Registered(PayeeKind),
    InKind { supplier: i64, invoice: String },
}

impl Payout {
    /// The method's code and, in kind, the supplier chosen and the invoice typed; each
    /// problem on its field.
    pub fn parse(method: &str, supplier: &str, invoice: &str) -> Result<Payout, Vec<FieldProblem>> {
        let one = |field, problem: MoneyProblem| vec![FieldProblem::new(field, problem)];
        match method.trim() {
            "in_kind" => {
                let supplier = match supplier.trim() {
                    "" => Err(one(Field::Supplier, MoneyProblem::SupplierMissing)),
                    id => id
                        .parse::<i64>()
                        .map_err(|_| one(Field::Supplier, MoneyProblem::SupplierNotApproved)),
                }?;
                let invoice = match FreeText::<INVOICE_MAX>::line(invoice) {
                    Ok(Some(invoice)) => invoice.into_string(),
                    Ok(None) => return Err(one(Field::Invoice, MoneyProblem::InvoiceMissing)),
                    Err(_) => {
                        let problem = MoneyProblem::PaymentDetailInvalid { max: INVOICE_MAX };
                        return Err(one(Field::Invoice, problem));
                    }
                };
                Ok(Payout::InKind { supplier, invoice })
            }
            code => PayeeKind::from_code(code)
                .map(Payout::Registered)
                .ok_or_else(|| one(Field::Method, MoneyProblem::PaymentMethodUnknown)),
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            Payout::Registered(kind) => kind.code(),
            Payout::InKind { .. } => "in_kind",
        }
    }
}

/// Who registered the details and whether a second person confirmed them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Registration {
    pub registered_at: OffsetDateTime,
    pub registered_by: i64,
    pub confirmed: bool,
}

impl Registration {
    /// Whether a release may pay to these details now: old enough, or confirmed.
    pub fn payable(&self, now: OffsetDateTime) -> bool {
        self.confirmed || now - self.registered_at >= Duration::days(CONFIRM_WITHIN_DAYS)
    }

    /// The refusal a release meets while the details wait for confirmation.
    pub fn check_payable(&self, now: OffsetDateTime) -> Result<(), MoneyProblem> {
        if self.payable(now) {
            Ok(())
        } else {
            Err(MoneyProblem::PayeeUnconfirmed {
                days: CONFIRM_WITHIN_DAYS,
            })
        }
    }

    /// Whether `confirmer` may confirm details of `beneficiary`: a finance officer, neither
    /// who registered them nor the beneficiary.
    pub fn may_confirm(
        &self,
        confirmer: i64,
        role: Role,
        beneficiary: i64,
    ) -> Result<(), MoneyProblem> {
        if role != Role::Finance {
            return Err(MoneyProblem::ConfirmerRole);
        }
        if confirmer == self.registered_by || confirmer == beneficiary {
            return Err(MoneyProblem::ConfirmerRegistered);
        }
        if self.confirmed {
            return Err(MoneyProblem::PayeeAlreadyConfirmed);
        }
        Ok(())
    }
}

/// The longest supplier's name or city.
pub const SUPPLIER_TEXT_MAX: usize = 120;

/// A supplier to put on the list: its name, city and RIB (suppliers are paid by transfer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSupplier {
    pub name: String,
    pub city: String,
    pub rib: String,
}

impl NewSupplier {
    pub fn parse(name: &str, city: &str, rib_text: &str) -> Result<NewSupplier, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let mut text = |input: &str, field: Field| {
            FreeText::<SUPPLIER_TEXT_MAX>::required_line(input)
                .map(FreeText::into_string)
                .map_err(|p| problems.push(FieldProblem::new(field, p)))
                .ok()
        };
        let name = text(name, Field::SupplierName);
        let city = text(city, Field::City);
        let rib = rib(rib_text)
            .map_err(|p| problems.push(FieldProblem::new(Field::Account, p)))
            .ok();
        match (name, city, rib) {
            (Some(name), Some(city), Some(rib)) if problems.is_empty() => {
                Ok(NewSupplier { name, city, rib })
            }
            _ => Err(problems),
        }
    }
}

/// Whether `approver` may approve a supplier `proposer` put on the list: another admin.
pub fn may_approve_supplier(approver: i64, proposer: i64) -> Result<(), MoneyProblem> {
    if approver == proposer {
        Err(MoneyProblem::SupplierSameAdmin)
    } else {
        Ok(())
    }
}

#[cfg(test)]
#[path = "payee_tests.rs"]
mod tests;
