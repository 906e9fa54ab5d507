//! The grant committee's records: members of a call (one chair), review sessions and their
//! agenda, conflict declarations and score sheets (both append-only), and what members and the
//! chair read back. Applicants are read for their name, nationality and papers only, never
//! their declared groups.

use crate::db::mentoring::NAME;
use crate::db::{is_unique_violation, now, Tx};
use crate::domain::accounts::email::Email;
use crate::domain::committee::decision::Outcome;
use crate::domain::committee::{Identity, Score, ScoreSheet};
use crate::domain::shared::money::Money;
use crate::domain::shared::problem::{Field, Problem};
use crate::error::AppError;
use crate::on_conn;
use crate::wire::committee::{DecisionLine, MemberLine, ReadyPlan, SheetLine};
use time::{Date, OffsetDateTime};

/// Whether `user_id` sits on the committee of `call_id`.
pub async fn is_member(tx: &mut Tx, call_id: i64, user_id: i64) -> Result<bool, AppError> {
    let found = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "select user_id from committee_members where call_id = $1 and user_id = $2",
        )
        .bind(call_id)
        .bind(user_id)
        .fetch_optional(conn)
        .await
    })?;
    Ok(found.is_some())
}

/// Whether `user_id` chairs the committee of `call_id`.
pub async fn is_chair(tx: &mut Tx, call_id: i64, user_id: i64) -> Result<bool, AppError> {
    let found = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, bool>(
            "select chair from committee_members where call_id = $1 and user_id = $2",
        )
        .bind(call_id)
        .bind(user_id)
        .fetch_optional(conn)
        .await
    })?;
    Ok(found.unwrap_or(false))
}

/// Score sheets in for the plan's round `round`.
pub async fn scores_in(tx: &mut Tx, plan_id: i64, round: i32) -> Result<u8, AppError> {
    let count = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "select count(*) from score_sheets where plan_id = $1 and round = $2",
        )
        .bind(plan_id)
        .bind(round)
        .fetch_one(conn)
        .await
    })?;
    Ok(u8::try_from(count).unwrap_or(u8::MAX))
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    user_id: i64,
    name: String,
    email: Option<String>,
    chair: bool,
}

/// The committee of a call, the chair first.
pub async fn members(tx: &mut Tx, call_id: i64) -> Result<Vec<MemberLine>, AppError> {
    let sql = format!(
        "select m.user_id, {NAME} as name, u.email, m.chair from committee_members m \
         join users u on u.id = m.user_id left join profiles pr on pr.user_id = u.id \
         where m.call_id = $1 order by m.chair desc, m.added_at, m.user_id"
    );
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, MemberRow>(&sql)
            .bind(call_id)
            .fetch_all(conn)
            .await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| MemberLine {
            user_id: r.user_id,
            name: r.name,
            email: r.email.unwrap_or_default(),
            chair: r.chair,
        })
        .collect())
}

/// Adds the active committee account with this email; its id. Any other account, or none, is
/// the same problem on the email field.
pub async fn add_member(
    tx: &mut Tx,
    call_id: i64,
    email: &Email,
    by: i64,
) -> Result<i64, AppError> {
    let not_committee = || AppError::field(Field::Email, Problem::NotACommitteeAccount);
    let user = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "select id from users where email = $1 and role = 'committee' and disabled_at is null",
        )
        .bind(email.as_str())
        .fetch_optional(conn)
        .await
    })?
    .ok_or_else(not_committee)?;
    let at = now();
    let inserted = on_conn!(tx, |conn| {
        sqlx::query(
            "insert into committee_members (call_id, user_id, chair, added_by, added_at) \
             values ($1, $2, $3, $4, $5)",
        )
        .bind(call_id)
        .bind(user)
        .bind(false)
        .bind(by)
        .bind(at)
        .execute(conn)
        .await
        .map(drop)
    });
    match inserted {
        Ok(()) => Ok(user),
        Err(error) if is_unique_violation(&error) => {
            Err(AppError::field(Field::Email, Problem::AlreadyMember))
        }
        Err(error) => Err(error.into()),
    }
}

