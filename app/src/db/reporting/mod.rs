//! Donor reporting's reads and the programme's settings. Applicants are aggregated here, in
//! SQL: the cube has one row per combination of the reporting dimensions and filter
//! memberships (a few thousand at most), never one per person.

use crate::db::{now, Tx};
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

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

impl Row {
    fn cube_row(self) -> CubeRow {
        let mut people = [0u64; INDICATORS];
        for (indicator, n) in [
            (Indicator::Registered, self.registered),
            (Indicator::ProfileComplete, self.profile_complete),
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
            member: Memberships {
                period: self.in_period == 1,
                wider_period: self.in_year == 1,
                call: self.in_call == 1,
                training: self.in_training == 1,
            },
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
    let (from, to) = range(cohort.period);
    let (year_from, year_to) = range(cohort.period.and_then(Period::wider).or(cohort.period));
    let [b18, b25, b35, b60] = age_band_limits(today);
    let sql = format!(
        "with people as (\
           select coalesce(p.sex, '') as sex, \
             case when p.birth_date is null then '' when p.birth_date > $7 then 'under_18' \
               when p.birth_date > $8 then '18_24' when p.birth_date > $9 then '25_34' \
               when p.birth_date > $10 then '35_59' else '60_plus' end as age, \
             coalesce(p.nationality, '') as nationality, coalesce(p.city, '') as city, \
             coalesce(p.population_group, '') as population_group, \
             coalesce(p.legal_status, '') as legal_status, \
             coalesce(p.disability, '') as disability, \
             {MEMBERSHIPS}, \
             case when p.sex is not null and p.birth_date is not null and p.nationality is not null \
               and p.city is not null and p.education is not null then 1 else 0 end as profile_complete, \
             case when exists (select 1 from enrolments e where e.user_id = u.id \
               and e.status in ('enrolled', 'completed')) then 1 else 0 end as enrolled, \
             case when exists (select 1 from enrolments e where e.user_id = u.id \
               and e.status = 'completed') then 1 else 0 end as training_completed, \
             case when exists (select 1 from plans pl where pl.user_id = u.id) \
               then 1 else 0 end as plan_started, \
             case when exists (select 1 from plans pl join plan_events pe on pe.plan_id = pl.id \
               where pl.user_id = u.id and pe.to_status = 'submitted') then 1 else 0 end as plan_submitted, \
             case when exists (select 1 from plans pl join plan_events pe on pe.plan_id = pl.id \
               where pl.user_id = u.id and pe.to_status = 'ready_for_committee') \
               then 1 else 0 end as plan_ready, \
             coalesce((select sum(d.amount_centimes) from decisions d join plans pl on pl.id = d.plan_id \
               where pl.user_id = u.id and d.outcome = 'approved'), 0) as committed, \
             coalesce((select sum(t.amount_centimes) from tranches t join plans pl on pl.id = t.plan_id \
               where pl.user_id = u.id and t.status = 'paid'), 0) as paid, \
             case when exists (select 1 from plans pl join monitoring_visits v on v.plan_id = pl.id \
               where pl.user_id = u.id and v.operating and {LATEST_VISIT}) then 1 else 0 end as operating, \
             case when exists (select 1 from plans pl join monitoring_visits v on v.plan_id = pl.id \
               where pl.user_id = u.id and v.operating and v.revenue_centimes > v.costs_centimes \
               and {LATEST_VISIT}) then 1 else 0 end as profitable, \
             coalesce((select sum(v.jobs) from plans pl join monitoring_visits v on v.plan_id = pl.id \
               where pl.user_id = u.id and v.operating and {LATEST_VISIT}), 0) as jobs \
           from users u left join profiles p on p.user_id = u.id \
           where u.role = 'applicant') \
         select sex, age, nationality, city, population_group, legal_status, disability, \
           cast(in_period as bigint) as in_period, cast(in_year as bigint) as in_year, \
           cast(in_call as bigint) as in_call, cast(in_training as bigint) as in_training, \
           cast(count(*) as bigint) as registered, \
           cast(sum(profile_complete) as bigint) as profile_complete, \
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
    );
    let rows = on_conn!(tx, |conn| {
        sqlx::query_as::<_, Row>(&sql)
            .bind(from)
            .bind(to)
            .bind(year_from)
            .bind(year_to)
            .bind(cohort.call.unwrap_or(-1))
            .bind(cohort.training.unwrap_or(-1))
            .bind(b18)
            .bind(b25)
            .bind(b35)
            .bind(b60)
            .fetch_all(conn)
            .await
    })?;
    Ok(rows.into_iter().map(Row::cube_row).collect())
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
    let (from, to) = range(cohort.period);
    let (year_from, year_to) = range(cohort.period.and_then(Period::wider).or(cohort.period));
    let month = match tx {
        Tx::Sqlite(_) => "substr(pay.settled_at, 1, 7)",
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
            .bind(cohort.call.unwrap_or(-1))
            .bind(cohort.training.unwrap_or(-1))
            .fetch_all(conn)
            .await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| PaidRow {
            month: r.month,
            city: r.city,
            member: Memberships {
                period: r.in_period == 1,
                wider_period: r.in_year == 1,
                call: r.in_call == 1,
                training: r.in_training == 1,
            },
            payments: count(r.payments),
            centimes: r.centimes,
        })
        .collect())
}

/// The programme's name, the smallest count reports show, and the targets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub name: String,
    pub small_cell: u64,
    pub version: i64,
    pub targets: Vec<(Indicator, u64)>,
}

