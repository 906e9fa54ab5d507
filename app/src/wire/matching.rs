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

/// Offers shown per group and page.
pub const GROUP_PAGE: usize = 20;

/// An applicant's offers in three groups, best fit first in each, one page of each.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Matches {
    pub eligible: OfferGroup,
    pub not_yet: OfferGroup,
    pub not_eligible: OfferGroup,
    /// Offers before the city and kind filters (none at all: nothing is open anywhere).
    pub unfiltered: usize,
    /// Where the person lives, so a training elsewhere says so.
    pub home: Option<crate::domain::shared::reference::City>,
    /// Whether they asked to be told of new offers they are eligible for.
    pub alerts: bool,
}

/// One page of a group of offers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OfferGroup {
    pub offers: Vec<OfferMatch>,
    /// Offers in the group, all pages.
    pub total: usize,
    /// Zero-based.
    pub page: usize,
    pub pages: usize,
}

impl OfferGroup {
    /// Page `page` (zero-based, kept within the pages there are) of `all`, each offer on it
    /// built by `build`.
    fn page_of<T>(all: Vec<T>, page: usize, build: impl FnMut(T) -> OfferMatch) -> OfferGroup {
        let total = all.len();
        let pages = total.div_ceil(GROUP_PAGE).max(1);
        let page = page.min(pages - 1);
        OfferGroup {
            offers: all
                .into_iter()
                .skip(page * GROUP_PAGE)
                .take(GROUP_PAGE)
                .map(build)
                .collect(),
            total,
            page,
            pages,
        }
    }
}

impl Matches {
    /// The offers in their groups, best fit first; equal scores keep the order given (the
    /// catalogue's, soonest first). `verdict` tells an offer's group and total score; only the
    /// offers on the pages shown are built, by `build`. `pages` are the zero-based pages
    /// wanted: eligible, not yet, not eligible.
    pub fn ranked<T>(
        mut offers: Vec<T>,
        verdict: impl Fn(&T) -> (crate::domain::matching::eligibility::Eligibility, u8),
        pages: [usize; 3],
        unfiltered: usize,
        mut build: impl FnMut(T) -> OfferMatch,
    ) -> Matches {
        use crate::domain::matching::eligibility::Eligibility;
        offers.sort_by_key(|offer| std::cmp::Reverse(verdict(offer).1));
        let (mut eligible, mut not_yet, mut not_eligible) = (Vec::new(), Vec::new(), Vec::new());
        for offer in offers {
            match verdict(&offer).0 {
                Eligibility::Eligible => eligible.push(offer),
                Eligibility::NotYet => not_yet.push(offer),
                Eligibility::NotEligible => not_eligible.push(offer),
            }
        }
        Matches {
            eligible: OfferGroup::page_of(eligible, pages[0], &mut build),
            not_yet: OfferGroup::page_of(not_yet, pages[1], &mut build),
            not_eligible: OfferGroup::page_of(not_eligible, pages[2], &mut build),
            unfiltered,
            home: None,
            alerts: false,
        }
    }

    /// Every offer shown, in every group.
    pub fn shown_mut(&mut self) -> impl Iterator<Item = &mut OfferMatch> {
        [
            &mut self.eligible,
            &mut self.not_yet,
            &mut self.not_eligible,
        ]
        .into_iter()
        .flat_map(|group| group.offers.iter_mut())
    }
}

/// A training or call staff can pick to see whom it suits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferChoice {
    pub kind: crate::domain::catalogue::OfferKind,
    pub id: i64,
    pub reference: String,
    pub title: String,
    /// The offer targets a group people declare themselves, which staff lists never use.
    #[serde(default)]
    pub targets_declared_group: bool,
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

/// The offers found by the picker's search and, once one is chosen, one page of its ranked
/// applicants.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Shortlist {
    pub offers: Vec<OfferChoice>,
    /// More offers matched the search than are listed.
    pub more_offers: bool,
    pub selected: Option<OfferChoice>,
    /// Applicants on the whole list (all pages).
    pub total: usize,
    /// Zero-based.
    pub page: usize,
    pub pages: usize,
    pub lines: Vec<ApplicantLine>,
}
