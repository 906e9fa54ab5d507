//! What every area's SQL uses: the append-only audit trail, and the schema's named constraints.

pub mod audit;
pub mod constraint;
