//! What server functions reach through Leptos context (provided by the server for every
//! request).

use crate::db::Db;

#[derive(Debug, Clone)]
pub struct ServerContext {
    pub db: Db,
    /// Read the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_proxy: bool,
}
