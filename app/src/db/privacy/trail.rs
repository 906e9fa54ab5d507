//! The audit trail searched by who acted, what they did, to which record and when; newest
//! first, a page at a time (entries older than the last one shown, so a page never shifts
//! when new entries arrive). Both databases, the same SQL: the filters are added as
//! conditions, each with its own numbered parameter.

use crate::db::Tx;
use crate::domain::privacy::trail::TrailFilter;
use crate::error::AppError;
use crate::on_conn;
use time::{Duration, OffsetDateTime, Time};

/// One entry with its actor's name, address and role (none for the system's own entries).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TrailRow {
    pub id: i64,
    pub at: OffsetDateTime,
    pub action: String,
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    pub actor_email: Option<String>,
    pub actor_role: Option<String>,
    pub subject_type: Option<String>,
    pub subject_id: Option<i64>,
    pub details: String,
}

/// A value bound to one condition's parameter.
enum Bind {
    Text(String),
    Id(i64),
    At(OffsetDateTime),
}

/// The `where` clause for `filter` (starting at parameter 1) and what its parameters hold.
fn conditions(filter: &TrailFilter) -> (String, Vec<Bind>) {
    let mut clauses: Vec<String> = Vec::new();
    let mut binds: Vec<Bind> = Vec::new();
    // Keeps the value and names its parameter.
    fn next(bind: Bind, binds: &mut Vec<Bind>) -> String {
        binds.push(bind);
        format!("${}", binds.len())
    }
    if let Some(actor) = &filter.actor {
        // The text as typed, not as a pattern: `%` and `_` match themselves.
        let escaped = actor
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        let pattern = format!("%{escaped}%");
        let email = next(Bind::Text(pattern.clone()), &mut binds);
        let name = next(Bind::Text(pattern), &mut binds);
        clauses.push(format!(
            "(lower(u.email) like {email} escape '\\' \
              or lower(coalesce(pr.full_name, u.display_name, '')) like {name} escape '\\')"
        ));
    }
    if let Some(action) = filter.action {
        let p = next(Bind::Text(action.as_str().to_owned()), &mut binds);
        clauses.push(format!("a.action = {p}"));
    }
    if let Some(kind) = filter.kind {
        let p = next(Bind::Text(kind.to_owned()), &mut binds);
        clauses.push(format!("a.subject_type = {p}"));
    }
    if let Some(subject) = filter.subject {
        let p = next(Bind::Id(subject), &mut binds);
        clauses.push(format!("a.subject_id = {p}"));
    }
    if let Some(from) = filter.from {
        let p = next(
            Bind::At(from.with_time(Time::MIDNIGHT).assume_utc()),
            &mut binds,
        );
        clauses.push(format!("a.at >= {p}"));
    }
    if let Some(to) = filter.to {
        // The whole last day: up to the next midnight.
        let end = (to.with_time(Time::MIDNIGHT).assume_utc()) + Duration::days(1);
        let p = next(Bind::At(end), &mut binds);
        clauses.push(format!("a.at < {p}"));
    }
    if let Some(before) = filter.before {
        let p = next(Bind::Id(before), &mut binds);
        clauses.push(format!("a.id < {p}"));
    }
    let clause = if clauses.is_empty() {
        String::new()
    } else {
        format!("where {}", clauses.join(" and "))
    };
    (clause, binds)
}

/// The query with each condition's value bound in order (a macro: the query's type differs
/// between the two databases, and `on_conn!` writes its body once for each).
macro_rules! bind_all {
    ($query:expr, $binds:expr) => {{
        let mut query = $query;
        for bind in $binds {
            query = match bind {
                Bind::Text(text) => query.bind(text.clone()),
                Bind::Id(id) => query.bind(*id),
                Bind::At(at) => query.bind(*at),
            };
        }
        query
    }};
}

const FROM: &str = "from audit_log a left join users u on u.id = a.actor_id \
                    left join profiles pr on pr.user_id = u.id";

/// Up to `limit` entries matching `filter`, newest first.
pub async fn entries(
    tx: &mut Tx,
    filter: &TrailFilter,
    limit: usize,
) -> Result<Vec<TrailRow>, AppError> {
    let (clause, binds) = conditions(filter);
    let sql = format!(
        "select a.id, a.at, a.action, a.actor_id, coalesce(pr.full_name, u.display_name) as actor_name, \
         u.email as actor_email, u.role as actor_role, a.subject_type, a.subject_id, a.details \
         {FROM} {clause} order by a.id desc limit {}",
        limit.min(10_000)
    );
    let rows = on_conn!(tx, |conn| {
        bind_all!(sqlx::query_as::<_, TrailRow>(&sql), &binds)
            .fetch_all(conn)
            .await
    })?;
    Ok(rows)
}

/// How many entries match `filter` (its page mark aside).
pub async fn count(tx: &mut Tx, filter: &TrailFilter) -> Result<i64, AppError> {
    let whole = TrailFilter {
        before: None,
        ..filter.clone()
    };
    let (clause, binds) = conditions(&whole);
    let sql = format!("select count(*) {FROM} {clause}");
    let count = on_conn!(tx, |conn| {
        bind_all!(sqlx::query_scalar::<_, i64>(&sql), &binds)
            .fetch_one(conn)
            .await
    })?;
    Ok(count)
}

/// The newest entry's number (0 when the trail is empty): where a download stops, so the file
/// holds the trail as it was when it was asked for.
pub async fn newest(tx: &mut Tx) -> Result<i64, AppError> {
    let newest = on_conn!(tx, |conn| {
        sqlx::query_scalar::<_, i64>("select coalesce(max(id), 0) from audit_log")
            .fetch_one(conn)
            .await
    })?;
    Ok(newest)
}
