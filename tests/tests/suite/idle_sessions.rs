//! A session ends after its role's idle time counted from the person's last request (30
//! minutes for staff, four hours for applicants), not from the sign-in, and an active session
//! is not written on every page. On SQLite and PostgreSQL.

use app::auth::idle::RENEWED_AT_KEY;
use app::db::accounts::sessions::DbSessionStore;
use app::domain::accounts::role::Role;
use passerelle_tests::{both_backends, Client, TestApp};
use std::str::FromStr;
use time::{Duration, OffsetDateTime};
use tower_sessions::session::{Id, Record};
use tower_sessions::SessionStore;

both_backends! {
    async fn a_staff_session_ends_thirty_idle_minutes_after_the_last_request_not_the_sign_in(app) {
        let mut client = app.signed_in(Role::Caseworker).await;
        let home = Role::Caseworker.home_path();
        assert_eq!(minutes_left(&stored(&app, &client).await), 29, "30 minutes from the sign-in");

        // 25 minutes later the caseworker opens a page: 30 minutes again from now (the
        // layer's default of four hours would be wrong for staff).
        assert!(minutes_left(&idle_for(&app, &client, 25).await) < 5);
        assert_eq!(client.get(home).await.status, 200);
        let renewed = stored(&app, &client).await;
        assert_eq!(minutes_left(&renewed), 29, "pushed back to 30 minutes");

        // The next pages within the minute write nothing.
        assert_eq!(client.get(home).await.status, 200);
        assert_eq!(stored(&app, &client).await.expiry_date, renewed.expiry_date);

        // 31 idle minutes end it: the page asks to sign in again.
        idle_for(&app, &client, 31).await;
        let page = client.get(home).await;
        assert!(page.location().unwrap_or_default().starts_with("/login?next="), "{}", page.status);
    }

    async fn someone_made_staff_while_signed_in_gets_the_staff_idle_time(app) {
        let mut client = app.signed_in(Role::Applicant).await;
        assert_eq!(minutes_left(&stored(&app, &client).await), 239);
        app.exec("update users set role = 'caseworker' where email = 'applicant@example.org'").await;
        idle_for(&app, &client, 2).await;
        assert_eq!(client.get(Role::Caseworker.home_path()).await.status, 200);
        assert_eq!(minutes_left(&stored(&app, &client).await), 29, "30 minutes, as for staff");
    }

    async fn an_applicant_session_lasts_four_idle_hours_from_the_last_request(app) {
        let mut client = app.signed_in(Role::Applicant).await;
        assert_eq!(minutes_left(&stored(&app, &client).await), 239);
        idle_for(&app, &client, 200).await;
        assert_eq!(client.get("/me").await.status, 200);
        assert_eq!(minutes_left(&stored(&app, &client).await), 239, "pushed back to four hours");
    }
}

/// The stored record of the client's session.
async fn stored(app: &TestApp, client: &Client) -> Record {
    let id = Id::from_str(&client.session_id().expect("signed in")).expect("a session id");
    let store = DbSessionStore::new(app.db());
    store
        .load(&id)
        .await
        .expect("sessions load")
        .expect("the session is stored")
}

/// Rewrites the client's session as if it had sat idle for `minutes` since its last request.
async fn idle_for(app: &TestApp, client: &Client, minutes: i64) -> Record {
    let mut record = stored(app, client).await;
    let idle = Duration::minutes(minutes);
    record.expiry_date -= idle;
    let renewed = record.data[RENEWED_AT_KEY]
        .as_i64()
        .expect("a renewal time");
    record.data.insert(
        RENEWED_AT_KEY.into(),
        (renewed - idle.whole_seconds()).into(),
    );
    DbSessionStore::new(app.db())
        .save(&record)
        .await
        .expect("sessions save");
    record
}

/// Whole minutes before the session expires.
fn minutes_left(record: &Record) -> i64 {
    (record.expiry_date - OffsetDateTime::now_utc()).whole_minutes()
}
