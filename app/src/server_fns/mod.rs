//! Server functions, one per file under `<area>/<action>.rs`. Each is thin: authorise, validate
//! with the domain, persist in one transaction with its audit row, respond.
//!
//! Every function declares who may call it in [`ACCESS`]; a test calls each one as every kind
//! of caller to prove the table is what the code does.

pub mod accounts;
pub mod catalogue;
pub mod committee;
pub mod enrolments;
pub mod matching;
pub mod mentoring;
pub mod money;
pub mod monitoring;
pub mod notifications;
pub mod plans;
pub mod privacy;
pub mod profile;
pub mod reporting;
pub mod shared;

pub use shared::moved::MOVED;

use crate::domain::accounts::access::Access;
use crate::domain::accounts::role::Role;

/// Who may call each server function, by its URL. Deny by default: a function missing from
/// here fails the access test.
pub const ACCESS: &[(&str, Access)] = &[
    ("/api/signup", Access::Public),
    ("/api/accounts/finish_sign_up", Access::Public),
    ("/api/login", Access::Public),
    ("/api/logout", Access::Public),
    ("/api/set_locale", Access::Public),
    ("/api/accounts/request_reset", Access::Public),
    ("/api/accounts/reset_password", Access::Public),
    ("/api/notifications/mine", Access::Roles(&Role::ALL)),
    ("/api/notifications/mark_read", Access::Roles(&Role::ALL)),
    (
        "/api/notifications/offer_alerts",
        Access::Roles(&[Role::Applicant]),
    ),
    ("/api/notifications/outbox", ADMIN),
    ("/api/notifications/retry", ADMIN),
    ("/api/accounts/current_user", Access::Public),
    ("/api/accounts/dashboard", Access::Roles(&Role::ALL)),
    ("/api/accounts/change_password", Access::Roles(&Role::ALL)),
    ("/api/accounts/list_users", Access::Roles(&[Role::Admin])),
    ("/api/accounts/create_staff", Access::Roles(&[Role::Admin])),
    ("/api/accounts/change_role", Access::Roles(&[Role::Admin])),
    ("/api/accounts/rename_staff", Access::Roles(&[Role::Admin])),
    (
        "/api/accounts/set_first_password",
        Access::Roles(&[Role::Admin]),
    ),
    ("/api/profile/search_skills", Access::Public),
    ("/api/profile/load", PROFILE_EDITORS),
    ("/api/profile/give_consent", APPLICANT),
    ("/api/profile/withdraw_consent", PROFILE_EDITORS),
    ("/api/profile/save_identity", PROFILE_EDITORS),
    ("/api/profile/save_situation", PROFILE_EDITORS),
    ("/api/profile/add_document", PROFILE_EDITORS),
    ("/api/profile/remove_document", PROFILE_EDITORS),
    ("/api/profile/add_skill", PROFILE_EDITORS),
    ("/api/profile/remove_skill", PROFILE_EDITORS),
    ("/api/profile/add_work", PROFILE_EDITORS),
    ("/api/profile/remove_work", PROFILE_EDITORS),
    ("/api/profile/save_payee", PROFILE_EDITORS),
    ("/api/profile/remove_payee", PROFILE_EDITORS),
    ("/api/profile/applicants", CASEWORKER),
    ("/api/profile/register", CASEWORKER),
    ("/api/accounts/hand_over", CASEWORKER),
    ("/api/matching/mine", APPLICANT),
    ("/api/enrolments/request", APPLICANT),
    ("/api/enrolments/withdraw", APPLICANT),
    ("/api/enrolments/mine", APPLICANT),
    ("/api/enrolments/desk", Access::Roles(&[Role::Admin])),
    ("/api/enrolments/decide", Access::Roles(&[Role::Admin])),
    ("/api/plans/start", APPLICANT),
    ("/api/plans/mine", APPLICANT),
    ("/api/plans/load", PLAN_READERS),
    ("/api/plans/preview", PLAN_READERS),
    ("/api/plans/compare", PLAN_READERS),
    ("/api/plans/save_section", APPLICANT),
    ("/api/plans/save_figures", APPLICANT),
    ("/api/plans/dismiss_conflict", APPLICANT),
    (
        "/api/plans/transition",
        Access::Roles(&[Role::Applicant, Role::Mentor]),
    ),
    (
        "/api/plans/comment",
        Access::Roles(&[Role::Applicant, Role::Mentor]),
    ),
    (
        "/api/plans/activity",
        Access::Roles(&[Role::Applicant, Role::Mentor, Role::Admin]),
    ),
    ("/api/mentoring/log_session", MENTOR),
    ("/api/mentoring/caseload", MENTOR),
    ("/api/monitoring/visit_form", MENTOR),
    ("/api/monitoring/visits", PLAN_READERS),
    ("/api/monitoring/sustainability", ADMIN),
    ("/api/mentoring/desk", ADMIN),
    ("/api/mentoring/assign_mentor", ADMIN),
    ("/api/mentoring/mentor_profile", ADMIN),
    (
        "/api/matching/shortlist",
        Access::Roles(&[Role::Admin, Role::Caseworker]),
    ),
    ("/api/catalogue/list_trainings", ADMIN),
    ("/api/catalogue/load_training", ADMIN),
    ("/api/catalogue/save_training", ADMIN),
    ("/api/catalogue/import_status", ADMIN),
    ("/api/catalogue/list_calls", ADMIN),
    ("/api/catalogue/load_call", ADMIN),
    ("/api/catalogue/save_call", ADMIN),
    ("/api/committee/decide", Access::Roles(&[Role::Committee])),
    ("/api/money/release", ADMIN),
    ("/api/money/cancel", ADMIN),
    ("/api/money/settle", Access::Roles(&[Role::Finance])),
    ("/api/money/call", MONEY_STAFF),
    ("/api/money/overview", MONEY_STAFF),
    ("/api/money/desk", Access::Roles(&[Role::Finance])),
    ("/api/money/confirm_payee", Access::Roles(&[Role::Finance])),
    ("/api/money/suppliers", ADMIN),
    ("/api/money/propose_supplier", ADMIN),
    ("/api/money/approve_supplier", ADMIN),
    ("/api/money/retire_supplier", ADMIN),
    (
        "/api/money/plan",
        Access::Roles(&[Role::Applicant, Role::Mentor, Role::Admin, Role::Finance]),
    ),
    ("/api/committee/desk", ADMIN),
    ("/api/committee/add_member", ADMIN),
    ("/api/committee/remove_member", ADMIN),
    ("/api/committee/set_chair", ADMIN),
    ("/api/committee/create_session", ADMIN),
    ("/api/committee/put_on_agenda", ADMIN),
    ("/api/committee/home", COMMITTEE),
    ("/api/committee/review", COMMITTEE),
    ("/api/committee/declare", COMMITTEE),
    ("/api/committee/score", COMMITTEE),
    ("/api/privacy/trail", ADMIN),
    ("/api/privacy/held_data", PROFILE_EDITORS),
    ("/api/privacy/erasures", ADMIN),
    ("/api/privacy/ask_erasure", ADMIN),
    ("/api/privacy/carry_out_erasure", ADMIN),
    ("/api/privacy/cancel_erasure", ADMIN),
    ("/api/reporting/report", Access::Roles(reporting::READERS)),
    ("/api/reporting/settings", ADMIN),
    ("/api/reporting/save_settings", ADMIN),
];

