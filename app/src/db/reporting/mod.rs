//! Donor reporting's reads and the programme's settings. Applicants are aggregated here, in
//! SQL: the cube has one row per combination of the reporting dimensions and filter
//! memberships (a few thousand at most), never one per person.

pub mod matched;
pub mod settings;
pub use settings::{save_settings, settings};

use crate::db::Tx;
use crate::domain::reporting::paid::PaidRow;
use crate::domain::reporting::protect::{CubeRow, Memberships, Tally};
use crate::domain::reporting::{age_band_limits, Indicator, Period, INDICATORS};
use crate::error::AppError;
use crate::on_conn;
use time::{Date, OffsetDateTime, Time};

/// Which cohort the report's filters choose (the city is applied to the cube afterwards).
#[derive(Debug, Clone, Copy, Default)]
pub struct Cohort {
    pub period: Option<Period>,
    pub call: Option<i64>,
    pub training: Option<i64>,
}

/// A period's bounds as stored timestamps; an empty range when there is none (no one is in).
fn range(period: Option<Period>) -> (OffsetDateTime, OffsetDateTime) {
    match period {
        Some(period) => {
            let (from, to) = period.bounds();
            (
                from.with_time(Time::MIDNIGHT).assume_utc(),
                to.with_time(Time::MIDNIGHT).assume_utc(),
            )
        }
        None => (OffsetDateTime::UNIX_EPOCH, OffsetDateTime::UNIX_EPOCH),
    }
}

/// The filters' membership columns of one person `u` (with the period bounds at `$1`–`$4`,
/// the call at `$5`, the training at `$6`).
const MEMBERSHIPS: &str = "\
    case when u.created_at >= $1 and u.created_at < $2 then 1 else 0 end as in_period, \
    case when u.created_at >= $3 and u.created_at < $4 then 1 else 0 end as in_year, \
    case when exists (select 1 from plans pl where pl.user_id = u.id and pl.call_id = $5) \
        then 1 else 0 end as in_call, \
    case when exists (select 1 from enrolments e where e.user_id = u.id and e.training_id = $6) \
        then 1 else 0 end as in_training";

/// A plan's latest visit `v` (the one no later visit of the same plan follows).
const LATEST_VISIT: &str =
    "not exists (select 1 from monitoring_visits v2 where v2.plan_id = v.plan_id \
    and (v2.visited_on > v.visited_on or (v2.visited_on = v.visited_on and v2.id > v.id)))";

#[derive(sqlx::FromRow)]
struct Row {
    sex: String,
    age: String,
    nationality: String,
    city: String,
    population_group: String,
    legal_status: String,
    disability: String,
    in_period: i64,
    in_year: i64,
    in_call: i64,
    in_training: i64,
    registered: i64,
    profile_complete: i64,
    matched: i64,
    enrolled: i64,
    training_completed: i64,
    plan_started: i64,
    plan_submitted: i64,
    plan_ready: i64,
    plan_approved: i64,
    grant_paid: i64,
    operating: i64,
    profitable: i64,
    committed: i64,
    paid: i64,
    jobs: i64,
}

/// The membership columns (`in_period`, `in_year`, `in_call`, `in_training`) as read.
fn memberships([period, year, call, training]: [i64; 4]) -> Memberships {
    Memberships {
        period: period == 1,
        wider_period: year == 1,
        call: call == 1,
        training: training == 1,
    }
}

/// What both queries bind first (`$1`–`$6`): the period's bounds, its year's, the call and the
/// training (an empty range and no id when not chosen).
struct CohortArgs {
    bounds: [OffsetDateTime; 4],
    call: i64,
    training: i64,
}

impl CohortArgs {
    fn of(cohort: Cohort) -> CohortArgs {
        let (from, to) = range(cohort.period);
        let (year_from, year_to) = range(cohort.period.and_then(Period::wider).or(cohort.period));
        CohortArgs {
            bounds: [from, to, year_from, year_to],
            call: cohort.call.unwrap_or(-1),
            training: cohort.training.unwrap_or(-1),
        }
    }
}

pub(crate) fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

impl Row {
    fn cube_row(self) -> CubeRow {
        let mut people = [0u64; INDICATORS];
        for (indicator, n) in [
            (Indicator::Registered, self.registered),
            (Indicator::ProfileComplete, self.profile_complete),
            (Indicator::Matched, self.matched),
            (Indicator::Enrolled, self.enrolled),
            (Indicator::TrainingCompleted, self.training_completed),
            (Indicator::PlanStarted, self.plan_started),
            (Indicator::PlanSubmitted, self.plan_submitted),
            (Indicator::PlanReady, self.plan_ready),
            (Indicator::PlanApproved, self.plan_approved),
            (Indicator::GrantPaid, self.grant_paid),
            (Indicator::Operating, self.operating),
            (Indicator::Profitable, self.profitable),
        ] {
            people[indicator.index()] = count(n);
        }
        CubeRow {
            dims: [
                self.sex,
                self.age,
                self.nationality,
                self.city,
                self.population_group,
                self.legal_status,
                self.disability,
            ],
            member: memberships([self.in_period, self.in_year, self.in_call, self.in_training]),
            tally: Tally {
                people,
                committed: self.committed,
                paid: self.paid,
                jobs: count(self.jobs),
            },
        }
    }
}

