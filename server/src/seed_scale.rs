//! `passerelle seed scale`: a large, realistic and deterministic data set for trying the staff
//! pages and measuring the database side of matching — applicants who consented, with
//! identities, papers, languages and skills spread as in the programme's caseload; trainings
//! and calls across the cities and sectors of `domain.md`. The same counts give the same data;
//! running it again adds nothing (accounts, trainings and calls are keyed by their names).
//!
//! Scale accounts have no password: nobody can sign in as them.

use anyhow::Context;
use app::db::{catalogue, Db, Tx};
use app::domain::catalogue::{GrantCall, Training};
use app::domain::matching::eligibility::Rule;
use app::domain::profile::consent::NOTICE_VERSION;
use app::domain::profile::{
    DocumentKind, Education, Language, Programme, Sex, SkillLevel, TargetGroup,
};
use app::domain::shared::money::Money;
use app::domain::shared::reference::{reference, City, Country, Sector, SkillId};
use time::{Date, Duration, OffsetDateTime};

/// How much to create.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub applicants: usize,
    pub trainings: usize,
    pub calls: usize,
}

/// How much was actually added (existing rows are kept).
#[derive(Debug, Clone, Copy, Default)]
pub struct Seeded {
    pub applicants: usize,
    pub trainings: usize,
    pub calls: usize,
}

/// A small deterministic generator: the same data on every run, no dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % below.max(1)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.next(items.len())]
    }

    /// `true` with probability `percent` / 100.
    fn chance(&mut self, percent: usize) -> bool {
        self.next(100) < percent
    }
}

/// Rows per insert statement: well under both databases' limits on bound values.
const BATCH: usize = 400;

pub async fn scale(db: &Db, scale: Scale, today: Date) -> anyhow::Result<Seeded> {
    let mut seeded = Seeded::default();
    let mut rng = Lcg(20_261_129);
    let mut tx = db.begin().await?;
    for i in 0..scale.trainings {
        if catalogue::insert_training(&mut tx, &training(&mut rng, i, today)).await? {
            seeded.trainings += 1;
        }
    }
    for i in 0..scale.calls {
        if catalogue::insert_call(&mut tx, &call(&mut rng, i, today)).await? {
            seeded.calls += 1;
        }
    }
    tx.commit()
        .await
        .context("failed to save the scale catalogue")?;

    let mut rng = Lcg(9_021_126);
    let mut start = 0;
    while start < scale.applicants {
        let end = (start + BATCH).min(scale.applicants);
        let people: Vec<Person> = (start..end).map(|n| person(&mut rng, n, today)).collect();
        let mut tx = db.begin().await?;
        seeded.applicants += insert_people(&mut tx, &people).await?;
        tx.commit()
            .await
            .context("failed to save scale applicants")?;
        start = end;
    }
    Ok(seeded)
}

const FIRST_WOMEN: &[&str] = &[
    "Awa",
    "Fatou",
    "Aminata",
    "Mariam",
    "Grace",
    "Blessing",
    "Chantal",
    "Aïcha",
    "Khadija",
    "Fatoumata",
    "Esther",
    "Rose",
    "Nadia",
    "Salma",
    "Hawa",
    "Djeneba",
    "Mireille",
    "Prisca",
];
const FIRST_MEN: &[&str] = &[
    "Moussa",
    "Ibrahima",
    "Mamadou",
    "Samuel",
    "Emmanuel",
    "Yao",
    "Koffi",
    "Ousmane",
    "Cheikh",
    "Youssef",
    "Omar",
    "Patrick",
    "Jean",
    "Abdoulaye",
    "Seydou",
    "Christian",
    "Hassan",
    "Idriss",
];
const LAST: &[&str] = &[
    "Koné",
    "Diallo",
    "Traoré",
    "Ndiaye",
    "Camara",
    "Sow",
    "Bamba",
    "Okafor",
    "Mbarga",
    "Touré",
    "Kouassi",
    "Sylla",
    "Diop",
    "Mukendi",
    "Nkounkou",
    "Eze",
    "Coulibaly",
    "Benali",
    "El Idrissi",
];
/// Nationalities most seen in the caseload (domain.md), Morocco for host-community members.
const NATIONALITIES: &[&str] = &[
    "CI", "CI", "GN", "GN", "SN", "SN", "CM", "NG", "ML", "CD", "CG", "MA", "MA",
];
/// Most of the caseload lives in Rabat and Tanger.
const CITIES: &[&str] = &[
    "rabat",
    "rabat",
    "rabat",
    "tanger",
    "tanger",
    "tanger",
    "casablanca",
    "oujda",
    "fes",
    "sale",
];

