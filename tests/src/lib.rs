//! Test harness: the real router over a fresh database per test (a temporary SQLite file, or a
//! uniquely named PostgreSQL database that is dropped afterwards), and a small cookie-keeping
//! client that talks to it like a browser would.

#![recursion_limit = "256"]

pub mod client;
pub mod smtp;

use app::db::Db;
use axum::Router;
use server::{AppState, Settings};
use std::sync::atomic::{AtomicU32, Ordering};

pub use client::{names, Client, TestResponse};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// One multi-threaded runtime for every test in the binary, like the single runtime of the real
/// server. (A runtime per test made Leptos's server rendering stall now and then: tasks of one
/// test's rendering could end up waiting on another test's runtime.)
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    static RUNTIME: std::sync::OnceLock<tokio::runtime::Runtime> = std::sync::OnceLock::new();
    RUNTIME
        .get_or_init(|| {
            // `TEST_LOG=debug cargo test …` shows the server's logs of a failing test.
            let _ = tracing_subscriber::fmt()
                .with_env_filter(tracing_subscriber::EnvFilter::from_env("TEST_LOG"))
                .with_test_writer()
                .try_init();
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("the test runtime")
        })
        .block_on(future)
}

/// The PostgreSQL server tests create their databases on.
pub fn postgres_admin_url() -> String {
    std::env::var("PASSERELLE_TEST_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// Where `cargo leptos build` put the browser bundle.
pub fn site_root() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../target/site").into()
}

/// Where `cargo leptos build` wrote the bundle's content hashes (beside the release server,
/// even for `--frontend-only`).
pub fn hash_file() -> std::path::PathBuf {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../target/release/hash.txt").into()
}

/// A fresh, migrated database that removes itself when dropped.
pub struct TestDb {
    pub db: Db,
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

impl TestDb {
    pub async fn new(backend: Backend) -> TestDb {
        let (url, cleanup) = match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temporary folder");
                let url = format!("sqlite://{}/test.db", dir.path().display());
                (url, Cleanup::Sqlite(dir))
            }
            Backend::Postgres => {
                let admin_url = postgres_admin_url();
                let name = format!(
                    "passerelle_test_{}_{}_{}",
                    std::process::id(),
                    COUNTER.fetch_add(1, Ordering::Relaxed),
                    time::OffsetDateTime::now_utc().unix_timestamp_nanos() % 1_000_000_000
                );
                let admin = Db::connect(&admin_url)
                    .await
                    .expect("PostgreSQL must be running for the tests (see README)");
                if let Db::Postgres(pool) = &admin {
                    sqlx::query(&format!("create database {name}"))
                        .execute(pool)
                        .await
                        .expect("create the test database");
                }
                admin.close().await;
                let mut url = url::Url::parse(&admin_url).expect("PASSERELLE_TEST_PG is a URL");
                url.set_path(&name);
                (url.to_string(), Cleanup::Postgres { admin_url, name })
            }
        };
        let db = Db::connect(&url)
            .await
            .expect("connect to the test database");
        db.migrate().await.expect("migrate the test database");
        TestDb { db, url, cleanup }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Cleanup::Postgres { admin_url, name } = &self.cleanup {
            let (admin_url, name, db) = (admin_url.clone(), name.clone(), self.db.clone());
            // Drop runs outside async: finish the clean-up on a small runtime of its own.
            let done = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("runtime");
                runtime.block_on(async move {
                    db.close().await;
                    if let Ok(Db::Postgres(pool)) = Db::connect(&admin_url).await {
                        let _ =
                            sqlx::query(&format!("drop database if exists {name} with (force)"))
                                .execute(&pool)
                                .await;
                        pool.close().await;
                    }
                });
            });
            let _ = done.join();
        }
    }
}

/// The application over a fresh database.
pub struct TestApp {
    pub router: Router,
    pub test_db: TestDb,
    pub settings: Settings,
}

impl TestApp {
    pub async fn new(backend: Backend) -> TestApp {
        let test_db = TestDb::new(backend).await;
        let settings = Settings {
            database_url: test_db.url.clone(),
            site_addr: "127.0.0.1:0".parse().expect("address"),
            site_root: site_root(),
            hash_file: Some(hash_file()),
            secure_cookies: Some(false),
            trust_proxy: false,
            retention: Default::default(),
            mail: Default::default(),
        };
        let state = AppState::new(&settings, test_db.db.clone());
        let router = server::app(state).expect("router");
        TestApp {
            router,
            test_db,
            settings,
        }
    }

    pub fn db(&self) -> &Db {
        &self.test_db.db
    }

    /// The app served over real TCP on a free port, as in production (`TCP_NODELAY` included),
    /// for a browser or raw sockets: its address.
    pub async fn serve_tcp(&self) -> std::net::SocketAddr {
        use axum::serve::ListenerExt;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let router = self.router.clone();
        tokio::spawn(async move {
            axum::serve(
                listener.tap_io(server::no_delay),
                router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
            )
            .await
            .expect("serve");
        });
        addr
    }

    pub fn client(&self) -> Client {
        Client::new(self.router.clone(), "203.0.113.10")
    }

    /// A new browser-like client with no cookies, from `address`.
    pub fn client_from(&self, address: &str) -> Client {
        Client::new(self.router.clone(), address)
    }

    /// A client of another server on the same database, started with these settings changed
    /// (as another deployment would be).
    pub fn client_of(&self, change: impl FnOnce(&mut Settings)) -> Client {
        let mut settings = self.settings.clone();
        change(&mut settings);
        let router = server::app(AppState::new(&settings, self.db().clone())).expect("router");
        Client::new(router, "203.0.113.10")
    }

