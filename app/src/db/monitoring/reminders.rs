//! Reminders that a funded business's monitoring visit is due, to its mentor and its owner.
//! Every server looks every few minutes (`remind`); a reminder is recorded in
//! `visit_reminders` in the transaction of its notifications, and only by the look that
//! inserted its row, so each goes once.

use crate::db::notifications::notify_all;
use crate::db::{now, Tx};
use crate::domain::monitoring::due::{due_round, months_of, REMIND_DAYS_BEFORE, VISIT_MONTHS};
use crate::domain::notifications::event::Event;
use crate::error::AppError;
use crate::on_conn;
use time::OffsetDateTime;

#[derive(Debug, sqlx::FromRow)]
struct Funded {
    id: i64,
    user_id: i64,
    mentor_id: Option<i64>,
    title: String,
    approved_at: OffsetDateTime,
    visits: i64,
}

/// Sends the reminders due at `at` (now, but for tests), in `tx`; how many plans were
/// reminded of a visit.
pub async fn remind(tx: &mut Tx, at: OffsetDateTime) -> Result<usize, AppError> {
    // Approved at least the first visit's months ago, less the lead time (give or take the
    // month lengths, which `due_round` settles): most funded plans are not due on most days.
    let soonest = at - time::Duration::days(VISIT_MONTHS[0] * 28 - REMIND_DAYS_BEFORE);
    let plans: Vec<Funded> = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select p.id, p.user_id, p.mentor_id, c.title, d.decided_at as approved_at, \
             (select count(*) from monitoring_visits v where v.plan_id = p.id) as visits \
             from plans p join decisions d on d.plan_id = p.id and d.outcome = 'approved' \
             join grant_calls c on c.id = p.call_id \
             where p.status = 'approved' and d.decided_at <= $1 \
             and (select count(*) from visit_reminders r where r.plan_id = p.id) < 2 \
             and (select count(*) from monitoring_visits v where v.plan_id = p.id) < 2 \
             order by p.id",
        )
        .bind(soonest)
        .fetch_all(conn)
        .await
    })?;
    let mut reminded = 0;
    for plan in plans {
        let Some(round) = due_round(plan.approved_at.date(), plan.visits, at.date()) else {
            continue;
        };
        if !record(tx, plan.id, round).await? {
            continue;
        }
        let event = Event::VisitDue {
            plan: plan.id,
            title: plan.title,
            months: months_of(round),
        };
        let people: Vec<i64> = plan.mentor_id.into_iter().chain([plan.user_id]).collect();
        notify_all(tx, &people, &event).await?;
        reminded += 1;
    }
    Ok(reminded)
}

/// Records the reminder of visit `round` of `plan`; false when another look already did.
async fn record(tx: &mut Tx, plan: i64, round: i64) -> Result<bool, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query(
            "insert into visit_reminders (plan_id, round, sent_at) values ($1, $2, $3) \
             on conflict (plan_id, round) do nothing",
        )
        .bind(plan)
        .bind(round)
        .bind(now())
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
    })?)
}
