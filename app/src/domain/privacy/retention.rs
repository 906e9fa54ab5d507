//! How long records that nobody needs any more are kept (the privacy notice's promise that data
//! is not held longer than needed). `passerelle retention` applies these periods and the server
//! applies them once a day; the audit trail, consents, decisions and the money ledger are never
//! removed (legal obligation).

use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

/// What retention removes, each by its own rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expiring {
    /// Sessions past their expiry: removed at once, whatever the periods.
    ExpiredSessions,
    /// Sign-in attempts (a hash of the address typed, the client's IP address, success).
    SignInAttempts,
    /// Money requests' idempotency receipts, which hold the request's answer.
    IdempotencyReceipts,
    /// Applicant accounts that never got as far as a profile: their address and password are
    /// removed and the account closed; the bare account number stays for the audit trail.
    UnfinishedSignUps,
    /// Business plans still drafts, untouched for the period: withdrawn (a step of Passerelle's
    /// own on the plan's timeline), their text and figures removed.
    StaleDrafts,
}

impl Expiring {
    pub const ALL: [Expiring; 5] = [
        Expiring::ExpiredSessions,
        Expiring::SignInAttempts,
        Expiring::IdempotencyReceipts,
        Expiring::UnfinishedSignUps,
        Expiring::StaleDrafts,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Expiring::ExpiredSessions => "expired_sessions",
            Expiring::SignInAttempts => "sign_in_attempts",
            Expiring::IdempotencyReceipts => "idempotency_receipts",
            Expiring::UnfinishedSignUps => "unfinished_sign_ups",
            Expiring::StaleDrafts => "stale_drafts",
        }
    }
}

/// The periods, in whole days. Each is at least a day: sign-in throttling reads the last
/// 15 minutes of attempts, and a money request retried within a day must still be recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Periods {
    pub sign_in_attempts_days: u16,
    pub idempotency_receipts_days: u16,
    pub unfinished_sign_ups_days: u16,
    pub drafts_days: u16,
}

/// The longest period that can be set (ten years): longer is a typing error.
pub const MAX_DAYS: u16 = 3650;

impl Default for Periods {
    fn default() -> Self {
        Periods {
            sign_in_attempts_days: 90,
            idempotency_receipts_days: 30,
            unfinished_sign_ups_days: 365,
            drafts_days: 365,
        }
    }
}

impl Periods {
    /// The moment before which a record of this kind has expired, as of `now`.
    pub fn cutoff(&self, what: Expiring, now: OffsetDateTime) -> OffsetDateTime {
        let days = match what {
            Expiring::ExpiredSessions => return now,
            Expiring::SignInAttempts => self.sign_in_attempts_days,
            Expiring::IdempotencyReceipts => self.idempotency_receipts_days,
            Expiring::UnfinishedSignUps => self.unfinished_sign_ups_days,
            Expiring::StaleDrafts => self.drafts_days,
        };
        now - Duration::days(i64::from(days.clamp(1, MAX_DAYS)))
    }
}

/// What one run found (a dry run) or removed, kind by kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub dry_run: bool,
    pub swept: Vec<Swept>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Swept {
    pub what: Expiring,
    /// Records older than this were expired (UTC).
    #[serde(with = "time::serde::rfc3339")]
    pub before: OffsetDateTime,
    pub count: u64,
}

impl Report {
    pub fn total(&self) -> u64 {
        self.swept.iter().map(|s| s.count).sum()
    }

    pub fn count(&self, what: Expiring) -> u64 {
        self.swept
            .iter()
            .filter(|s| s.what == what)
            .map(|s| s.count)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_expires_after_its_own_period_and_sessions_at_once() {
        let now = time::macros::datetime!(2026-12-06 12:00 UTC);
        let periods = Periods::default();
        assert_eq!(periods.cutoff(Expiring::ExpiredSessions, now), now);
        assert_eq!(
            periods.cutoff(Expiring::SignInAttempts, now),
            time::macros::datetime!(2026-09-07 12:00 UTC)
        );
        assert_eq!(
            periods.cutoff(Expiring::IdempotencyReceipts, now),
            time::macros::datetime!(2026-11-06 12:00 UTC)
        );
        assert_eq!(
            periods.cutoff(Expiring::UnfinishedSignUps, now),
            time::macros::datetime!(2025-12-06 12:00 UTC)
        );
        assert_eq!(
            periods.cutoff(Expiring::StaleDrafts, now),
            time::macros::datetime!(2025-12-06 12:00 UTC)
        );
    }

    #[test]
    fn a_period_of_zero_days_still_keeps_a_day() {
        let now = time::macros::datetime!(2026-12-06 12:00 UTC);
        let periods = Periods {
            sign_in_attempts_days: 0,
            ..Periods::default()
        };
        assert_eq!(
            periods.cutoff(Expiring::SignInAttempts, now),
            now - Duration::days(1)
        );
    }
}