    /// Creates an account directly (as `passerelle create-user` does) and returns its id.
    pub async fn user(&self, email: &str, role: app::domain::accounts::role::Role) -> i64 {
        let email = app::domain::accounts::email::Email::parse(email).expect("valid email");
        server::seed::create(self.db(), &email, role, PASSWORD, None)
            .await
            .expect("create user")
    }

    /// The token of the newest sign-up link queued for `email`, as the mail would carry it
    /// (read from the outbox before the worker sends it; tests that check the mail itself use
    /// `smtp::SmtpServer`).
    pub async fn sign_up_token(&self, email: &str) -> Option<String> {
        // The address is bound, not written into the SQL: the statement is logged.
        const SQL: &str = "select secret from outbox where address = $1 \
             and link = '/signup/finish' order by id desc limit 1";
        match self.db() {
            Db::Sqlite(pool, _) => {
                sqlx::query_scalar(SQL)
                    .bind(email)
                    .fetch_optional(pool)
                    .await
            }
            Db::Postgres(pool) => {
                sqlx::query_scalar(SQL)
                    .bind(email)
                    .fetch_optional(pool)
                    .await
            }
        }
        .expect("sign-up token query")
        .flatten()
    }

    /// Signs `client` up as a new applicant `email`: the form, then the mailed link's page
    /// (the password typed again).
    /// The answer to the last step (the client is signed in when it is 200).
    pub async fn sign_up(&self, client: &mut Client, email: &str, password: &str) -> TestResponse {
        let asked = client
            .call("/api/signup", &[("email", email), ("password", password)])
            .await;
        assert_eq!(asked.status, 200, "sign up as {email}: {}", asked.body);
        let normalised = email.trim().to_lowercase();
        let token = self
            .sign_up_token(&normalised)
            .await
            .unwrap_or_else(|| panic!("no sign-up link was queued for {normalised}"));
        client
            .call(
                "/api/accounts/finish_sign_up",
                &[("token", &token), ("password", password)],
            )
            .await
    }

    /// A client signed in as the existing account `email` (harness password).
    pub async fn login(&self, email: &str) -> Client {
        self.login_with(email, PASSWORD).await
    }

    /// A client signed in as `email` with `password`; the sign-in must succeed.
    pub async fn login_with(&self, email: &str, password: &str) -> Client {
        let mut client = self.client();
        let response = client.login(email, password).await;
        assert_eq!(response.status, 200, "login as {email}: {}", response.body);
        client
    }

    /// The id of the account `email` (test inspection only).
    pub async fn user_id(&self, email: &str) -> i64 {
        self.count(&format!("select id from users where email = '{email}'"))
            .await
    }

    /// The id of the row of `table` (trainings, grant calls) with `reference`, as a form
    /// sends it.
    pub async fn id_of(&self, table: &str, reference: &str) -> String {
        self.count(&format!(
            "select id from {table} where reference = '{reference}'"
        ))
        .await
        .to_string()
    }

    /// A client already signed in as a new account of `role`.
    pub async fn signed_in(&self, role: app::domain::accounts::role::Role) -> Client {
        let email = format!("{}@example.org", role.as_str());
        self.user(&email, role).await;
        self.login(&email).await
    }

    /// The table tower-sessions keeps sessions in (its name differs per backend).
    pub fn session_table(&self) -> &'static str {
        match self.db() {
            Db::Sqlite(..) => "tower_sessions",
            Db::Postgres(_) => "tower_sessions.session",
        }
    }

    /// Sessions stored in the database.
    pub async fn session_count(&self) -> i64 {
        let table = self.session_table();
        self.count(&format!("select count(*) from {table}")).await
    }

    /// Runs a scalar query (test inspection only).
    pub async fn count(&self, sql: &str) -> i64 {
        match self.db() {
            Db::Sqlite(pool, _) => sqlx::query_scalar(sql).fetch_one(pool).await,
            Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
        }
        .expect("count query")
    }

    /// Runs one statement (test set-up only: states other suites reach through the pages).
    pub async fn exec(&self, sql: &str) {
        self.try_exec(sql)
            .await
            .unwrap_or_else(|error| panic!("{sql}: {error}"))
    }

    /// Runs one statement the database may refuse (to test that it does).
    pub async fn try_exec(&self, sql: &str) -> Result<(), sqlx::Error> {
        match self.db() {
            Db::Sqlite(pool, _) => sqlx::query(sql).execute(pool).await.map(drop),
            Db::Postgres(pool) => sqlx::query(sql).execute(pool).await.map(drop),
        }
    }

    /// Runs a query returning one text value or none (test inspection only; cast non-text
    /// columns with `cast(… as text)`, which both databases read the same way).
    pub async fn text(&self, sql: &str) -> Option<String> {
        match self.db() {
            Db::Sqlite(pool, _) => sqlx::query_scalar(sql).fetch_optional(pool).await,
            Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_optional(pool).await,
        }
        .expect("text query")
    }
}

/// The password of accounts made by the harness.
pub const PASSWORD: &str = "un mot de passe vraiment long";

/// Declares each test once and runs it on SQLite and on PostgreSQL:
/// `both_backends! { async fn name(app) { … } }` makes `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! both_backends {
    ($(async fn $name:ident($app:ident) $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;

                async fn run($app: $crate::TestApp) $body

                #[test]
                fn sqlite() {
                    $crate::block_on(async {
                        run($crate::TestApp::new($crate::Backend::Sqlite).await).await
                    })
                }

                #[test]
                fn postgres() {
                    $crate::block_on(async {
                        run($crate::TestApp::new($crate::Backend::Postgres).await).await
                    })
                }
            }
        )*
    };
}