/// Removes a member; false when they were not one.
pub async fn remove_member(tx: &mut Tx, call_id: i64, user_id: i64) -> Result<bool, AppError> {
    let done = on_conn!(tx, |conn| {
        sqlx::query("delete from committee_members where call_id = $1 and user_id = $2")
            .bind(call_id)
            .bind(user_id)
            .execute(conn)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(done == 1)
}

/// Makes `user_id` the chair (whoever chaired steps down first, so the one-chair index holds);
/// false when they are not a member.
pub async fn set_chair(tx: &mut Tx, call_id: i64, user_id: i64) -> Result<bool, AppError> {
    on_conn!(tx, |conn| {
        sqlx::query("update committee_members set chair = $1 where call_id = $2 and chair = $3")
            .bind(false)
            .bind(call_id)
            .bind(true)
            .execute(conn)
            .await
            .map(drop)
    })?;
    let done = on_conn!(tx, |conn| {
        sqlx::query("update committee_members set chair = $1 where call_id = $2 and user_id = $3")
            .bind(true)
            .bind(call_id)
            .bind(user_id)
            .execute(conn)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(done == 1)
}

pub async fn create_session(
    tx: &mut Tx,
    call_id: i64,
    held_on: Date,
    place: &str,
    by: i64,
) -> Result<i64, AppError> {
    let at = now();
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into review_sessions (call_id, held_on, place, created_by, created_at) \
             values ($1, $2, $3, $4, $5) returning id",
        )
        .bind(call_id)
        .bind(held_on)
        .bind(place)
        .bind(by)
        .bind(at)
        .fetch_one(conn)
        .await
    })?)
}

/// The call a session belongs to.
pub async fn session_call(tx: &mut Tx, session_id: i64) -> Result<Option<i64>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>("select call_id from review_sessions where id = $1")
            .bind(session_id)
            .fetch_optional(conn)
            .await
    })?)
}

/// A call's sessions, the next first: (id, date, place).
pub async fn sessions(tx: &mut Tx, call_id: i64) -> Result<Vec<(i64, Date, String)>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_as::<_, (i64, Date, String)>(
            "select id, held_on, place from review_sessions where call_id = $1 \
             order by held_on, id",
        )
        .bind(call_id)
        .fetch_all(conn)
        .await
    })?)
}

/// One agenda entry: the plan, its status now, the round it is reviewed in.
#[derive(sqlx::FromRow)]
pub struct AgendaRow {
    pub plan_id: i64,
    pub applicant: String,
    pub status: String,
    pub round: i32,
    pub sheets: i64,
}

/// The plans on a session's agenda, with the sheets in for their round.
pub async fn agenda(tx: &mut Tx, session_id: i64) -> Result<Vec<AgendaRow>, AppError> {
    let sql = format!(
        "select a.plan_id, {NAME} as applicant, p.status, a.round, \
         (select count(*) from score_sheets s where s.plan_id = a.plan_id and s.round = a.round) \
         as sheets from review_agenda a join plans p on p.id = a.plan_id \
         join users u on u.id = p.user_id left join profiles pr on pr.user_id = u.id \
         where a.session_id = $1 order by a.added_at, a.plan_id"
    );
    Ok(on_conn!(tx, |conn| {
        sqlx::query_as::<_, AgendaRow>(&sql)
            .bind(session_id)
            .fetch_all(conn)
            .await
    })?)
}

/// Puts a plan on a session's agenda for its current round; a plan already on an agenda in this
/// round is a conflict.
pub async fn put_on_agenda(
    tx: &mut Tx,
    session_id: i64,
    plan_id: i64,
    by: i64,
) -> Result<i32, AppError> {
    let round = review_round(tx, plan_id).await?;
    let at = now();
    let inserted = on_conn!(tx, |conn| {
        sqlx::query(
            "insert into review_agenda (session_id, plan_id, round, added_by, added_at) \
             values ($1, $2, $3, $4, $5)",
        )
        .bind(session_id)
        .bind(plan_id)
        .bind(round)
        .bind(by)
        .bind(at)
        .execute(conn)
        .await
        .map(drop)
    });
    match inserted {
        Ok(()) => Ok(round),
        Err(error) if is_unique_violation(&error) => Err(AppError::Conflict),
        Err(error) => Err(error.into()),
    }
}

/// The round the plan is reviewed in now.
pub async fn review_round(tx: &mut Tx, plan_id: i64) -> Result<i32, AppError> {
    on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i32>("select review_round from plans where id = $1")
            .bind(plan_id)
            .fetch_optional(conn)
            .await
    })?
    .ok_or(AppError::NotFound)
}

