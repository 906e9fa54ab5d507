//! Accounts created from the command line: the demo set, and single accounts.

use ::app::auth::hash_password;
use ::app::db::{accounts::users, shared::audit, Db};
use ::app::domain::accounts::email::Email;
use ::app::domain::accounts::password::Password;
use ::app::domain::accounts::role::Role;
use ::app::domain::shared::audit::AuditAction;
use ::app::error::AppError;
use anyhow::{anyhow, Context};

/// The password of every demo account (documented in the README; never use demo data in
/// production).
pub const DEMO_PASSWORD: &str = "passerelle demo 2026";

/// One account per role, plus a few applicants, under `demo.passerelle.ma`; staff with the name
/// they are shown by (applicants name themselves in their profile).
pub const DEMO_ACCOUNTS: &[(&str, Role, Option<&str>)] = &[
    (
        "admin@demo.passerelle.ma",
        Role::Admin,
        Some("Nadia Benali"),
    ),
    (
        "caseworker@demo.passerelle.ma",
        Role::Caseworker,
        Some("Youssef Amrani"),
    ),
    (
        "mentor@demo.passerelle.ma",
        Role::Mentor,
        Some("Fatima Zahra El Idrissi"),
    ),
    (
        "committee@demo.passerelle.ma",
        Role::Committee,
        Some("Karim Tazi"),
    ),
    (
        "committee2@demo.passerelle.ma",
        Role::Committee,
        Some("Salma Berrada"),
    ),
    (
        "committee3@demo.passerelle.ma",
        Role::Committee,
        Some("Omar Cissé"),
    ),
    (
        "finance@demo.passerelle.ma",
        Role::Finance,
        Some("Leïla Chraibi"),
    ),
    (
        "donor@demo.passerelle.ma",
        Role::Viewer,
        Some("Claire Dubois"),
    ),
    ("applicant@demo.passerelle.ma", Role::Applicant, None),
    ("aminata.diallo@demo.passerelle.ma", Role::Applicant, None),
    ("jean.kouassi@demo.passerelle.ma", Role::Applicant, None),
];

/// Creates the demo accounts that do not exist yet; returns how many were created.
pub async fn demo(db: &Db) -> anyhow::Result<usize> {
    let mut created = 0;
    for (email, role, name) in DEMO_ACCOUNTS {
        let email = Email::parse(email).map_err(|p| anyhow!("demo email: {p}"))?;
        let mut tx = db.read().await?;
        let exists = users::find_by_email(&mut tx, &email).await?.is_some();
        tx.commit().await?;
        if !exists {
            create(db, &email, *role, DEMO_PASSWORD, *name).await?;
            created += 1;
        }
    }
    demo_mentor_profile(db).await?;
    Ok(created)
}

/// The demo mentor works in Tanger, in the trades of the demo calls, in French, English and
/// Arabic, so the admin's mentor suggestions have something to show. Kept if it exists (an
/// admin may have changed it).
async fn demo_mentor_profile(db: &Db) -> anyhow::Result<()> {
    use ::app::db::mentoring::mentor_desk;
    use ::app::domain::profile::Language;
    use ::app::domain::shared::reference::{City, Sector};
    let email =
        Email::parse("mentor@demo.passerelle.ma").map_err(|p| anyhow!("demo email: {p}"))?;
    let mut tx = db.begin().await?;
    let Some(mentor) = users::find_by_email(&mut tx, &email).await? else {
        return Ok(());
    };
    if !mentor_desk::has_profile(&mut tx, mentor.id).await? {
        let sectors = [
            Sector::SewingFashion,
            Sector::CateringFood,
            Sector::Commerce,
            Sector::HairdressingBeauty,
        ];
        let languages = [Language::French, Language::English, Language::Arabic];
        let city = City::parse("tanger");
        mentor_desk::save_profile(&mut tx, mentor.id, city, &sectors, &languages, 12).await?;
    }
    tx.commit()
        .await
        .context("failed to save the demo mentor profile")?;
    Ok(())
}

