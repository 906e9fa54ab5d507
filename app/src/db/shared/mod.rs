//! The append-only audit trail, which every area writes.

pub mod audit;
