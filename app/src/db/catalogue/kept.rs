//! The upcoming trainings and open calls, kept in memory by each server for applicants' match
//! lists. Before each use the server reads the database's catalogue counter (raised by the
//! triggers of migration 0012 on every change to an offer) and reads the offers again only
//! when it moved or the day changed. At programme scale this spares each `/matches` reading
//! and decoding some 2,000 offers; several servers on one PostgreSQL each see every change
//! made through the others.

use crate::db::Tx;
use crate::domain::catalogue::{GrantCall, Training};
use crate::error::AppError;
use crate::on_conn;
use std::sync::Arc;
use time::Date;

/// The offers open to applicants on one day, as the database held them at one version of
/// the catalogue.
#[derive(Debug)]
pub struct Offers {
    version: i64,
    day: Date,
    /// Trainings starting on the day or later, soonest first.
    pub trainings: Vec<(i64, Training)>,
    /// Calls open on the day, closing soonest first.
    pub calls: Vec<(i64, GrantCall)>,
}

/// The offers, shared by all requests of one server.
#[derive(Debug, Clone, Default)]
pub struct KeptCatalogue(Arc<tokio::sync::Mutex<Option<Arc<Offers>>>>);

impl KeptCatalogue {
    /// The offers open on `today`, read again within `tx` when the catalogue changed since
    /// they were read. Requests wait while one of them reads; a read that fails keeps nothing.
    pub async fn offers(&self, tx: &mut Tx, today: Date) -> Result<Arc<Offers>, AppError> {
        let now = version(tx).await?;
        let mut kept = self.0.lock().await;
        if let Some(offers) = kept.as_ref() {
            if offers.version == now && offers.day == today {
                return Ok(Arc::clone(offers));
            }
        }
        let fresh = Arc::new(Offers {
            version: now,
            day: today,
            trainings: super::upcoming_trainings(tx, today).await?,
            calls: super::open_calls(tx, today).await?,
        });
        *kept = Some(Arc::clone(&fresh));
        Ok(fresh)
    }
}

/// The catalogue counter, read before the offers: offers read after it are at least as new,
/// so a change committed in between only makes the next request read them again.
async fn version(tx: &mut Tx) -> Result<i64, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar("select version from catalogue_version")
            .fetch_one(conn)
            .await
    })?)
}
