//! Erasure on request (issue 16, point 3): one admin asks, a second carries it out. Afterwards
//! no text column of any table holds the person's name, address, phone, document number or
//! anything they wrote; the money and audit records stay and still add up; the account cannot
//! sign in and its address registers again as a new person. A cancelled request erases nothing.

use super::held_data::everything;
use super::money::{release, settle, tranche_id, WALLET};
use app::db::Db;
use app::domain::accounts::role::Role;
use passerelle_tests::{both_backends, Client, TestApp};

/// What Awa is, typed or written: none of it may be left anywhere once she is erased.
const AWA: &[&str] = &[
    "Awa Koné",
    "awa@example.org",
    "0661000111",
    "RC-AWA-4411",
    "Atelier Nour",
    "Retouches et robes",
    "Mon idée : un atelier",
    "Précisez vos clientes",
    "Le marché du quartier",
    "Trouver un local",
    "Le fournisseur de tissu",
    "Projet viable.",
    "recu.pdf",
];

/// Every text column of every table, as `(table, column)`.
async fn text_columns(app: &TestApp) -> Vec<(String, String)> {
    match app.db() {
        Db::Sqlite(pool, _) => {
            let tables: Vec<String> = sqlx::query_scalar(
                "select name from sqlite_master where type = 'table' \
                 and name not like 'sqlite_%' and name not like '_sqlx%'",
            )
            .fetch_all(pool)
            .await
            .expect("tables");
            let mut columns = Vec::new();
            for table in tables {
                let rows: Vec<(String, String)> =
                    sqlx::query_as("select name, lower(type) from pragma_table_info($1)")
                        .bind(&table)
                        .fetch_all(pool)
                        .await
                        .expect("columns");
                columns.extend(
                    rows.into_iter()
                        .filter(|(_, kind)| kind == "text")
                        .map(|(name, _)| (table.clone(), name)),
                );
            }
            columns
        }
        Db::Postgres(pool) => sqlx::query_as(
            "select table_name::text, column_name::text from information_schema.columns \
             where table_schema = 'public' and table_name not like '_sqlx%' \
             and data_type in ('text', 'character varying')",
        )
        .fetch_all(pool)
        .await
        .expect("columns"),
    }
}

/// Where each of `needles` is still written: `table.column: needle`.
async fn found(app: &TestApp, needles: &[&str]) -> Vec<String> {
    let columns = text_columns(app).await;
    assert!(
        columns.len() > 40,
        "the scan reads every table: {columns:?}"
    );
    let mut hits = Vec::new();
    for (table, column) in &columns {
        for needle in needles {
            let sql = format!(
                "select count(*) from \"{table}\" where \"{column}\" like '%{}%'",
                needle.replace('\'', "''")
            );
            if app.count(&sql).await > 0 {
                hits.push(format!("{table}.{column}: {needle}"));
            }
        }
    }
    hits
}

async fn ask(admin: &mut Client, person: &str, reason: &str, note: &str) -> (u16, String) {
    let response = admin
        .call(
            "/api/privacy/ask_erasure",
            &[("person", person), ("reason", reason), ("note", note)],
        )
        .await;
    (response.status.as_u16(), response.body)
}

async fn carry_out(admin: &mut Client, request: &str, confirmed: bool) -> (u16, String) {
    let mut fields = vec![("request", request)];
    if confirmed {
        fields.push(("confirmed", "yes"));
    }
    let response = admin.call("/api/privacy/carry_out_erasure", &fields).await;
    (response.status.as_u16(), response.body)
}

async fn broken(app: &TestApp) -> Vec<(&'static str, Vec<i64>)> {
    let mut tx = app.db().read().await.expect("read");
    app::db::money::money_check::broken(&mut tx)
        .await
        .expect("invariants")
}

