//! Staff accounts that no single admin can turn into a second pair of hands: first passwords
//! that must be replaced and expire, and a finance officer who may not confirm a payment
//! released by the admin who made their account. On SQLite and PostgreSQL.

use super::money::{approved, release, settle, tranche_id, WALLET};
use passerelle_tests::{both_backends, Client, TestApp};

const FIRST: &str = "premier mot de passe remis en main propre";
const OWN: &str = "ma phrase secrète choisie par moi";

/// The admin creates a staff account through the users page's function; its id.
async fn create_staff(app: &TestApp, admin: &mut Client, email: &str, role: &str) -> i64 {
    let response = admin
        .call(
            "/api/accounts/create_staff",
            &[
                ("name", "Nadia Benali"),
                ("email", email),
                ("role", role),
                ("password", FIRST),
            ],
        )
        .await;
    assert_eq!(response.status, 200, "{}", response.body);
    app.user_id(email).await
}

/// Signs in with the first password and replaces it, as the account's owner does.
async fn take_up(app: &TestApp, email: &str) -> Client {
    let mut client = app.client();
    let login = client.login(email, FIRST).await;
    assert_eq!(login.status, 200, "{}", login.body);
    let changed = client
        .call(
            "/api/accounts/change_password",
            &[("current", FIRST), ("new", OWN)],
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    client
}

both_backends! {
    async fn an_admin_cannot_confirm_their_release_through_an_account_they_made(app) {
        // The repro: create a finance account, release to a phone, confirm as it.
        let (plan, mut admin, mut finance) = approved(&app).await;
        create_staff(&app, &mut admin, "nadia@example.org", "finance").await;
        let mut made = take_up(&app, "nadia@example.org").await;
        let first = tranche_id(&app, plan, 1).await;
        let (code, body) = release(&mut admin, &first, "k-release-made-001", &WALLET).await;
        assert_eq!(code, 200, "{body}");

        let (code, body) = settle(&mut made, &first, "k-settle-made-0001", "paid").await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("checker_made_by_maker"), "{body}");
        let (code, body) = settle(&mut made, &first, "k-settle-made-0002", "failed").await;
        assert_eq!(code, 422, "{body}");
        assert_eq!(app.text(&format!("select status from tranches where id = {first}")).await.as_deref(), Some("released"));
        // Their desk says why instead of offering the forms; another officer's desk offers them.
        let desk = made.get("/finance").await;
        assert!(desk.body.contains("data-test=\"settle-refused\""), "{}", desk.body);
        assert!(!desk.body.contains("data-test=\"confirm-submit\""), "{}", desk.body);
        let desk = finance.get("/finance").await;
        assert!(desk.body.contains("data-test=\"confirm-submit\""), "{}", desk.body);
        assert!(!desk.body.contains("data-test=\"settle-refused\""));

        let (code, body) = settle(&mut finance, &first, "k-settle-other-001", "paid").await;
        assert_eq!(code, 200, "{body}");

        // Giving an existing officer a role or a first password makes them the admin's too.
        let officer = app.user_id("finance@example.org").await;
        let officer = officer.to_string();
        let given = admin
            .call("/api/accounts/set_first_password", &[("user_id", &officer), ("password", FIRST)])
            .await;
        assert_eq!(given.status, 200, "{}", given.body);
        let mut tx = app.db().read().await.expect("read");
        let makers = app::db::accounts::users::made_by(&mut tx, officer.parse().expect("id")).await.expect("made by");
        tx.commit().await.expect("commit");
        assert_eq!(makers, vec![app.user_id("admin@example.org").await]);
    }

    async fn a_first_password_must_be_replaced_and_expires(app) {
        app.user("admin@example.org", app::domain::accounts::role::Role::Admin).await;
        let mut admin = app.login("admin@example.org").await;
        let id = create_staff(&app, &mut admin, "nadia@example.org", "mentor").await;
        assert_eq!(app.count("select count(*) from users where email = 'nadia@example.org' and password_change_required and password_expires_at is not null").await, 1);

        // Signed in with it, the account can do nothing but replace it.
        let mut nadia = app.client();
        assert_eq!(nadia.login("nadia@example.org", FIRST).await.status, 200);
        let blocked = nadia.get("/mentor").await;
        assert_eq!(blocked.location(), Some("/account/password"));

        // Not taken up in time: it stops working, and its session ends with it. Only someone
        // who knows it learns that it expired.
        app.exec("update users set password_expires_at = created_at where email = 'nadia@example.org'").await;
        assert_eq!(nadia.get("/account/password").await.status, 303, "the session ended");
        let mut again = app.client();
        let expired = again.login("nadia@example.org", FIRST).await;
        assert_eq!(expired.status, 422, "{}", expired.body);
        assert!(expired.body.contains("first_password_expired"), "{}", expired.body);
        let wrong = app.client_from("192.0.2.80").login("nadia@example.org", "une autre phrase au hasard").await;
        assert!(wrong.body.contains("wrong_credentials"), "{}", wrong.body);

        // The admin gives a new one; never their own account's, never an applicant's.
        let bad = admin.call("/api/accounts/set_first_password", &[("user_id", &id.to_string()), ("password", "court")]).await;
        assert_eq!(bad.status, 422);
        assert!(bad.body.contains("password_too_short"), "{}", bad.body);
        let me = app.user_id("admin@example.org").await.to_string();
        let own = admin.call("/api/accounts/set_first_password", &[("user_id", &me), ("password", FIRST)]).await;
        assert_eq!(own.status, 404);
        let applicant = app.user("awa@example.org", app::domain::accounts::role::Role::Applicant).await.to_string();
        let theirs = admin.call("/api/accounts/set_first_password", &[("user_id", &applicant), ("password", FIRST)]).await;
        assert_eq!(theirs.status, 404);
        let given = admin.call("/api/accounts/set_first_password", &[("user_id", &id.to_string()), ("password", FIRST)]).await;
        assert_eq!(given.status, 200, "{}", given.body);
        assert_eq!(app.count("select count(*) from audit_log where action = 'first_password_set'").await, 1);
        let page = admin.get("/admin/users?done=first_password").await;
        assert!(page.body.contains("data-test=\"first-password\""), "{}", page.body);

        let mut nadia = take_up(&app, "nadia@example.org").await;
        assert_eq!(nadia.get("/mentor").await.status, 200);
        assert_eq!(app.count("select count(*) from users where email = 'nadia@example.org' and password_expires_at is null and not password_change_required").await, 1);
        assert_eq!(nadia.logout().await.status, 200);
        assert_eq!(app.client().login("nadia@example.org", OWN).await.status, 200);
    }
}
