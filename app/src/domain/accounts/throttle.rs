//! Slowing down password guessing without handing attackers a way to lock people out.
//!
//! Failures are counted over a sliding window at three levels. The tight limit is per account
//! *and* network, so someone guessing a victim's password from one place is stopped quickly
//! while the victim, elsewhere, can still sign in. A looser limit per network (one machine
//! trying many accounts) catches spraying. Many networks trying one account are *slowed*, not
//! refused: a hard limit there would let anyone lock a named admin or finance officer out by
//! failing on purpose; and a network the account has signed in from before is not slowed.
//!
//! A network is an IPv4 address or an IPv6 /64 (one subscriber's allocation: rotating through
//! its addresses is free). Every attempt is written before its password is checked and counts
//! as a failure until it succeeds, so parallel guesses see each other.

use crate::domain::problem::Problem;

use crate::domain::accounts::problem::AccountsProblem;

/// How far back failures count.
pub const WINDOW_MINUTES: i64 = 15;
/// Failures allowed for one account from one network within the window.
pub const PER_ACCOUNT_AND_ADDRESS: i64 = 5;
/// Failures allowed from one network, over all accounts.
pub const PER_ADDRESS: i64 = 30;
/// Failures for one account, over all networks, beyond which unknown networks are slowed.
pub const PER_ACCOUNT: i64 = 100;
/// How long an attempt on such an account waits before its password is checked.
pub const SLOWED_SECONDS: u64 = 3;

/// Sign-ups from one network within an hour (a workshop in a centre fits; a script does not).
pub const SIGN_UPS_PER_HOUR: i64 = 30;

/// Whether one more sign-up may go on, given the network's sign-ups in the last hour (this
/// one included).
pub fn check_sign_up(this_hour: i64) -> Result<(), Problem> {
    if this_hour > SIGN_UPS_PER_HOUR {
        Err(AccountsProblem::TooManyAttempts {
            retry_after_minutes: 60,
        }
        .into())
    } else {
        Ok(())
    }
}

/// Failed sign-ins counted within the window (attempts in flight included).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecentFailures {
    pub account_and_address: i64,
    pub address: i64,
    pub account: i64,
    /// This network has signed in to this account before.
    pub known_address: bool,
}

/// How an attempt that may go on is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    Now,
    /// After this many seconds.
    Slowed(u64),
}

/// Whether one more attempt may be checked, and when. Called *before* the password is
/// verified, so a throttled attempt costs no hashing and reveals nothing about the password.
pub fn check(recent: RecentFailures) -> Result<Pace, Problem> {
    if recent.account_and_address >= PER_ACCOUNT_AND_ADDRESS || recent.address >= PER_ADDRESS {
        return Err(AccountsProblem::TooManyAttempts {
            retry_after_minutes: WINDOW_MINUTES,
        }
        .into());
    }
    if recent.account >= PER_ACCOUNT && !recent.known_address {
        Ok(Pace::Slowed(SLOWED_SECONDS))
    } else {
        Ok(Pace::Now)
    }
}

/// The network an address is counted under: IPv4 as is, IPv6 by its /64 (an IPv4-mapped IPv6
/// address as the IPv4 it is). Anything that is not an address is kept as it is.
pub fn network_of(address: &str) -> String {
    match address.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
        Ok(ip) => ip.to_string(),
        Err(_) => address.to_owned(),
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
            known_address: false,
        }
    }

    #[test]
    fn a_few_mistakes_are_allowed() {
        assert_eq!(check(failures(0, 0, 0)), Ok(Pace::Now));
        assert_eq!(check(failures(4, 4, 4)), Ok(Pace::Now));
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
        assert_eq!(check(failures(0, 0, 20)), Ok(Pace::Now));
    }

    #[test]
    fn one_address_spraying_many_accounts_is_stopped() {
        assert!(check(failures(1, PER_ADDRESS, 1)).is_err());
    }

    #[test]
    fn many_addresses_on_one_account_are_slowed_never_refused() {
        let many = failures(0, 0, 10 * PER_ACCOUNT);
        assert_eq!(check(many), Ok(Pace::Slowed(SLOWED_SECONDS)));
        let owner_at_home = RecentFailures {
            known_address: true,
            ..many
        };
        assert_eq!(check(owner_at_home), Ok(Pace::Now));
    }

    #[test]
    fn a_workshop_signs_up_a_script_waits() {
        assert_eq!(check_sign_up(SIGN_UPS_PER_HOUR), Ok(()));
        assert!(check_sign_up(SIGN_UPS_PER_HOUR + 1).is_err());
    }

    #[test]
    fn an_ipv6_subscriber_is_one_network() {
        assert_eq!(network_of("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(network_of("2001:db8:1:2:ffff:1:2:3"), "2001:db8:1:2::/64");
        assert_ne!(network_of("2001:db8:1:3::1"), network_of("2001:db8:1:2::1"));
        assert_eq!(network_of("::ffff:192.0.2.7"), "192.0.2.7");
        assert_eq!(network_of("198.51.100.7"), "198.51.100.7");
        assert_eq!(network_of("unknown"), "unknown");
    }
}