both_backends! {
    async fn a_second_admin_erases_the_person_and_nothing_of_them_is_left_but_the_money_adds_up(app) {
        let (mut awa, awa_id, plan) = everything(&app).await;
        let person = awa_id.to_string();
        let mut asker = app.login("admin@example.org").await;
        app.user("second.admin@example.org", Role::Admin).await;
        let mut second = app.login("second.admin@example.org").await;
        let money_before = asker.call("/api/money/overview", &[]).await.body;
        let note = "Awa Koné est venue au bureau avec sa carte RC-AWA-4411.";

        // Bad requests are named, and record nothing.
        let (code, body) = ask(&mut asker, "abc", "because", &"x".repeat(1001)).await;
        assert_eq!(code, 422);
        for problem in ["erasure_person_unknown", "erasure_reason_unknown", "note_too_long"] {
            assert!(body.contains(problem), "{body}");
        }
        let coach = app.user_id("coach@example.org").await.to_string();
        let (code, body) = ask(&mut asker, &coach, "person_asked", "").await;
        assert_eq!(code, 422, "staff are not erased here: {body}");
        assert!(body.contains("erasure_person_unknown"));
        assert_eq!(app.count("select count(*) from erasure_requests").await, 0);

        let (code, body) = ask(&mut asker, &person, "person_asked", note).await;
        assert_eq!(code, 200, "{body}");
        let (code, body) = ask(&mut second, &person, "legal_order", "").await;
        assert_eq!(code, 422);
        assert!(body.contains("erasure_already_asked"), "{body}");
        let request = app.count("select id from erasure_requests").await.to_string();

        // Four eyes: the admin who asked cannot carry it out; the second must tick the box.
        let (code, body) = carry_out(&mut asker, &request, true).await;
        assert_eq!(code, 422);
        assert!(body.contains("erasure_same_admin"), "{body}");
        let (code, body) = carry_out(&mut second, &request, false).await;
        assert_eq!(code, 422);
        assert!(body.contains("erasure_not_confirmed"), "{body}");
        let page = asker.get("/admin/erasures").await;
        assert!(page.body.contains("data-test=\"second-admin\""), "the asker is told why");
        assert!(!page.body.contains("data-test=\"carry-out\""));
        let page = second.get("/admin/erasures").await;
        assert!(page.body.contains("data-test=\"carry-out\"") && page.body.contains("Awa Koné"));

        // Not while money is on its way to her.
        let second_tranche = tranche_id(&app, plan.parse().expect("plan"), 2).await;
        let (code, body) = release(&mut asker, &second_tranche, "k-erase-release-0002", &WALLET).await;
        assert_eq!(code, 200, "{body}");
        let (code, body) = carry_out(&mut second, &request, true).await;
        assert_eq!(code, 422);
        assert!(body.contains("erasure_money_in_flight"), "{body}");
        let mut finance = app.login("finance@example.org").await;
        let (code, body) = settle(&mut finance, &second_tranche, "k-erase-settle-00002", "paid").await;
        assert_eq!(code, 200, "{body}");
        assert!(found(&app, AWA).await.len() > 10, "the scan finds what is there");
        let money_before_erasure = asker.call("/api/money/overview", &[]).await.body;
        assert_ne!(money_before, money_before_erasure, "tranche 2 was paid meanwhile");

        // Someone signed up with her address: the sign-up and its mail name her too.
        let tried = app.client_from("192.0.2.77").call("/api/signup", &[("email", "awa@example.org"), ("password", passerelle_tests::PASSWORD)]).await;
        assert_eq!(tried.status, 200, "{}", tried.body);
        assert_eq!(app.count("select count(*) from sign_ups where email = 'awa@example.org'").await, 1);
        app.exec(&format!("update profiles set population_group = 'migrant', legal_status = 'refugee', disability = 'yes' where user_id = {awa_id}")).await;
        let (code, body) = carry_out(&mut second, &request, true).await;
        assert_eq!(code, 200, "{body}");

        // Nothing of her in any text column of any table; the others are still there.
        let key = app::db::accounts::login_attempts::account_key("awa@example.org");
        let mut needles = AWA.to_vec();
        needles.push(&key);
        assert_eq!(found(&app, &needles).await, Vec::<String>::new());
        assert_eq!(found(&app, &["Fatou Diallo", "RC-MARIAM-991"]).await.len(), 3, "others kept: her profile and comment, Mariam's document");
        // The money is untouched and still adds up.
        assert_eq!(broken(&app).await, vec![]);
        assert_eq!(asker.call("/api/money/overview", &[]).await.body, money_before_erasure);
        assert_eq!(app.count(&format!("select count(*) from payments y join tranches t on t.id = y.tranche_id where t.plan_id = {plan} and y.status = 'paid'")).await, 2);
        assert_eq!(app.count(&format!("select count(*) from decisions where plan_id = {plan} and outcome = 'approved' and amount_centimes = 800000")).await, 1);
        // Her account: no address, no password, closed; her session is over.
        assert_eq!(app.count(&format!("select count(*) from users where id = {awa_id} and email is null and password_hash is null and disabled_at is not null")).await, 1);
        assert_eq!(app.text(&format!("select full_name from profiles where user_id = {awa_id}")).await.as_deref(), Some(format!("#{awa_id}").as_str()));
        assert_eq!(app.count(&format!("select count(*) from profiles where user_id = {awa_id} and population_group is null and legal_status is null and disability is null")).await, 1, "her statistics answers are gone");
        assert_eq!(awa.get("/me").await.status, 303, "signed out");
        assert_eq!(app.client().login("awa@example.org", passerelle_tests::PASSWORD).await.status, 422);
        // On record, by numbers and codes; the request is closed and its note gone.
        let second_id = app.user_id("second.admin@example.org").await;
        assert_eq!(app.count(&format!("select count(*) from audit_log where action = 'person_erased' and actor_id = {second_id} and subject_id = {awa_id}")).await, 1);
        assert_eq!(app.count("select count(*) from erasure_requests where status = 'erased' and note is null").await, 1);
        let page = second.get("/admin/erasures").await;
        assert!(page.body.contains("data-status=\"erased\"") && page.body.contains(&format!("#{awa_id}")));
        // A second request for the same person is refused.
        let (code, body) = ask(&mut asker, &person, "person_asked", "").await;
        assert_eq!(code, 422);
        assert!(body.contains("already_erased"), "{body}");

        // Her address registers again, as a new person.
        let signup = app.sign_up(&mut app.client(), "awa@example.org", passerelle_tests::PASSWORD).await;
        assert_eq!(signup.status, 200, "{}", signup.body);
        assert_ne!(app.user_id("awa@example.org").await, awa_id);
    }

    async fn a_cancelled_request_erases_nothing_and_keeps_no_note(app) {
        let (_awa, _awa_id, _plan) = everything(&app).await;
        let fatou = app.user_id("fatou@example.org").await.to_string();
        let mut admin = app.login("admin@example.org").await;
        let (code, body) = ask(&mut admin, &fatou, "duplicate_account", "Doublon de Fatou Diallo").await;
        assert_eq!(code, 200, "{body}");
        let request = app.count("select id from erasure_requests").await.to_string();
        let cancelled = admin.call("/api/privacy/cancel_erasure", &[("request", &request)]).await;
        assert_eq!(cancelled.status, 200, "{}", cancelled.body);
        assert_eq!(app.count("select count(*) from erasure_requests where status = 'cancelled' and note is null").await, 1);
        assert_eq!(found(&app, &["Fatou Diallo", "fatou@example.org", "RC-FATOU-778"]).await.len(), 4, "profile, comment, account, document");
        app.user("second.admin@example.org", Role::Admin).await;
        let (code, body) = carry_out(&mut app.login("second.admin@example.org").await, &request, true).await;
        assert_eq!(code, 422);
        assert!(body.contains("erasure_not_pending"), "{body}");
        // Asked again, it can be carried out later.
        let (code, _) = ask(&mut admin, &fatou, "person_asked", "").await;
        assert_eq!(code, 200);
        assert_eq!(app.count(&format!("select count(*) from audit_log where action = 'erasure_cancelled' and subject_id = {fatou}")).await, 1);
    }
}