/// Every applicant account (erased people included: they were reached; their answers are
/// gone, so they count as "not stated"), aggregated by dimension and membership.
pub async fn cube(tx: &mut Tx, cohort: Cohort, today: Date) -> Result<Vec<CubeRow>, AppError> {
    let CohortArgs {
        bounds: [from, to, year_from, year_to],
        call,
        training,
    } = CohortArgs::of(cohort);
    let [b18, b25, b35, b60] = age_band_limits(today);
    let sql = cube_sql();
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, Row>(&sql)
            .bind(from)
            .bind(to)
            .bind(year_from)
            .bind(year_to)
            .bind(call)
            .bind(training)
            .bind(b18)
            .bind(b25)
            .bind(b35)
            .bind(b60)
            .fetch_all(conn)
            .await
    })?;
    Ok(rows.into_iter().map(Row::cube_row).collect())
}

/// The cube's query: `$1`–`$4` the period's and its year's bounds, `$5` the call, `$6` the
/// training, `$7`–`$10` the birth dates that start each age band.
fn cube_sql() -> String {
    // Each person's enrolments and plans are summed first (a row per person who has any),
    // then joined once to every applicant: a lookup or two per person, not one per step.
    format!(
        "with enrolled as (\
           select user_id, \
             max(case when status in ('enrolled', 'completed') then 1 else 0 end) as enrolled, \
             max(case when status = 'completed' then 1 else 0 end) as training_completed, \
             max(case when training_id = $6 then 1 else 0 end) as in_training \
           from enrolments group by user_id), \
         plan_steps as (\
           select pl.user_id, case when pl.call_id = $5 then 1 else 0 end as in_call, \
             case when exists (select 1 from plan_events pe where pe.plan_id = pl.id \
               and pe.to_status = 'submitted') then 1 else 0 end as plan_submitted, \
             case when exists (select 1 from plan_events pe where pe.plan_id = pl.id \
               and pe.to_status = 'ready_for_committee') then 1 else 0 end as plan_ready, \
             coalesce((select sum(d.amount_centimes) from decisions d where d.plan_id = pl.id \
               and d.outcome = 'approved'), 0) as committed, \
             coalesce((select sum(t.amount_centimes) from tranches t where t.plan_id = pl.id \
               and t.status = 'paid'), 0) as paid, \
             case when exists (select 1 from monitoring_visits v where v.plan_id = pl.id \
               and v.operating and {LATEST_VISIT}) then 1 else 0 end as operating, \
             case when exists (select 1 from monitoring_visits v where v.plan_id = pl.id \
               and v.operating and v.revenue_centimes > v.costs_centimes and {LATEST_VISIT}) \
               then 1 else 0 end as profitable, \
             coalesce((select sum(v.jobs) from monitoring_visits v where v.plan_id = pl.id \
               and v.operating and {LATEST_VISIT}), 0) as jobs \
           from plans pl), \
         planned as (\
           select user_id, max(in_call) as in_call, max(plan_submitted) as plan_submitted, \
             max(plan_ready) as plan_ready, sum(committed) as committed, sum(paid) as paid, \
             max(operating) as operating, max(profitable) as profitable, sum(jobs) as jobs \
           from plan_steps group by user_id), \
         people as (\
           select coalesce(p.sex, '') as sex, \
             case when p.birth_date is null then '' when p.birth_date > $7 then 'under_18' \
               when p.birth_date > $8 then '18_24' when p.birth_date > $9 then '25_34' \
               when p.birth_date > $10 then '35_59' else '60_plus' end as age, \
             coalesce(p.nationality, '') as nationality, coalesce(p.city, '') as city, \
             coalesce(p.population_group, '') as population_group, \
             coalesce(p.legal_status, '') as legal_status, coalesce(p.disability, '') as disability, \
             case when u.created_at >= $1 and u.created_at < $2 then 1 else 0 end as in_period, \
             case when u.created_at >= $3 and u.created_at < $4 then 1 else 0 end as in_year, \
             coalesce(q.in_call, 0) as in_call, coalesce(e.in_training, 0) as in_training, \
             case when p.sex is not null and p.birth_date is not null and p.nationality is not null \
               and p.city is not null and p.education is not null then 1 else 0 end as profile_complete, \
             case when m.user_id is not null or e.user_id is not null or q.user_id is not null \
               then 1 else 0 end as matched, \
             coalesce(e.enrolled, 0) as enrolled, coalesce(e.training_completed, 0) as training_completed, \
             case when q.user_id is null then 0 else 1 end as plan_started, \
             coalesce(q.plan_submitted, 0) as plan_submitted, coalesce(q.plan_ready, 0) as plan_ready, \
             coalesce(q.committed, 0) as committed, coalesce(q.paid, 0) as paid, \
             coalesce(q.operating, 0) as operating, coalesce(q.profitable, 0) as profitable, \
             coalesce(q.jobs, 0) as jobs from users u left join profiles p on p.user_id = u.id \
           left join enrolled e on e.user_id = u.id left join planned q on q.user_id = u.id \
           left join matched_people m on m.user_id = u.id \
           where u.role = 'applicant') \
         select sex, age, nationality, city, population_group, legal_status, disability, \
           cast(in_period as bigint) as in_period, cast(in_year as bigint) as in_year, \
           cast(in_call as bigint) as in_call, cast(in_training as bigint) as in_training, \
           cast(count(*) as bigint) as registered, \
           cast(sum(profile_complete) as bigint) as profile_complete, \
           cast(sum(matched) as bigint) as matched, \
           cast(sum(enrolled) as bigint) as enrolled, \
           cast(sum(training_completed) as bigint) as training_completed, \
           cast(sum(plan_started) as bigint) as plan_started, \
           cast(sum(plan_submitted) as bigint) as plan_submitted, \
           cast(sum(plan_ready) as bigint) as plan_ready, \
           cast(sum(case when committed > 0 then 1 else 0 end) as bigint) as plan_approved, \
           cast(sum(case when paid > 0 then 1 else 0 end) as bigint) as grant_paid, \
           cast(sum(operating) as bigint) as operating, \
           cast(sum(profitable) as bigint) as profitable, \
           cast(sum(committed) as bigint) as committed, \
           cast(sum(paid) as bigint) as paid, \
           cast(sum(jobs) as bigint) as jobs \
         from people \
         group by sex, age, nationality, city, population_group, legal_status, disability, \
           in_period, in_year, in_call, in_training"
    )
}