/// Who reads the programme's money: admins (makers) and finance officers (checkers).
const MONEY_STAFF: Access = Access::Roles(&[Role::Admin, Role::Finance]);

/// Committee members, each on the calls whose committee they sit on (checked per plan).
const COMMITTEE: Access = Access::Roles(&[Role::Committee]);

/// The admin catalogue.
const ADMIN: Access = Access::Roles(&[Role::Admin]);

/// The applicant's own profile functions: they act on the signed-in person only, never on an id
/// sent by the caller.
const APPLICANT: Access = Access::Roles(&[Role::Applicant]);

/// The profile functions that act on a subject (`profile::subject`): an applicant on
/// themself, a caseworker on the applicant they name.
const PROFILE_EDITORS: Access = Access::Roles(&[Role::Applicant, Role::Caseworker]);

/// A mentor's own caseload and session log.
const MENTOR: Access = Access::Roles(&[Role::Mentor]);
/// Who may open a plan at all; each sees only the plans they stand in (owner, assigned mentor,
/// admin), anyone else's is "not found".
const PLAN_READERS: Access = Access::Roles(&[Role::Applicant, Role::Mentor, Role::Admin]);

/// Assisted registration and hand-over.
const CASEWORKER: Access = Access::Roles(&[Role::Caseworker]);

#[cfg(feature = "ssr")]
pub use ssr::*;

#[cfg(feature = "ssr")]
mod ssr {
    use crate::auth::{AuthSession, SessionUser};
    use crate::error::AppError;
    use crate::state::ServerContext;
    use http::request::Parts;
    use leptos::prelude::*;

    /// The server's shared state, provided for every request.
    pub fn context() -> Result<ServerContext, AppError> {
        use_context::<ServerContext>().ok_or_else(|| {
            tracing::error!("ServerContext missing from the Leptos context");
            AppError::Internal
        })
    }

    pub async fn auth_session() -> Result<AuthSession, AppError> {
        leptos_axum::extract::<AuthSession>()
            .await
            .map_err(|error| {
                tracing::error!(%error, "no auth session on the request");
                AppError::Internal
            })
    }