/// Whether the plan was ever put on an agenda of its call.
pub async fn on_an_agenda(tx: &mut Tx, plan_id: i64) -> Result<bool, AppError> {
    let n = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>("select count(*) from review_agenda where plan_id = $1")
            .bind(plan_id)
            .fetch_one(conn)
            .await
    })?;
    Ok(n > 0)
}

/// The call's plans signed off for the committee and not yet on an agenda.
pub async fn ready_plans(tx: &mut Tx, call_id: i64) -> Result<Vec<ReadyPlan>, AppError> {
    let sql = format!(
        "select p.id, {NAME} as applicant, p.grant_requested_centimes from plans p \
         join users u on u.id = p.user_id left join profiles pr on pr.user_id = u.id \
         where p.call_id = $1 and p.status = 'ready_for_committee' order by p.status_changed_at, p.id"
    );
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, (i64, String, i64)>(&sql)
            .bind(call_id)
            .fetch_all(conn)
            .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(plan_id, applicant, requested)| ReadyPlan {
            plan_id,
            applicant,
            requested: Money::from_centimes(requested),
        })
        .collect())
}

/// What the member declared on the plan: `Some(true)` a conflict, `None` nothing yet.
pub async fn declaration(tx: &mut Tx, plan_id: i64, member: i64) -> Result<Option<bool>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, bool>(
            "select conflicted from conflict_declarations where plan_id = $1 and member_id = $2",
        )
        .bind(plan_id)
        .bind(member)
        .fetch_optional(conn)
        .await
    })?)
}

/// Records a declaration, once per member and plan (a second one is a conflict).
pub async fn declare(
    tx: &mut Tx,
    plan_id: i64,
    member: i64,
    conflicted: bool,
    note: &str,
) -> Result<(), AppError> {
    let at = now();
    let inserted = on_conn!(tx, |conn| {
        sqlx::query(
            "insert into conflict_declarations (plan_id, member_id, conflicted, note, declared_at) \
             values ($1, $2, $3, $4, $5)",
        )
        .bind(plan_id)
        .bind(member)
        .bind(conflicted)
        .bind(note)
        .bind(at)
        .execute(conn)
        .await
        .map(drop)
    });
    match inserted {
        Ok(()) => Ok(()),
        Err(error) if is_unique_violation(&error) => Err(AppError::Conflict),
        Err(error) => Err(error.into()),
    }
}

/// Whether `user_id` ever coached the plan: its mentor now, a mentor it was assigned to, one
/// who logged a session on it or took a mentor's step on it. Roles change, so a committee
/// member may have been any of these.
pub async fn coached(tx: &mut Tx, plan_id: i64, user_id: i64) -> Result<bool, AppError> {
    let n = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "select (select count(*) from plans where id = $1 and mentor_id = $2) \
             + (select count(*) from plan_events where plan_id = $1 and (mentor_id = $2 \
                or (actor_id = $2 and action in ('request_changes', 'mark_ready')))) \
             + (select count(*) from mentoring_sessions where plan_id = $1 and mentor_id = $2)",
        )
        .bind(plan_id)
        .bind(user_id)
        .fetch_one(conn)
        .await
    })?;
    Ok(n > 0)
}

/// Whether the member already scored the plan in `round`.
pub async fn has_scored(
    tx: &mut Tx,
    plan_id: i64,
    member: i64,
    round: i32,
) -> Result<bool, AppError> {
    let n = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "select count(*) from score_sheets where plan_id = $1 and member_id = $2 and round = $3",
        )
        .bind(plan_id)
        .bind(member)
        .bind(round)
        .fetch_one(conn)
        .await
    })?;
    Ok(n > 0)
}

/// Records a sheet, once per member, plan and round (a second one is a conflict).
pub async fn insert_sheet(
    tx: &mut Tx,
    plan_id: i64,
    member: i64,
    round: i32,
    sheet: &ScoreSheet,
    weighted: u16,
) -> Result<i64, AppError> {
    let scores = serde_json::to_string(&sheet.scores).map_err(|_| AppError::Internal)?;
    let at = now();
    let inserted = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into score_sheets (plan_id, member_id, round, scores, weighted, comment, \
             submitted_at) values ($1, $2, $3, $4, $5, $6, $7) returning id",
        )
        .bind(plan_id)
        .bind(member)
        .bind(round)
        .bind(&scores)
        .bind(i32::from(weighted))
        .bind(&sheet.comment)
        .bind(at)
        .fetch_one(conn)
        .await
    });
    match inserted {
        Ok(id) => Ok(id),
        Err(error) if is_unique_violation(&error) => Err(AppError::Conflict),
        Err(error) => Err(error.into()),
    }
}

