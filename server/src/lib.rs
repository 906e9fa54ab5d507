//! Passerelle's server: wiring only. The router is built by [`app`] from an [`AppState`], so
//! tests drive the very router `serve` runs.

#![recursion_limit = "256"]

pub mod compress;
pub mod config;
pub mod middleware;
pub mod outbox;
pub mod seed;
pub mod seed_catalogue;
pub mod seed_scale;

use ::app::db::accounts::sessions::DbSessionStore;
use ::app::db::Db;
use ::app::state::ServerContext;
use ::app::{document, shell, App};
use anyhow::Context;
use axum::extract::{FromRef, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{any, get};
use axum::serve::ListenerExt;
use axum::{Json, Router};
use axum_login::AuthManagerLayerBuilder;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::sync::OnceLock;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

pub use config::Settings;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "passerelle_session";

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub ctx: ServerContext,
    pub secure_cookies: bool,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl AppState {
    pub fn new(settings: &Settings, db: Db) -> Self {
        let leptos_options = LeptosOptions::builder()
            .output_name("passerelle")
            .site_root(settings.site_root.as_str())
            .site_pkg_dir("pkg")
            .site_addr(settings.site_addr)
            .build();
        let leptos_options = ::app::assets::with_hashes(leptos_options, &settings.hash_file());
        AppState {
            leptos_options,
            ctx: ServerContext {
                db,
                trust_proxy: settings.trust_proxy,
                people: Default::default(),
                catalogue: Default::default(),
            },
            secure_cookies: settings.secure_cookies(),
        }
    }
}

/// The app's routes, generated once per process.
///
/// `generate_route_list` renders the app with a process-wide flag raised that leaves any resource
/// first polled meanwhile — by a request being rendered on another thread — pending forever
/// (leptos_server 0.8 `SuppressResourceLoad`, leptos issue #4773). Generating the list once, before
/// the first router exists, means no request can be rendering while the flag is up; calling it per
/// router made a page of a concurrently running test hang now and then.
fn route_list() -> &'static [AxumRouteListing] {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App))
}

/// Every page the router knows must be listed in `app::domain::accounts::access::PAGES`, so that no page
/// can exist without an access rule.
pub fn unguarded_routes() -> Vec<String> {
    route_list()
        .iter()
        .map(|route| route.path().to_owned())
        .filter(|path| ::app::domain::accounts::access::page_access(path).is_none())
        .collect()
}

/// The whole site: pages, server functions, static files, `/healthz`, and the layers that
/// guard them.
pub fn app(state: AppState) -> anyhow::Result<Router> {
    let unguarded = unguarded_routes();
    anyhow::ensure!(
        unguarded.is_empty(),
        "pages without an access rule in app::domain::accounts::access::PAGES: {unguarded:?}"
    );
    let routes = route_list().to_vec();
    let ctx = state.ctx.clone();
    let provide = move || provide_context(ctx.clone());

    let sessions = SessionManagerLayer::new(DbSessionStore::new(&state.ctx.db))
        .with_name(SESSION_COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(state.secure_cookies)
        .with_expiry(Expiry::OnInactivity(time::Duration::minutes(
            ::app::domain::accounts::role::Role::Applicant.idle_timeout_minutes(),
        )));
    let auth =
        AuthManagerLayerBuilder::new(::app::auth::Backend::new(state.ctx.db.clone()), sessions)
            .build();

    Ok(Router::new()
        .route("/healthz", get(healthz))
        .merge(::app::server_fns::file_routes(state.ctx.clone()))
        .merge(moved_endpoints())
        .leptos_routes_with_context(&state, routes, provide.clone(), document)
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(provide, shell))
        .layer(axum::middleware::from_fn(
            middleware::finish_abandoned_pages,
        ))
        .layer(axum::middleware::from_fn(middleware::guard_pages))
        .layer(axum::middleware::from_fn(middleware::clean_form_referer))
        .layer(axum::middleware::from_fn(::app::auth::idle::keep_alive))
        .layer(auth)
        // After the session layer, so a bundle file costs no session lookup.
        .nest_service("/pkg", bundle_files(&state.leptos_options))
        .layer(axum::middleware::from_fn(middleware::check_origin))
        .layer(axum::middleware::from_fn_with_state(
            state.secure_cookies,
            middleware::security_headers,
        ))
        .layer(axum::middleware::from_fn(middleware::cache_control))
        .layer(axum::middleware::from_fn(compress::brotli))
        // Gzip for clients without brotli (brotli is `compress::brotli`'s, with a window
        // fitted to pages); level 4 costs a third of level 6 for a few bytes more.
        .layer(
            CompressionLayer::new()
                .br(false)
                .quality(CompressionLevel::Precise(4)),
        )
        .layer(TraceLayer::new_for_http().make_span_with(request_span))
        .with_state(state))
}

