//! Where money is seen and moved: the committee's decision as the applicant reads it, tranche
//! schedules, releases and confirmations, the call's balances and the ledger.

pub mod labels;
