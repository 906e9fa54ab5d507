//! The HTML shell and the router.

use crate::components::layout::{Footer, Header};
use crate::i18n::*;
use crate::pages;
use leptos::prelude::*;
use leptos_i18n::context::CookieOptions;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

/// How long the language cookie lasts, in milliseconds (leptos-use's unit): a year.
const LANGUAGE_COOKIE_MS: i64 = 365 * 24 * 60 * 60 * 1000;

/// The pages that hold an `#[island]`: the plan editor (autosave, preview, live totals) and the
/// skills search (results as you type). Only these load the browser bundle; every other page
/// is plain HTML and forms, and ships no script at all (`tests/…/islands.rs` checks this list
/// against what each page renders).
pub const ISLAND_PAGES: &[&str] = &["/plans/plan", "/skills"];

/// Whether the page at `path` needs the browser bundle.
pub fn page_has_islands(path: &str) -> bool {
    ISLAND_PAGES.contains(&path)
}

/// The document around every page, as Leptos's error and file handler asks for it (the options
/// are not needed: the bundle's names are known once, at start-up).
pub fn shell(_options: LeptosOptions) -> impl IntoView {
    document()
}

/// The document around every page. `lang` and `dir` on `<html>` are set by the i18n provider.
pub fn document() -> impl IntoView {
    #[cfg(feature = "ssr")]
    content_security_policy();
    // Islands mode: nothing outside an island is hydrated, so no resource's data is written
    // into the page for a script.
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let scripts = requested_path()
        .is_some_and(|path| page_has_islands(&path))
        .then(islands_script);
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="icon" href="data:," />
                // The stylesheet's hashed name, read once at start-up (Leptos's
                // `HashedStylesheet` reads the hash file from disk for every page).
                <link rel="stylesheet" id="passerelle" href=stylesheet_href() />
                {scripts}
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The stylesheet's hashed address (the shell renders only on the server).
fn stylesheet_href() -> &'static str {
    #[cfg(feature = "ssr")]
    return crate::assets::bundle().css.as_str();
    #[cfg(not(feature = "ssr"))]
    ""
}

/// The script that hydrates a page's islands (the shell renders only on the server).
fn islands_script() -> impl IntoView {
    #[cfg(feature = "ssr")]
    return crate::components::islands::IslandScripts();
    #[cfg(not(feature = "ssr"))]
    ()
}

/// The path of the page being rendered (on the server; the shell never renders in the browser).
fn requested_path() -> Option<String> {
    #[cfg(feature = "ssr")]
    return use_context::<http::request::Parts>().map(|parts| parts.uri.path().to_owned());
    #[cfg(not(feature = "ssr"))]
    None
}

