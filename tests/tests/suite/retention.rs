//! Retention (issue 16, point 4): a dry run counts and changes nothing; the real run removes
//! exactly the records past their period, closes unfinished sign-ups (whose address may sign
//! up again), withdraws drafts nobody touched and puts all of it on the audit trail.

use super::plan_support::{applicant_with_a_plan, awa_with_a_plan, fill_plan};
use app::db::privacy::retention::apply;
use app::db::Db;
use app::domain::accounts::role::Role;
use app::domain::privacy::retention::{Expiring, Periods};
use passerelle_tests::{both_backends, TestApp, PASSWORD};
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

/// `days` ago, as both databases read a literal time.
fn ago(days: i64) -> String {
    (OffsetDateTime::now_utc() - Duration::days(days))
        .replace_nanosecond(0)
        .expect("whole seconds")
        .format(&Rfc3339)
        .expect("format")
}

/// A stored session that expires `seconds` from now (in the past when negative), its expiry
/// written as tower-sessions writes it (RFC 3339; text on SQLite).
async fn session(app: &TestApp, id: &str, seconds: i64) {
    let at = (OffsetDateTime::now_utc() + Duration::seconds(seconds))
        .format(&Rfc3339)
        .expect("format");
    let table = app.session_table();
    let data = match app.db() {
        Db::Sqlite(..) => "x'00'",
        Db::Postgres(_) => "'\\x00'::bytea",
    };
    app.exec(&format!(
        "insert into {table} (id, data, expiry_date) values ('{id}', {data}, '{at}')"
    ))
    .await;
}

/// How many stored sessions have this id.
async fn stored_session(app: &TestApp, id: &str) -> i64 {
    let table = app.session_table();
    app.count(&format!("select count(*) from {table} where id = '{id}'"))
        .await
}

async fn attempt(app: &TestApp, days: i64, address: &str) {
    let at = ago(days);
    app.exec(&format!(
        "insert into login_attempts (at, account_key, address, succeeded) values ('{at}', 'k', '{address}', false)"
    ))
    .await;
}

async fn receipt(app: &TestApp, actor: i64, key: &str, days: i64) {
    let at = ago(days);
    app.exec(&format!(
        "insert into idempotency_keys (key, actor_id, endpoint, request_hash, response, created_at) \
         values ('{key}', {actor}, 'money/release', 'h', '{{}}', '{at}')"
    ))
    .await;
}

/// Everything retention could touch, to compare before and after.
async fn snapshot(app: &TestApp) -> Vec<i64> {
    vec![
        app.session_count().await,
        app.count("select count(*) from login_attempts").await,
        app.count("select count(*) from idempotency_keys").await,
        app.count("select count(*) from users where email is not null")
            .await,
        app.count("select count(*) from users where disabled_at is not null")
            .await,
        app.count("select count(*) from audit_log").await,
    ]
}

