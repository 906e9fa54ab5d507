//! The record of who has been found eligible for an offer (`domain::reporting::matched`), kept
//! up to date by [`refresh`]: the report calls it before reading, and every server runs it every
//! few minutes, so someone eligible for an offer open only a few days is seen in time.
//!
//! A check reads the facts and catalogue counters (migrations 0011 and 0012), then looks only
//! at what moved: the people whose facts changed, or everyone not matched yet when the
//! catalogue or the day changed. Finding someone is recorded once (`on conflict do nothing`),
//! so servers checking at the same time agree; the one whose check is recorded second leaves
//! the record's position as the first left it, and the next check looks again.

use crate::db::catalogue::kept::{self, KeptCatalogue};
use crate::db::matching::index::{self, PeopleIndex, CHANGES_KEPT};
use crate::db::{Db, Tx};
use crate::domain::matching::eligibility::Rule;
use crate::domain::reporting::matched::{newly_matched, Among};
use crate::error::AppError;
use crate::on_conn;
use std::collections::HashSet;
use time::Date;

/// Accounts recorded by one statement (far under both databases' limits on parameters).
const BATCH: usize = 500;

/// How far the record is up to date.
#[derive(Debug, sqlx::FromRow)]
struct Checked {
    round: i64,
    facts_version: i64,
    catalogue_version: i64,
    checked_on: Option<Date>,
}

/// Checks whoever may have become eligible since the last check and records those found; how
/// many were found.
pub async fn refresh(
    db: &Db,
    people: &PeopleIndex,
    catalogue: &KeptCatalogue,
    today: Date,
) -> Result<usize, AppError> {
    let mut tx = db.read().await?;
    let checked = checked(&mut tx).await?;
    // The counters before the facts and the offers: what is read after them is at least as
    // new, so a change committed in between is only looked at again by the next check.
    let facts_now = index::version(&mut tx).await?;
    let catalogue_now = kept::version(&mut tx).await?;
    let same_offers =
        checked.catalogue_version == catalogue_now && checked.checked_on == Some(today);
    if same_offers && checked.facts_version == facts_now {
        tx.commit().await?;
        return Ok(0);
    }
    // Changes older than what the server's clean-up keeps may be gone: then everyone.
    let changed: Option<HashSet<i64>> = if same_offers
        && checked.facts_version >= 0
        && facts_now - checked.facts_version <= CHANGES_KEPT / 2
    {
        let ids = index::changed_between(&mut tx, checked.facts_version, facts_now).await?;
        Some(ids.into_iter().collect())
    } else {
        None
    };
    let already = matched(&mut tx).await?;
    let offers = catalogue.offers(&mut tx, today).await?;
    let rules: Vec<&[Rule]> = offers
        .trainings
        .iter()
        .map(|kept| kept.rules.as_slice())
        .chain(offers.calls.iter().map(|kept| kept.rules.as_slice()))
        .collect();
    let among = match &changed {
        Some(changed) => Among::Changed(changed),
        None => Among::Everyone,
    };
    let found = people
        .with_people(&mut tx, |people| {
            newly_matched(people, &rules, today, &already, among)
        })
        .await?;
    tx.commit().await?;

    // The record's position first: its one row queues servers recording at the same time,
    // so their inserts never wait on each other's in opposite orders.
    let mut tx = db.begin().await?;
    mark_checked(&mut tx, &checked, facts_now, catalogue_now, today).await?;
    for batch in found.chunks(BATCH) {
        record(&mut tx, batch, today).await?;
    }
    tx.commit().await?;
    Ok(found.len())
}

async fn checked(tx: &mut Tx) -> Result<Checked, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_as::<_, Checked>(
            "select round, facts_version, catalogue_version, checked_on \
             from matched_checked where id = 1",
        )
        .fetch_one(conn)
        .await
    })?)
}

/// Everyone recorded as matched.
async fn matched(tx: &mut Tx) -> Result<HashSet<i64>, AppError> {
    let ids: Vec<i64> = on_conn!(tx, |conn| {
        sqlx::query_scalar("select user_id from matched_people")
            .fetch_all(conn)
            .await
    })?;
    Ok(ids.into_iter().collect())
}

/// Records these accounts as matched since `today` (one already recorded keeps its first
/// day).
async fn record(tx: &mut Tx, accounts: &[i64], today: Date) -> Result<(), AppError> {
    let sql = format!(
        "insert into matched_people (user_id, first_on) \
         select id, $1 from users where id in ({}) order by id \
         on conflict (user_id) do nothing",
        crate::db::placeholders(2, accounts.len())
    );
    on_conn!(tx, |conn| {
        let mut query = sqlx::query(&sql).bind(today);
        for id in accounts {
            query = query.bind(*id);
        }
        query.execute(conn).await.map(|_| ())
    })?;
    Ok(())
}

/// Moves the record's position to what this check looked at, unless another check was
/// recorded since this one began.
async fn mark_checked(
    tx: &mut Tx,
    began: &Checked,
    facts_version: i64,
    catalogue_version: i64,
    today: Date,
) -> Result<(), AppError> {
    on_conn!(tx, |conn| {
        sqlx::query(
            "update matched_checked set round = round + 1, facts_version = $1, \
             catalogue_version = $2, checked_on = $3 where id = 1 and round = $4",
        )
        .bind(facts_version)
        .bind(catalogue_version)
        .bind(today)
        .bind(began.round)
        .execute(conn)
        .await
        .map(|_| ())
    })?;
    Ok(())
}
