//! Where money is seen and moved: the committee's decision as the applicant reads it, tranche
//! schedules, releases and confirmations, the call's balances and the ledger.

pub mod admin;
pub mod desk;
pub mod labels;
pub mod payees;
pub mod plan;
pub mod release;
pub mod tranches;
