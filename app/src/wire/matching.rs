//! Matches and staff shortlists as pages see them.

use crate::wire::enrolments::MyEnrolment;
use serde::{Deserialize, Serialize};

/// One offer as an applicant's match list shows it: what it is, how well it fits, and every
/// rule's verdict (reasons and remedies are codes; the page words them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferMatch {
    pub kind: crate::domain::catalogue::OfferKind,
    pub id: i64,
    pub reference: String,
    pub title: String,
    pub programme: Option<crate::domain::profile::Programme>,
    pub sectors: Vec<crate::domain::shared::reference::Sector>,
    pub cities: Vec<crate::domain::shared::reference::City>,
    /// A training's first and last days; a call's opening and closing days.
    pub starts_on: time::Date,
    pub ends_on: time::Date,
    pub max_grant: Option<crate::domain::shared::money::Money>,
    pub score: crate::domain::matching::Score,
    pub matched_skills: Vec<String>,
    pub eligibility: crate::domain::matching::eligibility::Eligibility,
    pub checks: Vec<crate::domain::matching::eligibility::Check>,
    /// A training's seats (`None` for calls).
    pub seats: Option<crate::domain::enrolments::enrolment::Seats>,
    /// The applicant's own request for this training, if any.
    pub enrolment: Option<MyEnrolment>,
    /// The applicant's plan for this call, if they started one.
    pub plan: Option<i64>,
}

/// An applicant's offers in three groups, best fit first in each.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Matches {
    pub eligible: Vec<OfferMatch>,
    pub not_yet: Vec<OfferMatch>,
    pub not_eligible: Vec<OfferMatch>,
}

impl Matches {
    /// The offers in their groups, best fit first; equal scores keep the order given (the
    /// catalogue's, soonest first).
    pub fn ranked(mut offers: Vec<OfferMatch>) -> Matches {
        use crate::domain::matching::eligibility::Eligibility;
        offers.sort_by_key(|o| std::cmp::Reverse(o.score.total()));
        let mut matches = Matches::default();
        for offer in offers {
            match offer.eligibility {
                Eligibility::Eligible => matches.eligible.push(offer),
                Eligibility::NotYet => matches.not_yet.push(offer),
                Eligibility::NotEligible => matches.not_eligible.push(offer),
            }
        }
        matches
    }
}

/// A training or call staff can pick to see whom it suits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferChoice {
    pub kind: crate::domain::catalogue::OfferKind,
    pub id: i64,
    pub reference: String,
    pub title: String,
}

/// One applicant on a staff shortlist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicantLine {
    pub user_id: i64,
    pub full_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub sex: Option<crate::domain::profile::Sex>,
    pub age: Option<u8>,
    pub nationality: Option<crate::domain::shared::reference::Country>,
    pub city: Option<crate::domain::shared::reference::City>,
    pub score: crate::domain::matching::Score,
    pub eligibility: crate::domain::matching::eligibility::Eligibility,
    pub remedies: Vec<crate::domain::matching::eligibility::Remedy>,
}

/// The offers to choose from and, once one is chosen, one page of its ranked applicants.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Shortlist {
    pub offers: Vec<OfferChoice>,
    pub selected: Option<OfferChoice>,
    /// Applicants on the whole list (all pages).
    pub total: usize,
    /// Zero-based.
    pub page: usize,
    pub pages: usize,
    pub lines: Vec<ApplicantLine>,
}
