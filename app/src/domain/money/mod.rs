//! Money that moves: tranches released and paid, the ledger, and the key that makes each
//! request happen once.

pub mod gate;
pub mod key;
pub mod payee;
pub mod problem;
pub mod tranche;
