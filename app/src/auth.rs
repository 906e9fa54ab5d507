//! Password hashing and the axum-login backend: who is signed in, checked on every request.

pub mod idle;

use crate::db::{accounts::users, Db};
use crate::domain::accounts::email::Email;
use crate::domain::accounts::role::Role;
use crate::error::AppError;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum_login::{AuthUser, AuthnBackend, UserId};
use rand_core::OsRng;
use sha2::{Digest, Sha256};
use std::sync::LazyLock;

/// Password hashes computed at once. Each argon2 run holds 19 MiB for about 50 ms: without a
/// bound, a burst of a thousand sign-ups would ask for 19 GiB on the blocking threads.
static HASHING: LazyLock<tokio::sync::Semaphore> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    tokio::sync::Semaphore::new(cores.max(2))
});

/// How long a request waits for a free hashing slot before it is told to come back.
const HASHING_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Runs one password hash (or check) when a slot is free; when none frees up in time the answer
/// is "busy, retry in a few seconds" (429 with `Retry-After` for scripts).
async fn hashing<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    use crate::domain::accounts::problem::AccountsProblem;
    let busy = || {
        AppError::form(AccountsProblem::Busy {
            retry_after_seconds: 5,
        })
    };
    let permit = tokio::time::timeout(HASHING_WAIT, HASHING.acquire())
        .await
        .map_err(|_| busy())?
        .map_err(|_| AppError::Internal)?;
    let result = tokio::task::spawn_blocking(|| {
        let result = work();
        // argon2's 19 MiB go back to the system now, not when the allocator next looks.
        crate::memory::give_back();
        result
    })
    .await
    .map_err(|_| AppError::Internal);
    drop(permit);
    result
}

/// Hashes a password with argon2id (OWASP's parameters: 19 MiB, 2 passes), off the async
/// threads because it is deliberately slow, at most one per core at a time.
pub async fn hash_password(password: String) -> Result<String, AppError> {
    hashing(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
    })
    .await?
    .map_err(|error| {
        tracing::error!(%error, "password hashing failed");
        AppError::Internal
    })
}

/// A hash of a random password, verified against when the account does not exist so that
/// unknown and known addresses take the same time to answer.
static DECOY_HASH: LazyLock<Option<String>> = LazyLock::new(|| {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(b"decoy password never used", &salt)
        .map(|hash| hash.to_string())
        .ok()
});

/// Checks `password` against `stored` (or the decoy when there is no account or no
/// password). Returns true only for a real match.
pub async fn verify_password(password: String, stored: Option<String>) -> Result<bool, AppError> {
    hashing(move || {
        let real = stored.is_some();
        let Some(hash) = stored.or_else(|| DECOY_HASH.clone()) else {
            return false;
        };
        let Ok(parsed) = PasswordHash::new(&hash) else {
            tracing::error!("stored password hash is malformed");
            return false;
        };
        let matches = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        real && matches
    })
    .await
}

/// The signed-in user as the session layer keeps them.
#[derive(Clone)]
pub struct SessionUser {
    pub id: i64,
    pub email: Option<String>,
    pub role: Role,
    /// The password was chosen by someone else: nothing but changing it until it is.
    pub must_change_password: bool,
    /// Changes when the password changes, which ends every other session of the account.
    auth_hash: Vec<u8>,
}

impl std::fmt::Debug for SessionUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionUser")
            .field("id", &self.id)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

impl SessionUser {
    /// A user who may hold a session: enabled, with a password.
    pub fn from_row(row: &users::UserRow) -> Result<Option<Self>, AppError> {
        let Some(hash) = row.password_hash.as_deref() else {
            return Ok(None);
        };
        if row.disabled_at.is_some() || row.first_password_expired(crate::db::now()) {
            return Ok(None);
        }
        Ok(Some(SessionUser {
            id: row.id,
            email: row.email.clone(),
            role: row.role()?,
            must_change_password: row.password_change_required,
            auth_hash: Sha256::digest(hash.as_bytes()).to_vec(),
        }))
    }

    pub fn current(&self) -> crate::wire::accounts::CurrentUser {
        crate::wire::accounts::CurrentUser {
            id: self.id,
            email: self.email.clone(),
            role: self.role,
            must_change_password: self.must_change_password,
            unread: 0,
        }
    }
}

impl AuthUser for SessionUser {
    type Id = i64;

    fn id(&self) -> i64 {
        self.id
    }

    fn session_auth_hash(&self) -> &[u8] {
        &self.auth_hash
    }
}

/// Looks users up for the session layer.
#[derive(Debug, Clone)]
pub struct Backend {
    db: Db,
}

impl Backend {
    pub fn new(db: Db) -> Self {
        Self { db }
    }
}

/// What a sign-in form submits.
pub struct Credentials {
    pub email: Email,
    pub password: String,
}

impl AuthnBackend for Backend {
    type User = SessionUser;
    type Credentials = Credentials;
    type Error = AppError;

    async fn authenticate(&self, creds: Credentials) -> Result<Option<SessionUser>, AppError> {
        let mut tx = self.db.read().await?;
        let row = users::find_by_email(&mut tx, &creds.email).await?;
        tx.commit().await?;
        check_password(row.as_ref(), creds.password).await
    }

    async fn get_user(&self, id: &UserId<Self>) -> Result<Option<SessionUser>, AppError> {
        let mut tx = self.db.read().await?;
        let row = users::find_by_id(&mut tx, *id).await?;
        tx.commit().await?;
        match row {
            Some(row) => SessionUser::from_row(&row),
            None => Ok(None),
        }
    }
}

/// The user `row` describes, if `password` is theirs and they may sign in. Without a row (or a
/// password) the decoy hash is checked instead, so the answer takes the same time.
pub async fn check_password(
    row: Option<&users::UserRow>,
    password: String,
) -> Result<Option<SessionUser>, AppError> {
    if !password_matches(row, password).await? {
        return Ok(None);
    }
    match row {
        Some(row) => SessionUser::from_row(row),
        None => Ok(None),
    }
}

/// Whether `password` is the one stored on `row`; without a row (or a password) the decoy hash
/// is checked, so the answer takes the same time.
pub async fn password_matches(
    row: Option<&users::UserRow>,
    password: String,
) -> Result<bool, AppError> {
    verify_password(password, row.and_then(|r| r.password_hash.clone())).await
}

/// The session type server functions and middleware extract.
pub type AuthSession = axum_login::AuthSession<Backend>;
