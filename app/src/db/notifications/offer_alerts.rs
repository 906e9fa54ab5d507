//! "Tell me when a new training or call matches me": applicants who turned it on are told of
//! each offer that appeared after they did and for which they are eligible, once. Every server
//! looks every few minutes (`announce`); an announcement is recorded in `offer_alerts` in the
//! transaction of its notice, and only by the look that inserted the row.

use super::notify;
use crate::db::catalogue::kept::{KeptCatalogue, Offers};
use crate::db::profile::profiles;
use crate::db::{now, Db, Tx};
use crate::domain::catalogue::OfferKind;
use crate::domain::matching::eligibility::{verdict, Eligibility};
use crate::domain::notifications::event::Event;
use crate::error::AppError;
use crate::on_conn;
use time::{Date, OffsetDateTime, Time};

/// How far back each look reaches before the previous one: an offer saved just before a look
/// but committed after it is still found by the next (the table keeps it from going twice).
const OVERLAP: time::Duration = time::Duration::minutes(15);

/// Whether `user` asked to be told of new offers.
pub async fn is_on(tx: &mut Tx, user: i64) -> Result<bool, AppError> {
    let since: Option<Option<OffsetDateTime>> = on_conn!(tx, |conn| {
        sqlx::query_scalar("select offer_alerts_since from users where id = $1")
            .bind(user)
            .fetch_optional(conn)
            .await
    })?;
    Ok(since.flatten().is_some())
}

/// Turns the alerts on (from now: offers already there are on the matches page) or off.
pub async fn set(tx: &mut Tx, user: i64, on: bool) -> Result<(), AppError> {
    let at = now();
    on_conn!(tx, |conn| {
        sqlx::query(
            "update users set \
             offer_alerts_since = case when $1 then coalesce(offer_alerts_since, $2) end, \
             offer_alerts_checked = case when $1 then coalesce(offer_alerts_checked, $2) end \
             where id = $3",
        )
        .bind(on)
        .bind(at)
        .bind(user)
        .execute(conn)
        .await
        .map(drop)
    })?;
    Ok(())
}

#[derive(Debug, sqlx::FromRow)]
struct Subscriber {
    id: i64,
    since: OffsetDateTime,
    checked: OffsetDateTime,
}

/// An offer saved or opened recently, and when it appeared (a call saved before it opens
/// appears on its first day).
#[derive(Debug, Clone, Copy)]
struct Fresh {
    kind: OfferKind,
    id: i64,
    appeared: OffsetDateTime,
}

/// Tells each applicant who asked of the new offers they are eligible for; how many notices
/// went out.
pub async fn announce(db: &Db, catalogue: &KeptCatalogue, today: Date) -> Result<usize, AppError> {
    let at = now();
    let mut tx = db.read().await?;
    let people = subscribers(&mut tx).await?;
    let Some(oldest) = people.iter().map(|p| p.checked).min() else {
        tx.commit().await?;
        return Ok(0);
    };
    let fresh = fresh(&mut tx, oldest - OVERLAP, at, today).await?;
    let offers = catalogue.offers(&mut tx, today).await?;
    tx.commit().await?;
    let mut told = 0;
    for person in &people {
        let from = person.since.max(person.checked - OVERLAP);
        let theirs: Vec<Fresh> = fresh
            .iter()
            .filter(|f| f.appeared > from && f.appeared > person.since)
            .copied()
            .collect();
        if theirs.is_empty() {
            continue;
        }
        let mut tx = db.begin().await?;
        told += tell(&mut tx, person.id, &theirs, &offers, today).await?;
        tx.commit().await?;
    }
    // One write for everyone looked at, however many.
    let mut tx = db.begin().await?;
    checked(&mut tx, at).await?;
    tx.commit().await?;
    Ok(told)
}