struct Person {
    email: String,
    full_name: String,
    sex: Sex,
    birth_date: Date,
    nationality: Country,
    city: City,
    phone: Option<String>,
    education: Education,
    languages: Vec<Language>,
    sectors: Vec<Sector>,
    documents: Vec<(DocumentKind, Option<Date>)>,
    skills: Vec<(SkillId, SkillLevel, u8)>,
}

fn person(rng: &mut Lcg, n: usize, today: Date) -> Person {
    let sex = if rng.chance(55) {
        Sex::Female
    } else {
        Sex::Male
    };
    let first = match sex {
        Sex::Female => rng.pick(FIRST_WOMEN),
        Sex::Male => rng.pick(FIRST_MEN),
    };
    let skills: Vec<SkillId> = SkillId::all().collect();
    let nationality = Country::parse(rng.pick(NATIONALITIES)).unwrap_or_else(|| pick_any(rng));
    let mut languages = vec![Language::French];
    languages.push(rng.pick(&Language::ALL));
    let documents = match rng.next(10) {
        0..=3 => vec![(DocumentKind::ResidenceCard, Some(expiry(rng, today)))],
        4..=5 => vec![(DocumentKind::RefugeeCard, Some(expiry(rng, today)))],
        6 => vec![(DocumentKind::AsylumCertificate, Some(expiry(rng, today)))],
        7 => vec![(DocumentKind::Passport, Some(expiry(rng, today)))],
        _ => vec![],
    };
    Person {
        email: format!("scale-{n:06}@passerelle.invalid"),
        full_name: format!("{first} {}", rng.pick(LAST)),
        sex,
        birth_date: today - Duration::days(365 * (18 + rng.next(42)) as i64 + rng.next(365) as i64),
        nationality,
        city: City::parse(rng.pick(CITIES))
            .unwrap_or_else(|| rng.pick(&City::all().collect::<Vec<_>>())),
        phone: rng
            .chance(70)
            .then(|| format!("+2126{:08}", rng.next(100_000_000))),
        education: rng.pick(&Education::ALL),
        languages,
        sectors: vec![rng.pick(&Sector::ALL), rng.pick(&Sector::ALL)],
        documents,
        skills: (0..1 + rng.next(4))
            .map(|_| {
                (
                    rng.pick(&skills),
                    rng.pick(&SkillLevel::ALL),
                    rng.next(15) as u8,
                )
            })
            .collect(),
    }
}

fn pick_any(rng: &mut Lcg) -> Country {
    rng.pick(&Country::all().collect::<Vec<_>>())
}

/// Some papers expired not long ago, most run for a year or more.
fn expiry(rng: &mut Lcg, today: Date) -> Date {
    today + Duration::days(rng.next(1100) as i64 - 200)
}

