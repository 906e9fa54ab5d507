//! Money that moves: tranches released and paid, the ledger.

pub mod tranche;
