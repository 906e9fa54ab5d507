//! Which monitoring visit opens a tranche the call ties to monitoring. A visit is evidence that
//! the business runs *now*: it must be satisfactory, carry at least one evidence file (a photo
//! of the stock, a receipt), and have been made after the money before it was paid, so one
//! visit made before tranche 1 was paid opens neither tranche 2 nor any later one.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// A satisfactory visit of the plan, as the gate weighs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GateVisit {
    pub id: i64,
    /// The day the mentor says they visited.
    pub visited_on: Date,
    /// When the visit was recorded (the server's clock: cannot be backdated).
    pub recorded_at: OffsetDateTime,
    pub evidence_files: i64,
}

/// The visit that opens the tranche: the latest satisfactory visit with evidence, visited and
/// recorded after `paid_before` (when the latest earlier tranche of the grant was paid; `None`
/// when none was). `visits` are the plan's satisfactory visits, in any order.
pub fn opening_visit(
    visits: &[GateVisit],
    paid_before: Option<OffsetDateTime>,
) -> Option<GateVisit> {
    visits
        .iter()
        .filter(|v| v.evidence_files > 0)
        .filter(|v| {
            // Times are kept to the second: a visit recorded in the payment's second is after it.
            paid_before.is_none_or(|paid| v.recorded_at >= paid && v.visited_on >= paid.date())
        })
        .max_by_key(|v| (v.visited_on, v.recorded_at, v.id))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    fn visit(id: i64, visited_on: Date, recorded_at: OffsetDateTime, files: i64) -> GateVisit {
        GateVisit {
            id,
            visited_on,
            recorded_at,
            evidence_files: files,
        }
    }

    #[test]
    fn a_visit_without_evidence_opens_nothing() {
        let bare = visit(1, date!(2027 - 03 - 02), datetime!(2027-03-02 17:00 UTC), 0);
        assert_eq!(opening_visit(&[bare], None), None);
        let shown = visit(2, date!(2027 - 03 - 02), datetime!(2027-03-02 17:00 UTC), 1);
        assert_eq!(opening_visit(&[bare, shown], None), Some(shown));
    }

    #[test]
    fn a_visit_before_the_last_payment_is_not_reused() {
        let paid = datetime!(2027-04-10 09:30 UTC);
        let before = visit(1, date!(2027 - 04 - 01), datetime!(2027-04-01 12:00 UTC), 2);
        assert_eq!(opening_visit(&[before], Some(paid)), None);
        // Recorded after the payment but dated before it: still the old visit.
        let backdated = visit(2, date!(2027 - 04 - 09), datetime!(2027-04-11 08:00 UTC), 1);
        assert_eq!(opening_visit(&[before, backdated], Some(paid)), None);
        let after = visit(3, date!(2027 - 05 - 12), datetime!(2027-05-12 16:00 UTC), 1);
        assert_eq!(
            opening_visit(&[before, backdated, after], Some(paid)),
            Some(after)
        );
    }

    #[test]
    fn the_latest_qualifying_visit_is_named() {
        let first = visit(4, date!(2027 - 05 - 01), datetime!(2027-05-01 10:00 UTC), 1);
        let second = visit(3, date!(2027 - 06 - 01), datetime!(2027-06-01 10:00 UTC), 3);
        assert_eq!(opening_visit(&[second, first], None), Some(second));
    }
}
