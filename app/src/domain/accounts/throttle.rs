//! Slowing down password guessing without handing attackers a way to lock people out.
//!
//! Failures are counted over a sliding window at three levels. The tight limit is per account
//! *and* address, so someone guessing a victim's password from one place is stopped quickly
//! while the victim, elsewhere, can still sign in. Looser limits per address (one machine trying
//! many accounts) and per account (many machines trying one account) catch the rest.

use crate::domain::problem::Problem;

use crate::domain::accounts::problem::AccountsProblem;

/// How far back failures count.
pub const WINDOW_MINUTES: i64 = 15;
/// Failures allowed for one account from one address within the window.
pub const PER_ACCOUNT_AND_ADDRESS: i64 = 5;
/// Failures allowed from one address, over all accounts.
pub const PER_ADDRESS: i64 = 30;
/// Failures allowed for one account, over all addresses.
pub const PER_ACCOUNT: i64 = 100;

/// Failed sign-ins counted within the window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecentFailures {
    pub account_and_address: i64,
    pub address: i64,
    pub account: i64,
}

/// Whether one more attempt may be checked. Called *before* the password is verified, so a
/// throttled attempt costs no hashing and reveals nothing about the password.
pub fn check(recent: RecentFailures) -> Result<(), Problem> {
    let over = recent.account_and_address >= PER_ACCOUNT_AND_ADDRESS
        || recent.address >= PER_ADDRESS
        || recent.account >= PER_ACCOUNT;
    if over {
        Err(AccountsProblem::TooManyAttempts {
            retry_after_minutes: WINDOW_MINUTES,
        }
        .into())
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failures(account_and_address: i64, address: i64, account: i64) -> RecentFailures {
        RecentFailures {
            account_and_address,
            address,
            account,
        }
    }

    #[test]
    fn a_few_mistakes_are_allowed() {
        assert_eq!(check(failures(0, 0, 0)), Ok(()));
        assert_eq!(check(failures(4, 4, 4)), Ok(()));
    }

    #[test]
    fn the_sixth_try_on_one_account_from_one_address_waits() {
        assert_eq!(
            check(failures(5, 5, 5)),
            Err(AccountsProblem::TooManyAttempts {
                retry_after_minutes: WINDOW_MINUTES
            }
            .into())
        );
    }

    #[test]
    fn an_attacker_elsewhere_does_not_lock_out_the_owner() {
        // Twenty failures on the account from another address: the owner's own address has
        // none, and the account-wide limit is far higher.
        assert_eq!(check(failures(0, 0, 20)), Ok(()));
    }

    #[test]
    fn one_address_spraying_many_accounts_is_stopped() {
        assert!(check(failures(1, PER_ADDRESS, 1)).is_err());
    }

    #[test]
    fn many_addresses_on_one_account_are_stopped() {
        assert!(check(failures(0, 0, PER_ACCOUNT)).is_err());
    }
}