fn training(rng: &mut Lcg, i: usize, today: Date) -> Training {
    let occupations = &reference().occupations;
    let occupation = &occupations[rng.next(occupations.len())];
    let skills: Vec<SkillId> = SkillId::all()
        .filter(|s| s.skill().isco == occupation.isco)
        .take(4)
        .collect();
    let programme = rng.pick(&[
        Programme::Taehil,
        Programme::Taehil,
        Programme::Idmaj,
        Programme::SelfEmployment,
    ]);
    let starts_on = today + Duration::days(rng.next(240) as i64 - 30);
    Training {
        reference: format!("SCALE-T-{i:05}"),
        title: occupation
            .labels
            .get(app::domain::shared::locale::Lang::Fr)
            .to_owned(),
        programme,
        sector: occupation.sector,
        city: City::parse(rng.pick(CITIES))
            .unwrap_or_else(|| rng.pick(&City::all().collect::<Vec<_>>())),
        starts_on,
        ends_on: starts_on + Duration::weeks(2 + rng.next(24) as i64),
        seats: 10 + rng.next(31) as u32,
        languages: vec![Language::French, Language::Darija],
        min_education: rng.chance(30).then(|| {
            rng.pick(&[
                Education::Primary,
                Education::LowerSecondary,
                Education::Baccalaureate,
            ])
        }),
        required_documents: vec![DocumentKind::ResidenceCard, DocumentKind::RefugeeCard],
        target_groups: if rng.chance(20) {
            vec![TargetGroup::Women]
        } else {
            vec![]
        },
        skills,
    }
}

fn call(rng: &mut Lcg, i: usize, today: Date) -> GrantCall {
    let cities: Vec<City> = (0..1 + rng.next(2))
        .filter_map(|_| City::parse(rng.pick(CITIES)))
        .collect();
    let max_grant = Money::from_dirhams(5_000 * (1 + rng.next(6)) as i64);
    let opens_on = today - Duration::days(rng.next(60) as i64);
    let mut rules = vec![
        Rule::Age {
            min: Some(18),
            max: Some(if rng.chance(40) { 35 } else { 59 }),
        },
        Rule::Document {
            any_of: vec![DocumentKind::ResidenceCard, DocumentKind::RefugeeCard],
        },
    ];
    if rng.chance(30) {
        rules.push(Rule::CompletedTraining {
            programme: Programme::SelfEmployment,
        });
    }
    if rng.chance(25) {
        rules.push(Rule::TargetGroup {
            any_of: vec![TargetGroup::Women],
        });
    }
    GrantCall {
        reference: format!("SCALE-C-{i:04}"),
        title: format!("Appel AGR n° {}", i + 1),
        envelope: Money::from_centimes(max_grant.centimes() * (20 + rng.next(60)) as i64),
        max_grant,
        own_contribution_percent: 10,
        sectors: vec![rng.pick(&Sector::ALL), rng.pick(&Sector::ALL)],
        cities,
        opens_on,
        closes_on: opens_on + Duration::days(30 + rng.next(120) as i64),
        rules,
    }
}

/// One value to bind, typed for both databases (dates as dates, times as timestamps).
enum Cell {
    Int(i64),
    Text(String),
    MaybeText(Option<String>),
    Day(Date),
    MaybeDay(Option<Date>),
    At(OffsetDateTime),
    Flag(bool),
}

/// `insert into {table} ({columns}) values (…), (…) {tail}` for `rows`, with `$n` placeholders.
async fn insert(
    tx: &mut Tx,
    table: &str,
    columns: &str,
    rows: Vec<Vec<Cell>>,
    tail: &str,
) -> anyhow::Result<u64> {
    if rows.is_empty() {
        return Ok(0);
    }
    let mut sql = format!("insert into {table} ({columns}) values ");
    let mut n = 0;
    for (i, row) in rows.iter().enumerate() {
        sql.push_str(if i == 0 { "(" } else { ", (" });
        for j in 0..row.len() {
            n += 1;
            sql.push_str(&format!("{}${n}", if j == 0 { "" } else { ", " }));
        }
        sql.push(')');
    }
    sql.push(' ');
    sql.push_str(tail);
    let cells = rows.into_iter().flatten();
    let done = app::on_conn!(tx, |conn| {
        let mut query = sqlx::query(&sql);
        for cell in cells {
            query = match cell {
                Cell::Int(v) => query.bind(v),
                Cell::Text(v) => query.bind(v),
                Cell::MaybeText(v) => query.bind(v),
                Cell::Day(v) => query.bind(v),
                Cell::MaybeDay(v) => query.bind(v),
                Cell::At(v) => query.bind(v),
                Cell::Flag(v) => query.bind(v),
            };
        }
        query.execute(conn).await.map(|done| done.rows_affected())
    })?;
    Ok(done)
}