/// The span of a request in the logs: its method and path, never its query string (search forms
/// are GETs, and what people search for is names, addresses and phone numbers).
fn request_span(request: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    tracing::debug_span!("request", method = %request.method(), path = %request.uri().path())
}

/// The bundle (`/pkg/`: WebAssembly, scripts, styles), straight from disk: a precompressed copy
/// when the browser takes it, `304` to a browser that asks whether its copy is still good, a
/// byte range when asked. It sits outside the session layer: a file is the same for everyone,
/// so it needs no session read from the database. A missing file is a plain `404`.
fn bundle_files(options: &LeptosOptions) -> ServeDir {
    ServeDir::new(format!("{}/{}", options.site_root, options.site_pkg_dir))
        .precompressed_br()
        .precompressed_gzip()
}

/// The old addresses of renamed server functions, each a 308 to its new one.
fn moved_endpoints() -> Router<AppState> {
    ::app::server_fns::MOVED
        .iter()
        .fold(Router::new(), |router, (old, new)| {
            let new = *new;
            router.route(old, any(move || async move { Redirect::permanent(new) }))
        })
}

/// 200 with the backend's name when the database answers, 503 when it does not.
async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    let db = state.ctx.db.backend().as_str();
    match state.ctx.db.ping().await {
        Ok(()) => (
            StatusCode::OK,
            Json(serde_json::json!({ "status": "ok", "db": db })),
        ),
        Err(error) => {
            tracing::error!(%error, "health check: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(serde_json::json!({ "status": "unavailable", "db": db })),
            )
        }
    }
}

/// Connects and migrates: the start of every command.
pub async fn open_database(settings: &Settings) -> anyhow::Result<Db> {
    let db = Db::connect(&settings.database_url)
        .await
        .with_context(|| format!("failed to open the {} database", settings.database_kind()))?;
    db.migrate()
        .await
        .context("failed to migrate the database")?;
    Ok(db)
}

/// Runs the web server until Ctrl-C or SIGTERM.
pub async fn serve(settings: Settings) -> anyhow::Result<()> {
    if settings.mail.smtp_host.is_some() && settings.mail.public_url.is_none() {
        anyhow::bail!(
            "PASSERELLE_PUBLIC_URL must be set with PASSERELLE_SMTP_HOST: links in messages \
             would otherwise point to http://{}",
            settings.site_addr
        );
    }
    let db = open_database(&settings).await?;
    spawn_cleanup(db.clone());
    spawn_retention(db.clone(), settings.retention.periods());
    let state = AppState::new(&settings, db);
    spawn_matched(state.ctx.clone());
    outbox::Worker::new(state.ctx.db.clone(), &settings.mail, &settings.public_url())?.spawn();
    let router = app(state)?;
    let listener = tokio::net::TcpListener::bind(settings.site_addr)
        .await
        .with_context(|| format!("failed to listen on {}", settings.site_addr))?
        .tap_io(no_delay);
    tracing::info!(addr = %settings.site_addr, db = settings.database_kind(), "Passerelle is listening");
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .context("server error")
}

/// `TCP_NODELAY` on every accepted connection. A page goes out in several writes; with Nagle's
/// algorithm the second one waits for the browser's delayed ACK (about 40 ms), so every page
/// over a reused connection stalled. A socket whose option cannot be set is served anyway.
pub fn no_delay(stream: &mut tokio::net::TcpStream) {
    if let Err(error) = stream.set_nodelay(true) {
        tracing::warn!(%error, "could not set TCP_NODELAY on a connection");
    }
}

