//! Notifications: each person's in-app list, an applicant's alerts of new offers, and the
//! outbox for admins.

pub mod mark_read;
pub mod mine;
pub mod offer_alerts;
pub mod outbox;
pub mod retry;

pub use mark_read::{mark_read, MarkRead};
pub use mine::{my_notifications, MyNotifications};
pub use offer_alerts::{set_offer_alerts, SetOfferAlerts};
pub use outbox::{outbox, LoadOutbox};
pub use retry::{retry_message, RetryMessage};

/// Lines per page of a list.
pub const PAGE: i64 = 30;

/// One page of a list read `PAGE + 1` rows at a time, newest first: the page, and the `before`
/// of the next (older) one when the extra row showed there is one.
#[cfg(feature = "ssr")]
fn paged<T>(mut rows: Vec<T>, id: impl Fn(&T) -> i64) -> (Vec<T>, Option<i64>) {
    let more = rows.len() as i64 > PAGE;
    rows.truncate(PAGE as usize);
    let older = rows.last().map(id).filter(|_| more);
    (rows, older)
}
