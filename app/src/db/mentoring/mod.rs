//! A plan's conversation: comments per section, the mentoring session log, and the timeline
//! read back with who did what. Names only: nothing here reads health or vulnerability flags.

pub mod mentor_desk;

use crate::db::{now, Tx};
use crate::domain::mentoring::Session;
use crate::domain::plans::plan::{PlanAction, PlanStatus};
use crate::domain::plans::plan_text::Part;
use crate::error::AppError;
use crate::on_conn;
use crate::wire::mentoring::{CommentLine, Happening, SessionLine, TimelineEntry};
use time::{Date, OffsetDateTime};

/// How a person is named to others: their profile name (applicants), the name an admin gave
/// them (staff), else their email.
pub(crate) const NAME: &str = "coalesce(pr.full_name, u.display_name, u.email, '')";

/// A person's display name.
pub async fn name_of(tx: &mut Tx, user_id: i64) -> Result<String, AppError> {
    let sql = format!(
        "select {NAME} from users u left join profiles pr on pr.user_id = u.id where u.id = $1"
    );
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, String>(&sql)
            .bind(user_id)
            .fetch_optional(conn)
            .await
    })?
    .unwrap_or_default())
}

pub async fn add_comment(
    tx: &mut Tx,
    plan_id: i64,
    part: Part,
    author: i64,
    body: &str,
) -> Result<i64, AppError> {
    let at = now();
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into plan_comments (plan_id, section, author_id, body, created_at) \
             values ($1, $2, $3, $4, $5) returning id",
        )
        .bind(plan_id)
        .bind(part.code())
        .bind(author)
        .bind(body)
        .bind(at)
        .fetch_one(conn)
        .await
    })?)
}

#[derive(sqlx::FromRow)]
struct CommentRow {
    id: i64,
    section: String,
    author: String,
    body: String,
    created_at: OffsetDateTime,
}

/// Every comment on the plan, oldest first.
pub async fn comments(tx: &mut Tx, plan_id: i64) -> Result<Vec<CommentLine>, AppError> {
    let sql = format!(
        "select c.id, c.section, {NAME} as author, c.body, c.created_at \
         from plan_comments c join users u on u.id = c.author_id \
         left join profiles pr on pr.user_id = u.id where c.plan_id = $1 order by c.id"
    );
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, CommentRow>(&sql)
            .bind(plan_id)
            .fetch_all(conn)
            .await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(CommentLine {
                id: row.id,
                part: Part::from_code(&row.section)?,
                author: row.author,
                body: row.body,
                at: row.created_at,
            })
        })
        .collect())
}

pub async fn add_session(
    tx: &mut Tx,
    plan_id: i64,
    mentor: i64,
    session: &Session,
) -> Result<i64, AppError> {
    let at = now();
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into mentoring_sessions (plan_id, mentor_id, held_on, minutes, topics, \
             next_steps, created_at) values ($1, $2, $3, $4, $5, $6, $7) returning id",
        )
        .bind(plan_id)
        .bind(mentor)
        .bind(session.held_on)
        .bind(i32::from(session.minutes))
        .bind(&session.topics)
        .bind(&session.next_steps)
        .bind(at)
        .fetch_one(conn)
        .await
    })?)
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: i64,
    mentor: String,
    held_on: Date,
    minutes: i32,
    topics: String,
    next_steps: String,
    created_at: OffsetDateTime,
}

/// The plan's sessions, the latest first, with when each was logged (for the timeline).
pub async fn sessions(
    tx: &mut Tx,
    plan_id: i64,
) -> Result<Vec<(SessionLine, OffsetDateTime)>, AppError> {
    let sql = format!(
        "select s.id, {NAME} as mentor, s.held_on, s.minutes, s.topics, s.next_steps, \
         s.created_at from mentoring_sessions s join users u on u.id = s.mentor_id \
         left join profiles pr on pr.user_id = u.id where s.plan_id = $1 \
         order by s.held_on desc, s.id desc"
    );
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, SessionRow>(&sql)
            .bind(plan_id)
            .fetch_all(conn)
            .await
    })?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let line = SessionLine {
                id: row.id,
                mentor: row.mentor,
                held_on: row.held_on,
                minutes: u16::try_from(row.minutes).unwrap_or_default(),
                topics: row.topics,
                next_steps: row.next_steps,
            };
            (line, row.created_at)
        })
        .collect())
}

/// Appends "mentor assigned" to the plan's timeline.
pub async fn record_assignment(
    tx: &mut Tx,
    plan_id: i64,
    actor: i64,
    mentor: i64,
) -> Result<(), AppError> {
    let at = now();
    on_conn!(tx, |conn| {
        sqlx::query(
            "insert into plan_events (plan_id, actor_id, action, mentor_id, at) \
             values ($1, $2, 'assign_mentor', $3, $4)",
        )
        .bind(plan_id)
        .bind(actor)
        .bind(mentor)
        .bind(at)
        .execute(conn)
        .await
        .map(drop)
    })?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct EventRow {
    actor: String,
    /// `None` for Passerelle's own steps (retention withdrawing a stale draft).
    actor_role: Option<String>,
    action: String,
    from_status: Option<String>,
    to_status: Option<String>,
    reason: Option<String>,
    version_number: Option<i32>,
    mentor: Option<String>,
    at: OffsetDateTime,
}

/// The plan's changes of state and of mentor, oldest first.
pub async fn events(tx: &mut Tx, plan_id: i64) -> Result<Vec<TimelineEntry>, AppError> {
    let sql = format!(
        "select {NAME} as actor, u.role as actor_role, e.action, e.from_status, e.to_status, e.reason, \
         e.version_number, coalesce(mp.full_name, m.email) as mentor, e.at \
         from plan_events e left join users u on u.id = e.actor_id \
         left join profiles pr on pr.user_id = u.id \
         left join users m on m.id = e.mentor_id left join profiles mp on mp.user_id = m.id \
         where e.plan_id = $1 order by e.id"
    );
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, EventRow>(&sql)
            .bind(plan_id)
            .fetch_all(conn)
            .await
    })?;
    Ok(rows.into_iter().filter_map(event_entry).collect())
}

fn event_entry(row: EventRow) -> Option<TimelineEntry> {
    let what = if row.action == "assign_mentor" {
        Happening::MentorAssigned {
            mentor: row.mentor.unwrap_or_default(),
        }
    } else {
        Happening::Step {
            action: PlanAction::from_code(&row.action)?,
            from: PlanStatus::from_code(row.from_status.as_deref()?)?,
            to: PlanStatus::from_code(row.to_status.as_deref()?)?,
            reason: row.reason,
            version: row.version_number,
        }
    };
    Some(TimelineEntry {
        at: row.at,
        actor: row.actor,
        role: row.actor_role.and_then(|role| role.parse().ok()),
        what,
    })
}