/// A fresh nonce for this response, allowed by the page's Content-Security-Policy: the only
/// inline scripts that run are the ones Leptos itself writes with it.
#[cfg(feature = "ssr")]
fn content_security_policy() {
    use leptos::nonce::{provide_nonce, use_nonce};
    provide_nonce();
    let (Some(nonce), Some(response)) =
        (use_nonce(), use_context::<leptos_axum::ResponseOptions>())
    else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'"
    );
    if let Ok(value) = http::HeaderValue::from_str(&policy) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let cookie = CookieOptions::<Locale>::default()
        .path("/")
        .max_age(LANGUAGE_COOKIE_MS);
    view! {
        <I18nContextProvider cookie_options=cookie>
            <Router>
                <Header />
                <main id="content">
                    <Routes fallback=pages::shared::not_found::NotFound>
                        <Route path=path!("/") view=pages::shared::home::HomePage ssr=SsrMode::InOrder />
                        <Route path=path!("/login") view=pages::accounts::login::LoginPage ssr=SsrMode::InOrder />
                        <Route path=path!("/signup") view=pages::accounts::signup::SignupPage ssr=SsrMode::InOrder />
                        <Route path=path!("/signup/finish") view=pages::accounts::signup::FinishSignUpPage ssr=SsrMode::InOrder />
                        <Route path=path!("/skills") view=pages::profile::taxonomy::SkillsPage ssr=SsrMode::InOrder />
                        <Route path=path!("/password/forgot") view=pages::accounts::reset::ForgotPage ssr=SsrMode::InOrder />
                        <Route path=path!("/password/reset") view=pages::accounts::reset::ResetPage ssr=SsrMode::InOrder />
                        <Route path=path!("/notifications") view=pages::notifications::inbox::NotificationsPage ssr=SsrMode::InOrder />
                        <Route path=path!("/admin/outbox") view=pages::notifications::outbox::OutboxPage ssr=SsrMode::InOrder />
                        <Route path=path!("/account/password") view=pages::accounts::password::PasswordPage ssr=SsrMode::InOrder />
                        <Route path=path!("/me") view=pages::accounts::dashboards::ApplicantHome ssr=SsrMode::InOrder />
                        <Route path=path!("/profile") view=pages::profile::ProfilePage ssr=SsrMode::InOrder />
                        <Route path=path!("/me/data") view=pages::privacy::held::HeldDataPage ssr=SsrMode::Async />
                        <Route path=path!("/matches") view=pages::matching::MatchesPage ssr=SsrMode::InOrder />
                        <Route path=path!("/enrolments") view=pages::enrolments::mine::EnrolmentsPage ssr=SsrMode::InOrder />
                        <Route path=path!("/plans") view=pages::plans::mine::PlansPage ssr=SsrMode::InOrder />
                        <Route path=path!("/plans/activity") view=pages::mentoring::PlanActivityPage ssr=SsrMode::Async />
                        <Route path=path!("/mentor/caseload") view=pages::mentoring::CaseloadPage ssr=SsrMode::InOrder />
                        <Route path=path!("/mentor/visit") view=pages::monitoring::VisitPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/mentoring") view=pages::mentoring::desk::MentoringDeskPage ssr=SsrMode::InOrder />
                        <Route path=path!("/plans/plan") view=pages::plans::PlanPage ssr=SsrMode::Async />
                        <Route path=path!("/plans/compare") view=pages::plans::compare::ComparePage ssr=SsrMode::Async />
                        <Route path=path!("/caseworker") view=pages::accounts::dashboards::CaseworkerHome ssr=SsrMode::InOrder />
                        <Route path=path!("/caseworker/applicants") view=pages::profile::ApplicantsPage ssr=SsrMode::InOrder />
                        <Route path=path!("/caseworker/profile") view=pages::profile::assisted::AssistedProfilePage ssr=SsrMode::InOrder />
                        <Route path=path!("/caseworker/data") view=pages::privacy::held::HeldDataPage ssr=SsrMode::Async />
                        <Route path=path!("/mentor") view=pages::accounts::dashboards::MentorHome ssr=SsrMode::InOrder />
                        <Route path=path!("/committee") view=pages::accounts::dashboards::CommitteeHome ssr=SsrMode::InOrder />
                        <Route path=path!("/committee/review") view=pages::committee::review::ReviewPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/committee") view=pages::committee::desk::CommitteeDeskPage ssr=SsrMode::Async />
                        <Route path=path!("/finance") view=pages::accounts::dashboards::FinanceHome ssr=SsrMode::InOrder />
                        <Route path=path!("/admin") view=pages::accounts::dashboards::AdminHome ssr=SsrMode::InOrder />
                        <Route path=path!("/admin/users") view=pages::accounts::users::AdminUsersPage ssr=SsrMode::InOrder />
                        <Route path=path!("/admin/audit") view=pages::privacy::trail::AuditTrailPage ssr=SsrMode::InOrder />
                        <Route path=path!("/admin/erasures") view=pages::privacy::erasures::ErasuresPage ssr=SsrMode::InOrder />
                        <Route path=path!("/staff/matches") view=pages::matching::shortlist::StaffMatchesPage ssr=SsrMode::InOrder />
                        <Route path=path!("/admin/enrolments") view=pages::enrolments::desk::AdminEnrolmentsPage ssr=SsrMode::InOrder />
                        <Route path=path!("/admin/trainings") view=pages::catalogue::trainings::TrainingsPage ssr=SsrMode::InOrder />
                        <Route path=path!("/admin/trainings/edit") view=pages::catalogue::training_edit::TrainingEditPage ssr=SsrMode::InOrder />
                        <Route path=path!("/admin/trainings/import") view=pages::catalogue::import::ImportPage ssr=SsrMode::InOrder />
                        <Route path=path!("/admin/calls") view=pages::catalogue::calls::CallsPage ssr=SsrMode::InOrder />
                        <Route path=path!("/admin/calls/edit") view=pages::catalogue::call_edit::CallEditPage ssr=SsrMode::InOrder />
                        <Route path=path!("/admin/money") view=pages::money::admin::MoneyOverviewPage ssr=SsrMode::InOrder />
                        <Route path=path!("/admin/money/call") view=pages::money::admin::CallMoneyPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/suppliers") view=pages::money::payees::SuppliersPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/monitoring") view=pages::monitoring::sustainability::SustainabilityPage ssr=SsrMode::Async />
                        <Route path=path!("/reporting") view=pages::reporting::dashboard::ReportPage ssr=SsrMode::Async />
                        <Route path=path!("/reporting/print") view=pages::reporting::print::PrintPage ssr=SsrMode::Async />
                        <Route path=path!("/reporting/settings") view=pages::reporting::settings::ReportSettingsPage ssr=SsrMode::Async />
                    </Routes>
                </main>
                <Footer />
            </Router>
        </I18nContextProvider>
    }
}