pub async fn settings(tx: &mut Tx) -> Result<Settings, AppError> {
    let (name, small_cell, version): (String, i64, i64) = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select name, cast(small_cell as bigint), cast(version as bigint) \
             from programme_settings where id = 1",
        )
        .fetch_one(conn)
        .await
    })?;
    let targets: Vec<(String, i64)> = on_conn!(tx, |conn| {
        sqlx::query_as(
            "select indicator, cast(target as bigint) from report_targets order by indicator",
        )
        .fetch_all(conn)
        .await
    })?;
    Ok(Settings {
        name,
        small_cell: count(small_cell),
        version,
        targets: targets
            .into_iter()
            .filter_map(|(code, target)| Some((Indicator::from_code(&code)?, count(target))))
            .collect(),
    })
}

/// Saves the settings if nobody saved since `version` (else `Conflict`); targets not listed
/// are removed.
pub async fn save_settings(
    tx: &mut Tx,
    name: &str,
    small_cell: u64,
    targets: &[(Indicator, u64)],
    version: i64,
    by: i64,
) -> Result<(), AppError> {
    let small_cell = i64::try_from(small_cell).unwrap_or(i64::MAX);
    let updated = on_conn!(tx, |conn| {
        sqlx::query(
            "update programme_settings set name = $1, small_cell = $2, version = version + 1, \
             updated_by = $3, updated_at = $4 where id = 1 and version = $5",
        )
        .bind(name)
        .bind(small_cell)
        .bind(by)
        .bind(now())
        .bind(version)
        .execute(conn)
        .await
        .map(|done| done.rows_affected())
    })?;
    if updated != 1 {
        return Err(AppError::Conflict);
    }
    on_conn!(tx, |conn| {
        sqlx::query("delete from report_targets")
            .execute(conn)
            .await
            .map(|done| done.rows_affected())
    })?;
    for (indicator, target) in targets {
        let target = i64::try_from(*target).unwrap_or(i64::MAX);
        on_conn!(tx, |conn| {
            sqlx::query("insert into report_targets (indicator, target) values ($1, $2)")
                .bind(indicator.code())
                .bind(target)
                .execute(conn)
                .await
                .map(|done| done.rows_affected())
        })?;
    }
    Ok(())
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
        sqlx::query_scalar("select min(created_at) from users")
            .fetch_one(conn)
            .await
    })?;
    Ok(first.map(|at| at.year()))
}