#[derive(sqlx::FromRow)]
struct SheetRow {
    member_id: i64,
    member: String,
    scores: String,
    weighted: i32,
    comment: String,
    submitted_at: OffsetDateTime,
}

/// The round's sheets, oldest first, with whose each is.
pub async fn sheets(
    tx: &mut Tx,
    plan_id: i64,
    round: i32,
) -> Result<Vec<(i64, SheetLine)>, AppError> {
    let sql = format!(
        "select s.member_id, {NAME} as member, s.scores, s.weighted, s.comment, s.submitted_at \
         from score_sheets s join users u on u.id = s.member_id \
         left join profiles pr on pr.user_id = u.id \
         where s.plan_id = $1 and s.round = $2 order by s.id"
    );
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, SheetRow>(&sql)
            .bind(plan_id)
            .bind(round)
            .fetch_all(conn)
            .await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let line = SheetLine {
                member: r.member,
                scores: serde_json::from_str::<Vec<Score>>(&r.scores).unwrap_or_default(),
                weighted: i64::from(r.weighted),
                comment: r.comment,
                submitted_at: r.submitted_at,
            };
            (r.member_id, line)
        })
        .collect())
}

/// Every decision recorded on the plan, the latest first.
pub async fn decisions(tx: &mut Tx, plan_id: i64) -> Result<Vec<DecisionLine>, AppError> {
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, (i32, String, Option<i64>, String, OffsetDateTime)>(
            "select round, outcome, amount_centimes, justification, decided_at from decisions \
             where plan_id = $1 order by round desc, id desc",
        )
        .bind(plan_id)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|(round, outcome, amount, justification, decided_at)| {
            Some(DecisionLine {
                round,
                outcome: Outcome::from_code(&outcome)?,
                amount: amount.map(Money::from_centimes),
                justification,
                decided_at,
            })
        })
        .collect())
}

/// The applicant's name, nationality and papers (nothing else of their profile).
pub async fn identity(tx: &mut Tx, user_id: i64) -> Result<Identity, AppError> {
    let sql = format!(
        "select {NAME}, pr.nationality from users u left join profiles pr on pr.user_id = u.id \
         where u.id = $1"
    );
    let (name, nationality) = on_conn!(tx, |conn| {
        sqlx::query_as::<_, (String, Option<String>)>(&sql)
            .bind(user_id)
            .fetch_optional(conn)
            .await
    })?
    .unwrap_or_default();
    let papers = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, String>(
            "select distinct kind from profile_documents where user_id = $1 order by kind",
        )
        .bind(user_id)
        .fetch_all(conn)
        .await
    })?;
    Ok(Identity {
        name,
        nationality,
        papers,
    })
}

/// The calls whose committee the user sits on: (id, reference, title, chair), newest first.
pub async fn calls_of(
    tx: &mut Tx,
    user_id: i64,
) -> Result<Vec<(i64, String, String, bool)>, AppError> {
    Ok(on_conn!(tx, |conn| {
        sqlx::query_as::<_, (i64, String, String, bool)>(
            "select c.id, c.reference, c.title, m.chair from committee_members m \
             join grant_calls c on c.id = m.call_id where m.user_id = $1 order by c.id desc",
        )
        .bind(user_id)
        .fetch_all(conn)
        .await
    })?)
}

/// The call's members recused from the plan: a declared conflict, or they coached it.
pub async fn recused(tx: &mut Tx, call_id: i64, plan_id: i64) -> Result<Vec<String>, AppError> {
    let members = members(tx, call_id).await?;
    let mut names = Vec::new();
    for member in members {
        let conflicted = declaration(tx, plan_id, member.user_id).await? == Some(true);
        if conflicted || coached(tx, plan_id, member.user_id).await? {
            names.push(member.name);
        }
    }
    Ok(names)
}