#[derive(sqlx::FromRow)]
struct PaidSql {
    month: String,
    city: String,
    in_period: i64,
    in_year: i64,
    in_call: i64,
    in_training: i64,
    payments: i64,
    centimes: i64,
}

/// Tranches paid, by the month they were confirmed paid, the city of their people and the
/// filters' memberships.
pub async fn paid(tx: &mut Tx, cohort: Cohort) -> Result<Vec<PaidRow>, AppError> {
    let CohortArgs {
        bounds: [from, to, year_from, year_to],
        call,
        training,
    } = CohortArgs::of(cohort);
    let month = match tx {
        Tx::Sqlite(..) => "substr(pay.settled_at, 1, 7)",
        Tx::Postgres(_) => "to_char(pay.settled_at at time zone 'UTC', 'YYYY-MM')",
    };
    let sql = format!(
        "with paid as (\
           select {month} as month, coalesce(p.city, '') as city, {MEMBERSHIPS}, \
             t.amount_centimes \
           from payments pay join tranches t on t.id = pay.tranche_id \
           join plans pl0 on pl0.id = t.plan_id join users u on u.id = pl0.user_id \
           left join profiles p on p.user_id = u.id \
           where pay.status = 'paid' and pay.settled_at is not null) \
         select month, city, cast(in_period as bigint) as in_period, \
           cast(in_year as bigint) as in_year, cast(in_call as bigint) as in_call, \
           cast(in_training as bigint) as in_training, cast(count(*) as bigint) as payments, \
           cast(sum(amount_centimes) as bigint) as centimes \
         from paid group by month, city, in_period, in_year, in_call, in_training"
    );
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, PaidSql>(&sql)
            .bind(from)
            .bind(to)
            .bind(year_from)
            .bind(year_to)
            .bind(call)
            .bind(training)
            .fetch_all(conn)
            .await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| PaidRow {
            month: r.month,
            city: r.city,
            member: memberships([r.in_period, r.in_year, r.in_call, r.in_training]),
            payments: count(r.payments),
            centimes: r.centimes,
        })
        .collect())
}

/// A call or training chosen as a filter: its id and how it reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub id: i64,
    pub reference: String,
    pub title: String,
}

/// The call or training with this reference (as staff type it), if any.
pub async fn find_offer(
    tx: &mut Tx,
    call: bool,
    reference: &str,
) -> Result<Option<Named>, AppError> {
    let table = if call { "grant_calls" } else { "trainings" };
    let sql =
        format!("select id, reference, title from {table} where lower(reference) = lower($1)");
    let found: Option<(i64, String, String)> = on_conn!(tx, |conn| {
        sqlx::query_as(&sql)
            .bind(reference.trim())
            .fetch_optional(conn)
            .await
    })?;
    Ok(found.map(|(id, reference, title)| Named {
        id,
        reference,
        title,
    }))
}

/// The first year anyone registered (the period picker starts there).
pub async fn first_year(tx: &mut Tx) -> Result<Option<i32>, AppError> {
    let first: Option<OffsetDateTime> = on_conn!(tx, |conn| {
        // Ids grow with time: the first account is the oldest (no scan of every account).
        sqlx::query_scalar("select created_at from users order by id limit 1")
            .fetch_optional(conn)
            .await
    })?;
    Ok(first.map(|at| at.year()))
}
