//! Staff accounts, role changes, the audit trail, demo data and migrations.

use app::db::Db;
use app::domain::accounts::role::Role;
use passerelle_tests::both_backends;

async fn role_of(app: &passerelle_tests::TestApp, email: &str) -> String {
    column_of(app, "select role from users where email = $1", email).await
}

/// One value of the account with `email` (test inspection only).
async fn column_of<T>(app: &passerelle_tests::TestApp, sql: &str, email: &str) -> T
where
    T: Send + Unpin,
    for<'r> T: sqlx::Decode<'r, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite>,
    for<'r> T: sqlx::Decode<'r, sqlx::Postgres> + sqlx::Type<sqlx::Postgres>,
    (T,): for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>,
    (T,): for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>,
{
    match app.db() {
        Db::Sqlite(pool, _) => sqlx::query_scalar(sql).bind(email).fetch_one(pool).await,
        Db::Postgres(pool) => sqlx::query_scalar(sql).bind(email).fetch_one(pool).await,
    }
    .unwrap_or_else(|e| panic!("{sql} for {email}: {e}"))
}

both_backends! {
    async fn an_admin_creates_a_staff_account_that_can_sign_in(app) {
        let mut admin = app.signed_in(Role::Admin).await;
        let response = admin
            .call("/api/accounts/create_staff", &[("name", "  Karim   Alaoui "), ("email", "karim@example.org"), ("role", "finance"), ("password", "une phrase de passe solide")])
            .await;
        assert_eq!(response.status, 200, "{}", response.body);
        assert_eq!(role_of(&app, "karim@example.org").await, "finance");
        // Staff are shown by the name the admin gave, tidied.
        let name = app.text("select display_name from users where email = 'karim@example.org'").await;
        assert_eq!(name.as_deref(), Some("Karim Alaoui"));
        assert_eq!(app.count("select count(*) from audit_log where action = 'user_created' and actor_id is not null").await, 1);

        // The admin chose that password: Karim replaces it before anything else.
        let mut karim = app.client();
        let response = karim.login("karim@example.org", "une phrase de passe solide").await;
        assert_eq!(response.location(), Some("/account/password"));
        let changed = karim
            .call("/api/accounts/change_password", &[("current", "une phrase de passe solide"), ("new", "la mienne, que personne ne connaît")])
            .await;
        assert_eq!(changed.status, 200, "{}", changed.body);
        assert_eq!(karim.get("/finance").await.status, 200);

        let list = admin.call("/api/accounts/list_users", &[]).await;
        assert!(list.body.contains("karim@example.org"));
        let page = admin.get("/admin/users").await;
        assert!(page.body.contains("Karim Alaoui"), "{}", page.body);
    }

    async fn staff_creation_refuses_bad_input_and_the_applicant_role(app) {
        let mut admin = app.signed_in(Role::Admin).await;
        let response = admin
            .call("/api/accounts/create_staff", &[("name", " "), ("email", "x"), ("role", "applicant"), ("password", "short")])
            .await;
        assert_eq!(response.status, 422);
        for code in ["full_name_missing", "email_invalid", "role_unknown", "password_too_short"] {
            assert!(response.body.contains(code), "{code}: {}", response.body);
        }
        assert_eq!(app.count("select count(*) from users").await, 1);
    }

    async fn role_changes_are_guarded_and_audited(app) {
        let mut admin = app.signed_in(Role::Admin).await;
        app.user("sara@example.org", Role::Mentor).await;
        let sara = app.user_id("sara@example.org").await.to_string();

        let response = admin
            .call("/api/accounts/change_role", &[("user_id", &sara), ("current_role", "mentor"), ("role", "committee")])
            .await;
        assert_eq!(response.status, 200, "{}", response.body);
        assert_eq!(role_of(&app, "sara@example.org").await, "committee");
        assert_eq!(app.count("select count(*) from audit_log where action = 'role_changed'").await, 1);

        // Someone else changed it meanwhile: the stale form is refused, nothing overwritten.
        let stale = admin
            .call("/api/accounts/change_role", &[("user_id", &sara), ("current_role", "mentor"), ("role", "finance")])
            .await;
        assert_eq!(stale.status, 409);
        assert_eq!(role_of(&app, "sara@example.org").await, "committee");

        let missing = admin
            .call("/api/accounts/change_role", &[("user_id", "999999"), ("current_role", "mentor"), ("role", "finance")])
            .await;
        assert_eq!(missing.status, 404);
        assert_eq!(app.count("select count(*) from audit_log where action = 'role_changed'").await, 1);
    }

    async fn a_role_change_takes_effect_on_the_next_request(app) {
        let mut admin = app.signed_in(Role::Admin).await;
        let mut mentor = app.signed_in(Role::Mentor).await;
        assert_eq!(mentor.get("/mentor").await.status, 200);
        let id = app.user_id("mentor@example.org").await.to_string();
        admin
            .call("/api/accounts/change_role", &[("user_id", &id), ("current_role", "mentor"), ("role", "committee")])
            .await;
        assert_eq!(mentor.get("/mentor").await.status, 403);
        assert_eq!(mentor.get("/committee").await.status, 200);
    }

    async fn the_last_admin_cannot_be_demoted(app) {
        let mut admin = app.signed_in(Role::Admin).await;
        let id = app.user_id("admin@example.org").await.to_string();
        let response = admin
            .call("/api/accounts/change_role", &[("user_id", &id), ("current_role", "admin"), ("role", "mentor")])
            .await;
        assert_eq!(response.status, 422);
        assert!(response.body.contains("last_admin"));
        assert_eq!(role_of(&app, "admin@example.org").await, "admin");
        assert_eq!(app.count("select count(*) from audit_log where action = 'role_changed'").await, 0);
    }

    async fn the_audit_trail_cannot_be_rewritten(app) {
        app.signed_in(Role::Applicant).await;
        let update = "update audit_log set action = 'nothing'";
        let delete = "delete from audit_log";
        for sql in [update, delete] {
            let error = app.try_exec(sql).await.expect_err("append-only").to_string();
            assert!(error.contains("append-only"), "{error}");
        }
        assert!(app.count("select count(*) from audit_log where action = 'login_succeeded'").await >= 1);
    }

    async fn demo_seeding_is_idempotent_and_every_demo_account_signs_in(app) {
        let created = server::seed::demo(app.db()).await.expect("seed");
        assert_eq!(created, server::seed::DEMO_ACCOUNTS.len());
        assert_eq!(server::seed::demo(app.db()).await.expect("seed again"), 0);
        for (email, role, _) in server::seed::DEMO_ACCOUNTS {
            let mut client = app.client();
            let response = client.login(email, server::seed::DEMO_PASSWORD).await;
            assert_eq!(response.location(), Some(role.home_path()), "{email}");
        }
    }

    async fn migrating_twice_at_once_is_safe(app) {
        let (a, b) = (app.db().clone(), app.db().clone());
        let (first, second) = tokio::join!(a.migrate(), b.migrate());
        first.expect("first instance");
        second.expect("second instance");
        assert_eq!(app.count("select count(*) from users").await, 0);
    }

    async fn the_admin_page_lists_accounts_and_the_dashboard_counts_them(app) {
        let mut admin = app.signed_in(Role::Admin).await;
        app.user("a1@example.org", Role::Applicant).await;
        app.user("a2@example.org", Role::Applicant).await;
        let page = admin.get("/admin/users").await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("a1@example.org") && page.body.contains("a2@example.org"));
        let dashboard = admin.get("/admin").await;
        let count = dashboard.body.split("data-test=\"count-applicant\"").nth(1).expect("the applicant count");
        let count = count.split('>').nth(1).and_then(|rest| rest.split('<').next());
        assert_eq!(count, Some("2"), "{}", dashboard.body);
    }
}

#[test]
fn two_instances_migrating_a_new_postgres_database_together_are_safe() {
    passerelle_tests::block_on(async {
        let fresh = passerelle_tests::TestDb::new(passerelle_tests::Backend::Postgres).await;
        // Reset to an empty schema, then let two pools migrate at the same moment.
        if let Db::Postgres(pool) = &fresh.db {
            sqlx::query("drop schema public cascade")
                .execute(pool)
                .await
                .expect("drop");
            sqlx::query("drop schema if exists tower_sessions cascade")
                .execute(pool)
                .await
                .expect("drop");
            sqlx::query("create schema public")
                .execute(pool)
                .await
                .expect("create");
        }
        let a = Db::connect(&fresh.url).await.expect("a");
        let b = Db::connect(&fresh.url).await.expect("b");
        let (first, second) = tokio::join!(a.migrate(), b.migrate());
        first.expect("first instance migrates");
        second.expect("second instance migrates");
        a.close().await;
        b.close().await;
    })
}