/// Every few minutes: forget expired sessions, the matching index's old changes, old messages
/// and links; remind of monitoring visits now due; then give the memory a burst of requests
/// freed back to the system.
fn spawn_cleanup(db: Db) {
    use tower_sessions::ExpiredDeletion;
    tokio::spawn(async move {
        let store = DbSessionStore::new(&db);
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(300));
        loop {
            tick.tick().await;
            if let Err(error) = store.delete_expired().await {
                tracing::warn!(%error, "could not delete expired sessions");
            }
            let pruned = async {
                let mut tx = db.begin().await?;
                let n = ::app::db::matching::index::prune(
                    &mut tx,
                    ::app::db::matching::index::CHANGES_KEPT,
                )
                .await?;
                tx.commit().await?;
                Ok::<_, ::app::error::AppError>(n)
            };
            if let Err(error) = pruned.await {
                tracing::warn!(%error, "could not prune the matching index's changes");
            }
            if let Err(error) = forget_old_messages(&db).await {
                tracing::warn!(%error, "could not remove old messages, reset links and sign-ups");
            }
            match remind_visits(&db).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(plans = n, "monitoring visit reminders sent"),
                Err(error) => tracing::warn!(%error, "could not send visit reminders"),
            }
            ::app::memory::give_back();
        }
    });
}

/// Tells mentors and business owners of the monitoring visits now due (each reminder once,
/// whichever server finds it first).
async fn remind_visits(db: &Db) -> Result<usize, ::app::error::AppError> {
    let mut tx = db.begin().await?;
    let reminded = ::app::db::monitoring::reminders::remind(&mut tx, ::app::db::now()).await?;
    tx.commit().await?;
    Ok(reminded)
}

/// Reset links and sign-ups a day past their end, and messages done `KEEP_DONE_DAYS` ago.
async fn forget_old_messages(db: &Db) -> Result<(), ::app::error::AppError> {
    use ::app::db::{accounts::sign_ups, accounts::tokens, notifications::outbox};
    use ::app::domain::notifications::delivery::KEEP_DONE_DAYS;
    let mut tx = db.begin().await?;
    tokens::forget_old(&mut tx).await?;
    sign_ups::forget_old(&mut tx).await?;
    outbox::forget_done(&mut tx, KEEP_DONE_DAYS).await?;
    tx.commit().await?;
    Ok(())
}

/// Every five minutes, from half a minute after start: who was found eligible for an offer
/// (donor reporting's "matched"), so that someone eligible for an offer open only a few days is
/// counted even if no one reads the report meanwhile; then new offers are announced to the
/// applicants who asked to be told. Every instance runs it; a check that finds
/// nothing new costs three small reads.
fn spawn_matched(ctx: ::app::state::ServerContext) {
    tokio::spawn(async move {
        let start = tokio::time::Instant::now() + std::time::Duration::from_secs(30);
        let mut tick = tokio::time::interval_at(start, std::time::Duration::from_secs(300));
        loop {
            tick.tick().await;
            let today = ::app::db::now().date();
            match ::app::db::reporting::matched::refresh(
                &ctx.db,
                &ctx.people,
                &ctx.catalogue,
                today,
            )
            .await
            {
                Ok(0) => {}
                Ok(found) => tracing::info!(found, "people found eligible for an offer"),
                Err(error) => {
                    tracing::warn!(%error, "could not check who is eligible for an offer")
                }
            }
            match ::app::db::notifications::offer_alerts::announce(&ctx.db, &ctx.catalogue, today)
                .await
            {
                Ok(0) => {}
                Ok(told) => tracing::info!(told, "new offers announced to people who asked"),
                Err(error) => tracing::warn!(%error, "could not announce new offers"),
            }
        }
    });
}

/// Once a day, from a minute after start: the retention periods (`passerelle retention`). Every
/// instance runs it; a second run the same day finds nothing left to remove.
fn spawn_retention(db: Db, periods: ::app::domain::privacy::retention::Periods) {
    tokio::spawn(async move {
        let start = tokio::time::Instant::now() + std::time::Duration::from_secs(60);
        let day = std::time::Duration::from_secs(24 * 60 * 60);
        let mut tick = tokio::time::interval_at(start, day);
        loop {
            tick.tick().await;
            match ::app::db::privacy::retention::apply(&db, periods, false).await {
                Ok(report) => {
                    let counts: Vec<String> = report
                        .swept
                        .iter()
                        .map(|s| format!("{}={}", s.what.as_str(), s.count))
                        .collect();
                    tracing::info!(removed = %counts.join(" "), "retention applied");
                }
                Err(error) => tracing::warn!(%error, "could not apply the retention periods"),
            }
        }
    });
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
