//! When a message that could not be sent is tried again, and how long one-time links live.

use std::time::Duration;

/// Tries before a message is given up on and shown to admins as failed (default of
/// `PASSERELLE_MAIL_MAX_ATTEMPTS`). With [`retry_after`], eight tries span about two hours.
pub const MAX_ATTEMPTS: u32 = 8;

/// How long a worker holds a message it took before another may take it (a worker that died
/// mid-send). Longer than any one SMTP exchange is allowed to take.
pub const LEASE: Duration = Duration::from_secs(120);

/// Days a message sent or given up on stays in the outbox (the admins' page), then it goes.
pub const KEEP_DONE_DAYS: i64 = 90;

/// How long a password-reset link works.
pub const RESET_MINUTES: i64 = 30;

/// How long the link that finishes a sign-up works: long enough for someone who reads their
/// mail once a day, on a shared or borrowed phone.
pub const SIGN_UP_HOURS: i64 = 24;

/// The wait before the next try, after `failures` failed tries (1 or more): 30 s doubled each
/// time, at most six hours.
pub fn retry_after(failures: u32) -> Duration {
    const FIRST: u64 = 30;
    const MOST: u64 = 6 * 60 * 60;
    let doublings = failures.saturating_sub(1).min(20);
    Duration::from_secs((FIRST << doublings).min(MOST))
}

/// Whether a message that has now failed `failures` times is given up on.
pub fn gives_up(failures: u32, max_attempts: u32) -> bool {
    failures >= max_attempts.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_up_to_six_hours() {
        let waits: Vec<u64> = (1..=6).map(|n| retry_after(n).as_secs()).collect();
        assert_eq!(waits, [30, 60, 120, 240, 480, 960]);
        assert_eq!(retry_after(40).as_secs(), 6 * 60 * 60);
        assert_eq!(retry_after(0).as_secs(), 30);
    }

    #[test]
    fn gives_up_at_the_limit() {
        assert!(!gives_up(7, MAX_ATTEMPTS));
        assert!(gives_up(8, MAX_ATTEMPTS));
        assert!(gives_up(1, 0), "a limit of 0 still means one try");
        let total: u64 = (1..MAX_ATTEMPTS).map(|n| retry_after(n).as_secs()).sum();
        assert!((3_600..3 * 3_600).contains(&total), "{total}");
    }
}
