//! Every consenting applicant's matching facts, kept in memory by each server and brought up to
//! date before each use from the changes the database recorded (triggers of migration 0011:
//! profiles, papers, skills, consents, completed trainings, accounts' roles and suspensions).
//! A staff shortlist then ranks everyone in a few milliseconds instead of reading tens of
//! thousands of profiles per request, and several servers on one PostgreSQL each see every
//! change made through the others: nothing is cached that the database does not vouch for.
//!
//! The last shortlists ranked are kept too, by offer, catalogue version, filter and day, and
//! dropped as soon as anyone's facts change: paging through a list, exporting it or coming
//! back to it ranks nobody again, and many staff opening one list at once wait for one ranking
//! instead of queueing for one each.

use crate::db::matching::people;
use crate::db::Tx;
use crate::domain::catalogue::OfferKind;
use crate::domain::matching::shortlist::{Filter, Ranked};
use crate::domain::profile::Facts;
use crate::error::AppError;
use crate::on_conn;
use std::collections::{HashSet, VecDeque};
use std::sync::Arc;
use time::Date;

/// Past this many changes since a server last looked, it reads everyone again: cheaper than
/// rereading each person, and what a server behind the pruned changes must do anyway.
const REREAD_ALL_AFTER: i64 = 2_000;

/// Changes kept in the database for servers that have not looked for a while; older ones are
/// pruned by the server's clean-up ([`prune`]). Far more than [`REREAD_ALL_AFTER`]: a server
/// that still rereads people one by one always finds their changes.
pub const CHANGES_KEPT: i64 = 100_000;
const _: () = assert!(CHANGES_KEPT > REREAD_ALL_AFTER);

/// Lines of kept rankings, all lists together (about 40 bytes each, a few megabytes): the most
/// recently used lists are kept, and always the last one however long.
const RANKED_LINES_KEPT: usize = 100_000;

/// The people matching ranks, by account, shared by all requests of one server.
#[derive(Debug, Clone, Default)]
pub struct PeopleIndex(Arc<tokio::sync::Mutex<Kept>>);

#[derive(Debug, Default)]
struct Kept {
    /// The database's change counter when the people were last brought up to date.
    version: Option<i64>,
    /// Consenting, active applicants and their facts, by account.
    people: Vec<(i64, Facts)>,
    /// Rankings of `people` as they are now, most recently used first.
    rankings: VecDeque<(RankingKey, Arc<[Ranked]>)>,
}

/// What a ranking was made for: one offer as the catalogue held it at one version, one filter,
/// one day (eligibility depends on the day papers are checked on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RankingKey {
    pub kind: OfferKind,
    pub id: i64,
    /// The catalogue's counter, read in the transaction that read the offer's rules.
    pub catalogue: i64,
    pub filter: Filter,
    pub day: Date,
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
        kept.refresh(tx).await?;
        Ok(rank(&kept.people))
    }

    /// The ranking `key` names: a kept one if nobody's facts changed since it was made,
    /// otherwise made now by `rank` from the people brought up to date within `tx`, and kept.
    pub async fn ranking(
        &self,
        tx: &mut Tx,
        key: RankingKey,
        rank: impl FnOnce(&[(i64, Facts)]) -> Vec<Ranked>,
    ) -> Result<Arc<[Ranked]>, AppError> {
        let mut kept = self.0.lock().await;
        kept.refresh(tx).await?;
        if let Some(at) = kept
            .rankings
            .iter()
            .position(|(made_for, _)| *made_for == key)
        {
            if let Some(found) = kept.rankings.remove(at) {
                let list = Arc::clone(&found.1);
                kept.rankings.push_front(found);
                return Ok(list);
            }
        }
        let list: Arc<[Ranked]> = rank(&kept.people).into();
        kept.rankings.push_front((key, Arc::clone(&list)));
        let mut lines: usize = kept.rankings.iter().map(|(_, list)| list.len()).sum();
        while lines > RANKED_LINES_KEPT && kept.rankings.len() > 1 {
            if let Some((_, dropped)) = kept.rankings.pop_back() {
                lines -= dropped.len();
            }
        }
        Ok(list)
    }
}

impl Kept {
    /// Reads what changed since the people were last read (or everyone, past
    /// [`REREAD_ALL_AFTER`] changes); any change drops the kept rankings.
    async fn refresh(&mut self, tx: &mut Tx) -> Result<(), AppError> {
        let now = version(tx).await?;
        match self.version {
            Some(seen) if seen == now => return Ok(()),
            Some(seen) if seen < now && now - seen <= REREAD_ALL_AFTER => {
                let changed = changed_between(tx, seen, now).await?;
                let fresh = people::candidates_among(tx, &changed).await?;
                let changed: HashSet<i64> = changed.into_iter().collect();
                self.people.retain(|(id, _)| !changed.contains(id));
                self.people.extend(fresh);
                self.people.sort_by_key(|(id, _)| *id);
            }
            _ => {
                self.people = people::candidates(tx).await?;
                self.people.shrink_to_fit();
                // Reading everyone left tens of megabytes free in the allocator.
                crate::memory::give_back();
            }
        }
        self.rankings.clear();
        self.version = Some(now);
        Ok(())
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