fn codes<T>(items: &[T], code: impl Fn(&T) -> &'static str) -> String {
    serde_json::Value::from(items.iter().map(code).collect::<Vec<_>>()).to_string()
}

/// Accounts, consents, profiles, papers and skills for one batch; people whose account already
/// exists are left as they are.
async fn insert_people(tx: &mut Tx, people: &[Person]) -> anyhow::Result<usize> {
    let at = app::db::now();
    let users = people
        .iter()
        .map(|p| {
            vec![
                Cell::Text(p.email.clone()),
                Cell::Text("applicant".into()),
                Cell::At(at),
            ]
        })
        .collect();
    insert(
        tx,
        "users",
        "email, role, created_at",
        users,
        "on conflict (email) do nothing",
    )
    .await?;
    let emails: Vec<String> = people.iter().map(|p| p.email.clone()).collect();
    let first = emails.first().cloned().unwrap_or_default();
    let last = emails.last().cloned().unwrap_or_default();
    // New accounts are those without a profile yet.
    let ids: Vec<(i64, String)> = app::on_conn!(tx, |conn| {
        sqlx::query_as(
            "select u.id, u.email from users u where u.email between $1 and $2 \
             and not exists (select 1 from profiles p where p.user_id = u.id) order by u.email",
        )
        .bind(&first)
        .bind(&last)
        .fetch_all(conn)
        .await
    })?;
    let by_email: std::collections::HashMap<&str, &Person> =
        people.iter().map(|p| (p.email.as_str(), p)).collect();
    let mut consents = Vec::new();
    let mut profiles = Vec::new();
    let mut documents = Vec::new();
    let mut skills = Vec::new();
    for (id, email) in &ids {
        let Some(p) = by_email.get(email.as_str()) else {
            continue;
        };
        consents.push(vec![
            Cell::Int(*id),
            Cell::Text(NOTICE_VERSION.into()),
            Cell::Text("fr".into()),
            Cell::Flag(true),
            Cell::Flag(false),
            Cell::At(at),
        ]);
        profiles.push(vec![
            Cell::Int(*id),
            Cell::Text(p.full_name.clone()),
            Cell::Text(p.sex.code().into()),
            Cell::Day(p.birth_date),
            Cell::Text(p.nationality.code().into()),
            Cell::Text(p.city.code().into()),
            Cell::MaybeText(p.phone.clone()),
            Cell::Text(p.education.code().into()),
            Cell::Text(codes(&p.languages, |l| l.code())),
            Cell::Text(codes(&p.sectors, |s| s.code())),
            Cell::Text("now".into()),
            Cell::At(at),
            Cell::At(at),
        ]);
        for (kind, expires_on) in &p.documents {
            documents.push(vec![
                Cell::Int(*id),
                Cell::Text(kind.code().into()),
                Cell::MaybeDay(*expires_on),
                Cell::At(at),
            ]);
        }
        let mut seen = Vec::new();
        for (skill, level, years) in &p.skills {
            if seen.contains(skill) {
                continue;
            }
            seen.push(*skill);
            skills.push(vec![
                Cell::Int(*id),
                Cell::Text(skill.code().into()),
                Cell::Text(level.code().into()),
                Cell::Int(i64::from(*years)),
                Cell::At(at),
            ]);
        }
    }
    insert(
        tx,
        "consents",
        "user_id, notice_version, language, given, in_person, at",
        consents,
        "",
    )
    .await?;
    insert(
        tx,
        "profiles",
        "user_id, full_name, sex, birth_date, nationality, city, phone, education, languages, \
         sectors, availability, created_at, updated_at",
        profiles,
        "",
    )
    .await?;
    insert(
        tx,
        "profile_documents",
        "user_id, kind, expires_on, created_at",
        documents,
        "",
    )
    .await?;
    insert(
        tx,
        "profile_skills",
        "user_id, skill, level, years, created_at",
        skills,
        "",
    )
    .await?;
    Ok(ids.len())
}
