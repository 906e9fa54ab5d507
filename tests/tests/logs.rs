//! No personal data in the logs (issue 16, point 6): the main flows of applicants, caseworkers
//! and admins run with every log line at debug captured, and none of the people's names,
//! addresses, phone numbers or document numbers appears in them. A binary of its own, so that
//! its process-wide log capture holds this test's lines and no other test's.

#![recursion_limit = "256"]

use app::domain::accounts::role::Role;
use passerelle_tests::{block_on, Backend, Client, TestApp, PASSWORD};
use std::sync::Mutex;

const NOTICE: &str = app::domain::profile::consent::NOTICE_VERSION;

/// What the people of this test are known by, as they typed it and as the app may store it.
const PERSONAL: [&str; 12] = [
    "Nafissatou",
    "Tchakountio",
    "nafissatou.tchakountio@example.org",
    "0661234567",
    "06 61 23 45 67",
    "661234567",
    "ZX4471920",
    "zx4471920",
    "Ousmane Bakayoko",
    "Bakayoko",
    "0677889900",
    "ousmane.bakayoko@example.org",
];

/// Every formatted log line of the process.
static CAPTURED: Mutex<Vec<u8>> = Mutex::new(Vec::new());

struct Capture;

impl std::io::Write for Capture {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        CAPTURED
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Installs the capture before the harness's runtime installs its own (which then stands down).
fn capture_debug_logs() {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new("debug"))
        .with_ansi(false)
        .with_writer(|| Capture)
        .try_init();
}

fn captured() -> String {
    String::from_utf8_lossy(&CAPTURED.lock().unwrap_or_else(|p| p.into_inner())).into_owned()
}

/// An applicant signs up, mistypes the password, signs in, consents, fills in the profile and a
/// document, looks at matches and signs out.
async fn applicant_flows(app: &TestApp) {
    let email = "nafissatou.tchakountio@example.org";
    let mut client = app.client();
    let signed_up = app.sign_up(&mut client, email, PASSWORD).await;
    assert_eq!(signed_up.status, 200, "{}", signed_up.body);
    let again = app
        .client()
        .call("/api/signup", &[("email", email), ("password", PASSWORD)])
        .await;
    assert_ne!(again.status, 500, "{}", again.body);
    let wrong = app
        .client()
        .login(email, "not the right password at all")
        .await;
    assert_ne!(wrong.status, 200);
    client
        .call(
            "/api/profile/give_consent",
            &[("notice_version", NOTICE), ("lang", "fr")],
        )
        .await;
    let identity = [
        ("full_name", "Nafissatou Tchakountio"),
        ("sex", "female"),
        ("birth_day", "14"),
        ("birth_month", "03"),
        ("birth_year", "1997"),
        ("nationality", "CM"),
        ("city", "tanger"),
        ("phone", "06 61 23 45 67"),
        ("version", "0"),
    ];
    let saved = client
        .post_form("/api/profile/save_identity", "/profile", &identity)
        .await;
    assert_eq!(saved.status, 302, "{}", saved.body);
    // A refused save carries the name back to the form: still nothing in the logs.
    let stale = client.call("/api/profile/save_identity", &identity).await;
    assert_eq!(stale.status, 409, "{}", stale.body);
    let card = [
        ("kind", "residence_card"),
        ("number", "ZX4471920"),
        ("expires_day", "31"),
        ("expires_month", "12"),
        ("expires_year", "2030"),
    ];
    let added = client
        .post_form("/api/profile/add_document", "/profile", &card)
        .await;
    assert_eq!(added.status, 302, "{}", added.body);
    for page in ["/me", "/profile", "/matches"] {
        assert_eq!(client.get(page).await.status, 200, "{page}");
    }
    client.call("/api/logout", &[]).await;
    assert_eq!(app.login(email).await.get("/me").await.status, 200);
}

/// A caseworker registers someone in person, finds them by name and phone, and hands the
/// account over; an admin searches the audit trail for the applicant by address and downloads it.
async fn staff_flows(app: &TestApp) {
    let mut cw = app.signed_in(Role::Caseworker).await;
    let registration = [
        ("full_name", "Ousmane Bakayoko"),
        ("phone", "0677889900"),
        ("notice_version", NOTICE),
        ("lang", "ar"),
        ("notice_read", "yes"),
        ("agreed", "yes"),
    ];
    let registered = cw
        .post_form(
            "/api/profile/register",
            "/caseworker/applicants",
            &registration,
        )
        .await;
    assert_eq!(registered.status, 302, "{}", registered.body);
    for search in ["Bakayoko", "0677889900"] {
        let found = cw.get(&format!("/caseworker/applicants?q={search}")).await;
        assert!(
            found.body.contains("Ousmane Bakayoko"),
            "{search}: {}",
            found.body
        );
    }
    let id = app
        .count("select max(id) from users where role = 'applicant'")
        .await
        .to_string();
    let profile = cw.get(&format!("/caseworker/profile?applicant={id}")).await;
    assert_eq!(profile.status, 200);
    let handed = cw
        .call(
            "/api/accounts/hand_over",
            &[
                ("applicant", &id),
                ("email", "ousmane.bakayoko@example.org"),
                ("password", "trois chats dorment au soleil"),
            ],
        )
        .await;
    assert_eq!(handed.status, 200, "{}", handed.body);

    let mut admin: Client = app.signed_in(Role::Admin).await;
    for page in [
        "/admin/users",
        "/admin/audit?actor=nafissatou.tchakountio%40example.org",
        "/admin/audit?actor=Tchakountio",
        "/admin/audit.csv?actor=Bakayoko",
    ] {
        assert_eq!(admin.get(page).await.status, 200, "{page}");
    }
}

async fn the_main_flows_log_no_personal_data(backend: Backend) {
    let app = TestApp::new(backend).await;
    applicant_flows(&app).await;
    staff_flows(&app).await;
    let logs = captured();
    assert!(
        logs.contains("/api/profile/save_identity"),
        "the capture sees the requests at debug: {logs}"
    );
    for personal in PERSONAL {
        if let Some(at) = logs.find(personal) {
            let start = logs[..at].rfind('\n').map_or(0, |n| n + 1);
            let end = logs[at..].find('\n').map_or(logs.len(), |n| at + n);
            panic!("{personal:?} is in the logs: {}", &logs[start..end]);
        }
    }
}

#[test]
fn the_main_flows_log_no_name_address_phone_or_document_number_on_sqlite() {
    capture_debug_logs();
    block_on(the_main_flows_log_no_personal_data(Backend::Sqlite));
}

#[test]
fn the_main_flows_log_no_name_address_phone_or_document_number_on_postgres() {
    capture_debug_logs();
    block_on(the_main_flows_log_no_personal_data(Backend::Postgres));
}
