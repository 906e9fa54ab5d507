//! Money: the committee's decision (which commits the grant), tranche releases, payment
//! confirmations and failures, cancellations, and the pages that show balances. Every request
//! that moves money carries an idempotency key (see `db::money::keys::claim`).

pub mod approve_supplier;
pub mod call;
pub mod cancel;
#[cfg(feature = "ssr")]
pub mod command;
pub mod confirm_payee;
pub mod desk;
#[cfg(feature = "ssr")]
pub mod ledger;
pub mod overview;
pub mod plan;
pub mod propose_supplier;
pub mod release;
pub mod retire_supplier;
pub mod settle;
pub mod suppliers;

pub use approve_supplier::*;
pub use call::*;
pub use cancel::*;
pub use confirm_payee::*;
pub use desk::*;
pub use overview::*;
pub use plan::*;
pub use propose_supplier::*;
pub use release::*;
pub use retire_supplier::*;
pub use settle::*;
pub use suppliers::*;

#[cfg(feature = "ssr")]
pub use ssr::*;

#[cfg(feature = "ssr")]
mod ssr {
    use crate::domain::money::key::IdempotencyKey;
    use crate::error::AppError;
    use sha2::{Digest, Sha256};

    /// A fresh key for one money form: 128 random bits, hex.
    pub fn new_key() -> String {
        use rand_core::{OsRng, RngCore};
        let mut bytes = [0u8; 16];
        OsRng.fill_bytes(&mut bytes);
        hex::encode(bytes)
    }

    /// What identifies a request's body: the same key with another body is refused.
    pub fn request_hash(parts: &[&str]) -> String {
        let mut hasher = Sha256::new();
        for part in parts {
            hasher.update(part.trim().as_bytes());
            hasher.update([0u8]);
        }
        hex::encode(hasher.finalize())
    }

    /// Claims a money request's key: `Some` first receipt when the same request was done
    /// before (the caller commits and answers it again), `None` when this one is new.
    pub async fn replayed(
        tx: &mut crate::db::Tx,
        key: &IdempotencyKey,
        actor_id: i64,
        endpoint: &str,
        request_hash: &str,
    ) -> Result<Option<crate::wire::money::MoneyReceipt>, AppError> {
        use crate::db::money::{keys::claim, keys::Claim};
        match claim(tx, key, actor_id, endpoint, request_hash)
            .await?
            .map_err(AppError::form)?
        {
            Claim::Replay(first) => Ok(Some(first)),
            Claim::Fresh => Ok(None),
        }
    }

    /// Records that staff member `actor` read the payment details (payees, suppliers,
    /// references) of `lines`, about `subject`; nothing when the lines hold no payment yet.
    pub async fn record_payment_read(
        db: &crate::db::Db,
        actor: i64,
        subject: Option<(&'static str, i64)>,
        lines: &[crate::wire::money::TrancheLine],
    ) -> Result<(), AppError> {
        use crate::db::shared::audit;
        use crate::domain::shared::audit::AuditAction;
        let payments: usize = lines.iter().map(|line| line.payments.len()).sum();
        if payments == 0 {
            return Ok(());
        }
        let mut entry = audit::Entry::new(Some(actor), AuditAction::PaymentDetailsViewed)
            .details(serde_json::json!({ "payments": payments }));
        entry.subject = subject;
        audit::record_read(db, entry).await
    }

    /// Where a money form returns: the page it came from if it is one of ours, else `fallback`.
    pub fn back_to(back: Option<&str>, fallback: &str) -> String {
        match back {
            Some(path)
                if crate::domain::accounts::access::safe_next(Some(path)).is_some()
                    && (path.starts_with("/admin/money") || path.starts_with("/finance")) =>
            {
                path.to_owned()
            }
            _ => fallback.to_owned(),
        }
    }
}