/// Tells `user` of each of `fresh` that is open and that they are eligible for, once.
async fn tell(
    tx: &mut Tx,
    user: i64,
    fresh: &[Fresh],
    offers: &Offers,
    today: Date,
) -> Result<usize, AppError> {
    let facts = profiles::facts(tx, user).await?;
    let mut told = 0;
    for offer in fresh {
        let found = match offer.kind {
            OfferKind::Training => offers.trainings.iter().find(|t| t.id == offer.id).map(|t| {
                let eligible = verdict(&t.rules, &facts, t.offer.assessed_on(today));
                let event = Event::NewTraining {
                    title: t.offer.title.clone(),
                };
                (eligible, event)
            }),
            OfferKind::Call => offers.calls.iter().find(|c| c.id == offer.id).map(|c| {
                let event = Event::NewCall {
                    title: c.offer.title.clone(),
                };
                (verdict(&c.rules, &facts, today), event)
            }),
        };
        let Some((Eligibility::Eligible, event)) = found else {
            continue;
        };
        if record(tx, user, offer).await? {
            notify(tx, user, &event).await?;
            told += 1;
        }
    }
    Ok(told)
}

/// Applicants with the alerts on, whose account is open.
async fn subscribers(tx: &mut Tx) -> Result<Vec<Subscriber>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_as(
            "select id, offer_alerts_since as since, offer_alerts_checked as checked \
             from users where role = 'applicant' and disabled_at is null \
             and offer_alerts_since is not null and offer_alerts_checked is not null",
        )
        .fetch_all(conn)
        .await
    })?)
}

/// Trainings saved after `after`, and calls saved after it or opened since its day, up to `at`.
async fn fresh(
    tx: &mut Tx,
    after: OffsetDateTime,
    at: OffsetDateTime,
    today: Date,
) -> Result<Vec<Fresh>, AppError> {
    let trainings: Vec<(i64, OffsetDateTime)> = on_conn!(tx, |conn| {
        sqlx::query_as("select id, created_at from trainings where created_at > $1")
            .bind(after)
            .fetch_all(conn)
            .await
    })?;
    let calls: Vec<(i64, OffsetDateTime, Date)> = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select id, created_at, opens_on from grant_calls \
             where created_at > $1 or (opens_on >= $2 and opens_on <= $3)",
        )
        .bind(after)
        .bind(after.date())
        .bind(today)
        .fetch_all(conn)
        .await
    })?;
    let trainings = trainings.into_iter().map(|(id, created)| Fresh {
        kind: OfferKind::Training,
        id,
        appeared: created,
    });
    let calls = calls.into_iter().map(|(id, created, opens)| Fresh {
        kind: OfferKind::Call,
        id,
        appeared: created.max(opens.with_time(Time::MIDNIGHT).assume_utc()),
    });
    Ok(trainings
        .chain(calls)
        .filter(|f| f.appeared <= at)
        .collect())
}

/// Records that `user` was told of `offer`; false when another look already did.
async fn record(tx: &mut Tx, user: i64, offer: &Fresh) -> Result<bool, AppError> {
    let kind = match offer.kind {
        OfferKind::Training => "training",
        OfferKind::Call => "call",
    };
    Ok(on_conn!(tx, |conn| {
        sqlx::query(
            "insert into offer_alerts (user_id, kind, offer_id, sent_at) values ($1, $2, $3, $4) \
             on conflict (user_id, kind, offer_id) do nothing",
        )
        .bind(user)
        .bind(kind)
        .bind(offer.id)
        .bind(now())
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
    })?)
}

/// Moves every look forward to `at` (never back: a slower server's older look).
async fn checked(tx: &mut Tx, at: OffsetDateTime) -> Result<(), AppError> {
    on_conn!(tx, |conn| {
        sqlx::query(
            "update users set offer_alerts_checked = $1 \
             where offer_alerts_since is not null and offer_alerts_checked < $1 \
             and disabled_at is null",
        )
        .bind(at)
        .execute(conn)
        .await
        .map(drop)
    })?;
    Ok(())
}
