//! What server functions reach through Leptos context (provided by the server for every
//! request).

use crate::db::catalogue::kept::KeptCatalogue;
use crate::db::matching::index::PeopleIndex;
use crate::db::Db;

#[derive(Debug, Clone)]
pub struct ServerContext {
    pub db: Db,
    /// Read the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_proxy: bool,
    /// The consenting applicants' matching facts, kept up to date from the database.
    pub people: PeopleIndex,
    /// The upcoming trainings and open calls, kept up to date from the database.
    pub catalogue: KeptCatalogue,
}
