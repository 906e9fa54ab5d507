//! The sustainability of funded businesses, for admins: each approved or closed plan with the
//! score of its latest visit and of the one before (the trend). Only a plan's last three
//! visits are read: the latest is scored against the second, the second against the third.

use crate::db::mentoring::NAME;
use crate::db::monitoring::facts_of;
use crate::db::Tx;
use crate::domain::monitoring::score::Score;
use crate::error::AppError;
use crate::on_conn;
use crate::wire::monitoring::ScoreLine;
use time::Date;

#[derive(sqlx::FromRow)]
struct Row {
    plan_id: i64,
    call_id: i64,
    call_reference: String,
    call_title: String,
    applicant: String,
    visits: Option<i64>,
    visited_on: Option<Date>,
    operating: Option<bool>,
    revenue_centimes: Option<i64>,
    costs_centimes: Option<i64>,
    jobs: Option<i32>,
    equipment: Option<String>,
    problem_level: Option<String>,
}

/// A funded plan's line, with its call (for grouping by call).
pub struct CallScoreLine {
    pub call: i64,
    pub call_reference: String,
    pub call_title: String,
    pub line: ScoreLine,
}

/// Every approved or closed plan, by call then plan, each with its latest visit's score and
/// the previous one's. Erased applicants are named as the rest of the app names them.
pub async fn funded_plans(tx: &mut Tx) -> Result<Vec<CallScoreLine>, AppError> {
    let sql = format!(
        "with ranked as (\
           select plan_id, visited_on, operating, revenue_centimes, costs_centimes, jobs, \
             equipment, problem_level, \
             row_number() over (partition by plan_id order by visited_on desc, id desc) as recency, \
             count(*) over (partition by plan_id) as visits \
           from monitoring_visits) \
         select p.id as plan_id, p.call_id, c.reference as call_reference, c.title as call_title, \
           {NAME} as applicant, r.visits, r.visited_on, r.operating, \
           r.revenue_centimes, r.costs_centimes, r.jobs, r.equipment, r.problem_level \
         from plans p join grant_calls c on c.id = p.call_id join users u on u.id = p.user_id \
         left join profiles pr on pr.user_id = u.id \
         left join ranked r on r.plan_id = p.id and r.recency <= 3 \
         where p.status in ('approved', 'closed') \
         order by p.call_id, p.id, r.recency"
    );
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, Row>(&sql).fetch_all(conn).await
    })?;
    let mut lines: Vec<CallScoreLine> = Vec::new();
    let mut visits_of_plan = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        if let (Some(operating), Some(revenue), Some(costs), Some(jobs)) = (
            row.operating,
            row.revenue_centimes,
            row.costs_centimes,
            row.jobs,
        ) {
            let facts = facts_of(
                operating,
                (revenue, costs),
                jobs,
                row.equipment.as_deref(),
                row.problem_level.as_deref(),
            )?;
            visits_of_plan.push((row.visited_on, facts));
        }
        let last_of_plan = rows
            .get(index + 1)
            .is_none_or(|next| next.plan_id != row.plan_id);
        if last_of_plan {
            lines.push(line_of(row, std::mem::take(&mut visits_of_plan)));
        }
    }
    Ok(lines)
}

/// A plan's line from its latest visits, latest first.
fn line_of(
    row: &Row,
    recent: Vec<(Option<Date>, crate::domain::monitoring::score::ScoreFacts)>,
) -> CallScoreLine {
    let jobs_at = |index: usize| recent.get(index).map(|(_, facts)| facts.jobs);
    let score_at = |index: usize| {
        recent
            .get(index)
            .and_then(|(_, facts)| Score::of(*facts, jobs_at(index + 1)))
    };
    CallScoreLine {
        call: row.call_id,
        call_reference: row.call_reference.clone(),
        call_title: row.call_title.clone(),
        line: ScoreLine {
            plan: row.plan_id,
            applicant: row.applicant.clone(),
            visits: row.visits.unwrap_or(0),
            last_visit: recent.first().and_then(|(day, _)| *day),
            score: score_at(0),
            previous: score_at(1),
        },
    }
}