both_backends! {
    async fn a_dry_run_counts_what_the_real_run_then_removes_and_nothing_else(app) {
        // Sign-ups: one abandoned 400 days ago, one from last week, an applicant of 400 days with
        // a profile, a mentor of 400 days (staff have no profile).
        let abandoned = app.user("abandoned@example.org", Role::Applicant).await;
        app.user("recent@example.org", Role::Applicant).await;
        let profiled = app.user("profiled@example.org", Role::Applicant).await;
        let mentor = app.user("old.mentor@example.org", Role::Mentor).await;
        let old = ago(400);
        app.exec(&format!("update users set created_at = '{old}' where id in ({abandoned}, {profiled}, {mentor})")).await;
        app.exec(&format!("update users set created_at = '{}' where email = 'recent@example.org'", ago(7))).await;
        app.exec(&format!(
            "insert into profiles (user_id, full_name, created_at, updated_at) values ({profiled}, 'Awa Diallo', '{old}', '{old}')"
        ))
        .await;
        session(&app, "expired-session", -60).await;
        session(&app, "live-session", 3600).await;
        for days in [91, 120, 365] {
            attempt(&app, days, "198.51.100.7").await;
        }
        attempt(&app, 89, "198.51.100.8").await;
        attempt(&app, 0, "198.51.100.9").await;
        receipt(&app, mentor, "an-old-money-request-key", 31).await;
        receipt(&app, mentor, "a-recent-money-request-key", 29).await;
        let before = snapshot(&app).await;

        let dry = apply(app.db(), Periods::default(), true).await.expect("dry run");
        assert!(dry.dry_run);
        assert_eq!(dry.count(Expiring::ExpiredSessions), 1);
        assert_eq!(dry.count(Expiring::SignInAttempts), 3);
        assert_eq!(dry.count(Expiring::IdempotencyReceipts), 1);
        assert_eq!(dry.count(Expiring::UnfinishedSignUps), 1);
        assert_eq!(snapshot(&app).await, before, "a dry run changes nothing");

        let done = apply(app.db(), Periods::default(), false).await.expect("retention");
        let counts = |report: &app::domain::privacy::retention::Report| {
            report.swept.iter().map(|s| (s.what, s.count)).collect::<Vec<_>>()
        };
        assert_eq!(counts(&done), counts(&dry), "the run removes what the dry run counted");
        assert_eq!(app.session_count().await, before[0] - 1);
        assert_eq!(stored_session(&app, "live-session").await, 1, "a live session is kept");
        assert_eq!(app.count("select count(*) from login_attempts where address = '198.51.100.7'").await, 0);
        assert_eq!(app.count("select count(*) from login_attempts where address <> '198.51.100.7'").await, 2);
        assert_eq!(app.count("select count(*) from idempotency_keys where key = 'a-recent-money-request-key'").await, 1);
        assert_eq!(app.count("select count(*) from idempotency_keys").await, 1);
        // The abandoned account is closed and holds nothing; the others are as they were.
        assert_eq!(app.count(&format!(
            "select count(*) from users where id = {abandoned} and email is null and password_hash is null and disabled_at is not null"
        )).await, 1);
        assert_eq!(app.count("select count(*) from users where email is not null").await, before[3] - 1);
        assert_eq!(app.count("select count(*) from users where disabled_at is not null").await, before[4] + 1);
        assert_eq!(app.count(&format!(
            "select count(*) from audit_log where action = 'sign_up_expired' and subject_type = 'user' and subject_id = {abandoned} and actor_id is null"
        )).await, 1);
        let details = app.text("select details from audit_log where action = 'retention_applied'").await.expect("the run is on record");
        let details: serde_json::Value = serde_json::from_str(&details).expect("json");
        assert_eq!(details, serde_json::json!({
            "expired_sessions": 1, "sign_in_attempts": 3, "idempotency_receipts": 1, "unfinished_sign_ups": 1,
            "stale_drafts": 0
        }));

        // A second run the same day finds nothing and records nothing.
        let again = apply(app.db(), Periods::default(), false).await.expect("second run");
        assert_eq!(again.total(), 0);
        assert_eq!(app.count("select count(*) from audit_log where action = 'retention_applied'").await, 1);
    }

    async fn a_closed_sign_up_cannot_sign_in_and_its_address_can_sign_up_again(app) {
        let abandoned = app.user("abandoned@example.org", Role::Applicant).await;
        app.exec(&format!("update users set created_at = '{}' where id = {abandoned}", ago(366))).await;
        let done = apply(app.db(), Periods::default(), false).await.expect("retention");
        assert_eq!(done.count(Expiring::UnfinishedSignUps), 1);

        let mut client = app.client();
        let refused = client.login("abandoned@example.org", PASSWORD).await;
        assert_ne!(refused.status, 200, "{}", refused.body);
        let mut again = app.client();
        let signed_up = app.sign_up(&mut again, "abandoned@example.org", PASSWORD).await;
        assert_eq!(signed_up.status, 200, "{}", signed_up.body);
        assert_ne!(app.user_id("abandoned@example.org").await, abandoned, "a new person, a new account");
        assert_eq!(again.get("/me").await.status, 200);
    }

    async fn shorter_periods_expire_more(app) {
        attempt(&app, 10, "198.51.100.7").await;
        attempt(&app, 2, "198.51.100.8").await;
        let week = Periods { sign_in_attempts_days: 7, ..Periods::default() };
        let report = apply(app.db(), week, true).await.expect("dry run");
        assert_eq!(report.count(Expiring::SignInAttempts), 1);
        assert_eq!(apply(app.db(), Periods::default(), true).await.expect("dry run").count(Expiring::SignInAttempts), 0);
    }

    async fn a_draft_nobody_touched_for_its_period_is_withdrawn_by_passerelle_and_its_text_removed(app) {
        let (mut awa, stale) = awa_with_a_plan(&app).await;
        fill_plan(&app, &stale).await;
        let (_fatou, fresh) = applicant_with_a_plan(&app, "fatou@example.org", "Fatou Diallo").await;
        fill_plan(&app, &fresh).await;
        app.exec(&format!("update plans set updated_at = '{}' where id = {stale}", ago(366))).await;
        let sections = |plan: &str| format!("select count(*) from plan_sections where plan_id = {plan}");
        assert_eq!(app.count(&sections(&stale)).await, 6);

        let dry = apply(app.db(), Periods::default(), true).await.expect("dry run");
        assert_eq!(dry.count(Expiring::StaleDrafts), 1);
        assert_eq!(app.text(&format!("select status from plans where id = {stale}")).await.as_deref(), Some("draft"));
        let done = apply(app.db(), Periods::default(), false).await.expect("retention");
        assert_eq!(done.count(Expiring::StaleDrafts), 1);

        assert_eq!(app.text(&format!("select status from plans where id = {stale}")).await.as_deref(), Some("withdrawn"));
        assert_eq!(app.count(&sections(&stale)).await, 0, "its text is gone");
        assert_eq!(app.text(&format!("select figures from plans where id = {stale}")).await.as_deref(), Some("{}"));
        assert_eq!(app.text(&format!("select status from plans where id = {fresh}")).await.as_deref(), Some("draft"));
        assert_eq!(app.count(&sections(&fresh)).await, 6, "a draft in use is kept");
        assert_eq!(app.count(&format!(
            "select count(*) from plan_events where plan_id = {stale} and actor_id is null and action = 'withdraw' and to_status = 'withdrawn'"
        )).await, 1);
        assert_eq!(app.count(&format!(
            "select count(*) from audit_log where action = 'draft_expired' and subject_type = 'plan' and subject_id = {stale} and actor_id is null"
        )).await, 1);
        // Awa's timeline tells her who withdrew it.
        awa.cookies.insert("i18n_pref_locale".into(), "fr".into());
        let page = awa.get(&format!("/plans/activity?id={stale}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Passerelle elle-même"), "{}", page.body);
        assert_eq!(apply(app.db(), Periods::default(), false).await.expect("again").count(Expiring::StaleDrafts), 0);
    }
}