/// Every demo call gets a committee of the three demo committee accounts, chaired by
/// `committee@demo.passerelle.ma`, so the default quorum of three can be met. A call that has a
/// committee already is left as an admin made it. Run after the accounts and the catalogue.
pub async fn demo_committee(db: &Db) -> anyhow::Result<usize> {
    use ::app::db::committee;
    const MEMBERS: [&str; 3] = [
        "committee@demo.passerelle.ma",
        "committee2@demo.passerelle.ma",
        "committee3@demo.passerelle.ma",
    ];
    const CALLS: [&str; 3] = ["AGR-TNG-FEMMES-2027", "AGR-RBT-2027", "AGR-JEUNES-2027"];
    let admin = Email::parse("admin@demo.passerelle.ma").map_err(|p| anyhow!("demo email: {p}"))?;
    let mut tx = db.begin().await?;
    let Some(admin) = users::find_by_email(&mut tx, &admin).await? else {
        return Ok(0);
    };
    let mut seated = 0;
    for reference in CALLS {
        let call = ::app::on_conn!(&mut tx, |conn| {
            sqlx::query_scalar::<_, i64>("select id from grant_calls where reference = $1")
                .bind(reference)
                .fetch_optional(conn)
                .await
        })?;
        let Some(call) = call else { continue };
        if !committee::members(&mut tx, call).await?.is_empty() {
            continue;
        }
        for (i, email) in MEMBERS.into_iter().enumerate() {
            let email = Email::parse(email).map_err(|p| anyhow!("demo email: {p}"))?;
            let member = committee::add_member(&mut tx, call, &email, admin.id).await?;
            // The first chairs, the second is the deputy (decides when the chair may not).
            if i < 2 {
                committee::set_seat(&mut tx, call, member, i == 1).await?;
            }
            audit::record(
                &mut tx,
                audit::Entry::new(Some(admin.id), AuditAction::CommitteeMemberAdded)
                    .subject("grant_call", call)
                    .details(serde_json::json!({ "member": member, "chair": i == 0, "deputy": i == 1, "via": "demo seed" })),
            )
            .await?;
            seated += 1;
        }
    }
    tx.commit()
        .await
        .context("failed to seat the demo committees")?;
    Ok(seated)
}

/// Creates one account (staff with the name they are shown by), with its audit row, in one
/// transaction.
pub async fn create(
    db: &Db,
    email: &Email,
    role: Role,
    password: &str,
    name: Option<&str>,
) -> anyhow::Result<i64> {
    let name = name
        .map(|name| {
            ::app::domain::profile::identity::parse_full_name(name)
                .map_err(|problem| anyhow!("name refused: {problem}"))
        })
        .transpose()?;
    let password = Password::parse(password, Some(email))
        .map_err(|problem| anyhow!("password refused: {problem}"))?;
    let hash = hash_password(password.expose().to_owned()).await?;
    let mut tx = db.begin().await?;
    let id = match users::insert(&mut tx, email, &hash, role, name.as_deref()).await {
        Err(AppError::Validation(_)) => return Err(anyhow!("an account already uses {email}")),
        other => other?,
    };
    audit::record(
        &mut tx,
        audit::Entry::new(None, AuditAction::UserCreated)
            .subject("user", id)
            .details(serde_json::json!({ "role": role.as_str(), "via": "command line" })),
    )
    .await?;
    tx.commit().await.context("failed to save the account")?;
    Ok(id)
}

/// A random password of 20 characters from an unambiguous alphabet, for accounts created
/// without one.
pub fn random_password() -> String {
    use rand_core::{OsRng, RngCore};
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    (0..20)
        .map(|_| {
            let index = (OsRng.next_u32() as usize) % ALPHABET.len();
            char::from(ALPHABET[index])
        })
        .collect()
}
