//! Every consenting applicant's matching facts, kept in memory by each server and brought up to
//! date before each use from the changes the database recorded (triggers of migration 0011:
//! profiles, papers, skills, consents, completed trainings, accounts' roles and suspensions).
//! A staff shortlist then ranks everyone in a few milliseconds instead of reading tens of
//! thousands of profiles per request, and several servers on one PostgreSQL each see every
//! change made through the others: nothing is cached that the database does not vouch for.

use crate::db::matching::people;
use crate::db::Tx;
use crate::domain::profile::Facts;
use crate::error::AppError;
use crate::on_conn;
use std::collections::HashSet;
use std::sync::Arc;

/// Past this many changes since a server last looked, it reads everyone again: cheaper than
/// rereading each person, and what a server behind the pruned changes must do anyway.
const REREAD_ALL_AFTER: i64 = 2_000;

/// Changes kept in the database for servers that have not looked for a while; older ones are
/// pruned by the server's clean-up ([`prune`]). Far more than [`REREAD_ALL_AFTER`]: a server
/// that still rereads people one by one always finds their changes.
pub const CHANGES_KEPT: i64 = 100_000;
const _: () = assert!(CHANGES_KEPT > REREAD_ALL_AFTER);

/// The people matching ranks, by account, shared by all requests of one server.
#[derive(Debug, Clone, Default)]
pub struct PeopleIndex(Arc<tokio::sync::Mutex<Kept>>);

#[derive(Debug, Default)]
struct Kept {
    /// The database's change counter when the people were last brought up to date.
    version: Option<i64>,
    /// Consenting, active applicants and their facts, by account.
    people: Vec<(i64, Facts)>,
}

impl PeopleIndex {
    /// Brings the people up to date within `tx`, then lends them to `rank`. Rankings take
    /// turns (each takes milliseconds); a refresh that fails changes nothing.
    pub async fn with_people<T>(
        &self,
        tx: &mut Tx,
        rank: impl FnOnce(&[(i64, Facts)]) -> T,
    ) -> Result<T, AppError> {
        let mut kept = self.0.lock().await;
        let now = version(tx).await?;
        match kept.version {
            Some(seen) if seen == now => {}
            Some(seen) if seen < now && now - seen <= REREAD_ALL_AFTER => {
                let changed = changed_between(tx, seen, now).await?;
                let fresh = people::candidates_among(tx, &changed).await?;
                let changed: HashSet<i64> = changed.into_iter().collect();
                kept.people.retain(|(id, _)| !changed.contains(id));
                kept.people.extend(fresh);
                kept.people.sort_by_key(|(id, _)| *id);
            }
            _ => {
                kept.people = people::candidates(tx).await?;
                kept.people.shrink_to_fit();
                // Reading everyone left tens of megabytes free in the allocator.
                crate::memory::give_back();
            }
        }
        kept.version = Some(now);
        Ok(rank(&kept.people))
    }
}

/// The change counter: raised by every change to what matching reads, in the writing
/// transaction.
pub(crate) async fn version(tx: &mut Tx) -> Result<i64, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar("select version from facts_version")
            .fetch_one(conn)
            .await
    })?)
}

/// The accounts whose facts changed after version `after`, up to `upto`.
pub(crate) async fn changed_between(
    tx: &mut Tx,
    after: i64,
    upto: i64,
) -> Result<Vec<i64>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar(
            "select distinct user_id from facts_changes where version > $1 and version <= $2",
        )
        .bind(after)
        .bind(upto)
        .fetch_all(conn)
        .await
    })?)
}

/// Forgets all but the last `keep` changes (the server keeps [`CHANGES_KEPT`]); the number
/// removed.
pub async fn prune(tx: &mut Tx, keep: i64) -> Result<u64, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query(
            "delete from facts_changes \
             where version <= (select version from facts_version) - $1",
        )
        .bind(keep)
        .execute(conn)
        .await
        .map(|done| done.rows_affected())
    })?)
}
