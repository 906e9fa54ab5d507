//! Accounts created from the command line: the demo set, and single accounts.

use ::app::auth::hash_password;
use ::app::db::{audit, users, Db};
use ::app::domain::audit::AuditAction;
use ::app::domain::email::Email;
use ::app::domain::password::Password;
use ::app::domain::role::Role;
use ::app::error::AppError;
use anyhow::{anyhow, Context};

/// The password of every demo account (documented in the README; never use demo data in
/// production).
pub const DEMO_PASSWORD: &str = "passerelle demo 2026";

/// One account per role, plus a few applicants, under `demo.passerelle.ma`.
pub const DEMO_ACCOUNTS: &[(&str, Role)] = &[
    ("admin@demo.passerelle.ma", Role::Admin),
    ("caseworker@demo.passerelle.ma", Role::Caseworker),
    ("mentor@demo.passerelle.ma", Role::Mentor),
    ("committee@demo.passerelle.ma", Role::Committee),
    ("finance@demo.passerelle.ma", Role::Finance),
    ("applicant@demo.passerelle.ma", Role::Applicant),
    ("aminata.diallo@demo.passerelle.ma", Role::Applicant),
    ("jean.kouassi@demo.passerelle.ma", Role::Applicant),
];

/// Creates the demo accounts that do not exist yet; returns how many were created.
pub async fn demo(db: &Db) -> anyhow::Result<usize> {
    let mut created = 0;
    for (email, role) in DEMO_ACCOUNTS {
        let email = Email::parse(email).map_err(|p| anyhow!("demo email: {p}"))?;
        let mut tx = db.read().await?;
        let exists = users::find_by_email(&mut tx, &email).await?.is_some();
        tx.commit().await?;
        if !exists {
            create(db, &email, *role, DEMO_PASSWORD).await?;
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
    use ::app::db::mentor_desk;
    use ::app::domain::profile::Language;
    use ::app::domain::reference::{City, Sector};
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

/// Creates one account, with its audit row, in one transaction.
pub async fn create(db: &Db, email: &Email, role: Role, password: &str) -> anyhow::Result<i64> {
    let password = Password::parse(password, Some(email))
        .map_err(|problem| anyhow!("password refused: {problem}"))?;
    let hash = hash_password(password.expose().to_owned()).await?;
    let mut tx = db.begin().await?;
    let id = match users::insert(&mut tx, email, &hash, role).await {
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