    /// The signed-in user if their role is one of `roles`: `Unauthenticated` when nobody is
    /// signed in, `Forbidden` for another role or while their password must be changed.
    pub async fn require(
        roles: &[crate::domain::accounts::role::Role],
    ) -> Result<SessionUser, AppError> {
        let user = auth_session()
            .await?
            .user
            .ok_or(AppError::Unauthenticated)?;
        // A password someone else chose must be replaced before anything else is done.
        if user.must_change_password {
            return Err(AppError::Forbidden);
        }
        if roles.contains(&user.role) {
            Ok(user)
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Whether the browser posted a plain form (JavaScript off) and expects a page back.
    pub fn wants_html() -> bool {
        use_context::<Parts>()
            .and_then(|parts| {
                parts
                    .headers
                    .get(http::header::ACCEPT)
                    .and_then(|v| v.to_str().ok())
                    .map(|accept| accept.contains("text/html"))
            })
            .unwrap_or(false)
    }

    /// Gives a script caller the error's HTTP status. A plain form post keeps the redirect
    /// back to its page, which then shows the error.
    pub fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
        if let Err(error) = &result {
            if !wants_html() {
                if let (Some(options), Ok(status)) = (
                    use_context::<leptos_axum::ResponseOptions>(),
                    http::StatusCode::from_u16(error.status_code()),
                ) {
                    options.set_status(status);
                    if let Some(seconds) = error.retry_after_seconds() {
                        options.insert_header(
                            http::header::RETRY_AFTER,
                            http::HeaderValue::from(seconds.max(1)),
                        );
                    }
                }
            }
        }
        result
    }

    /// The client's address for throttling: the socket peer, or the last hop of
    /// `X-Forwarded-For` when the server sits behind a trusted proxy.
    pub fn client_address(trust_proxy: bool) -> String {
        let Some(parts) = use_context::<Parts>() else {
            return "unknown".into();
        };
        if trust_proxy {
            let forwarded = parts
                .headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.rsplit(',').next())
                .map(|v| v.trim().to_owned());
            if let Some(address) = forwarded.filter(|a| !a.is_empty()) {
                return address;
            }
        }
        parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|info| info.0.ip().to_string())
            .unwrap_or_else(|| "unknown".into())
    }

    /// The endpoints that take or give files rather than pages (CSV downloads, the training
    /// import, monitoring visits with their evidence): plain axum handlers, each in its area's
    /// folder, since an upload and a download must work without JavaScript.
    pub fn file_routes<S>(ctx: ServerContext) -> axum::Router<S>
    where
        S: Clone + Send + Sync + 'static,
    {
        use super::{catalogue, matching, money, monitoring, privacy, reporting};
        use axum::extract::DefaultBodyLimit;
        use axum::routing::{get, post};
        axum::Router::new()
            .route(
                catalogue::export::TRAININGS_CSV,
                get(catalogue::export::trainings),
            )
            .route(catalogue::export::CALLS_CSV, get(catalogue::export::calls))
            .route(
                catalogue::import::TRAININGS_IMPORT,
                post(catalogue::import::upload).layer(DefaultBodyLimit::max(
                    crate::domain::catalogue::training_csv::MAX_BYTES + 64 * 1024,
                )),
            )
            .route(
                matching::shortlist_csv::SHORTLIST_CSV,
                get(matching::shortlist_csv::shortlist_csv),
            )
            .route(money::ledger::LEDGER_CSV, get(money::ledger::download))
            .route(
                privacy::trail_csv::TRAIL_CSV,
                get(privacy::trail_csv::download),
            )
            .route(privacy::held_json::MINE, get(privacy::held_json::download))
            .route(
                privacy::held_json::ARCHIVE,
                get(privacy::held_json::archive),
            )
            .route(
                privacy::held_json::ASSISTED,
                get(privacy::held_json::download),
            )
            .route(
                monitoring::visit::VISIT,
                post(monitoring::visit::record_visit)
                    .layer(DefaultBodyLimit::max(monitoring::visit::BODY_MAX)),
            )
            .route(
                monitoring::visit::EVIDENCE,
                get(monitoring::visit::download),
            )
            .route(
                crate::pages::reporting::export_path(),
                get(reporting::export::download),
            )
            .with_state(ctx)
    }

    /// A record id sent by a form. Anything that is not one is simply not found.
    pub fn parse_id(text: &str) -> Result<i64, AppError> {
        text.trim()
            .parse::<i64>()
            .ok()
            .filter(|id| *id > 0)
            .ok_or(AppError::NotFound)
    }

    /// The language the request is read in (the reader's choice, else their browser's).
    pub fn reader_language() -> crate::domain::shared::locale::Lang {
        use_context::<Parts>()
            .map(|parts| crate::components::plain_page::reader_language(&parts.headers))
            .unwrap_or(crate::domain::shared::locale::Lang::DEFAULT)
    }

    /// Sends the browser to `path` after the function returns (a 302 for plain forms, a
    /// client-side navigation otherwise).
    pub fn redirect(path: &str) {
        leptos_axum::redirect(path);
    }
}
