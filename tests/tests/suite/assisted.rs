//! Caseworker-assisted registration: consent taken in person, a profile edited on someone's
//! behalf, the hand-over of the account, and the walls around all of it.

use app::domain::accounts::role::Role;
use passerelle_tests::{both_backends, TestApp, PASSWORD};

const NOTICE: &str = app::domain::profile::consent::NOTICE_VERSION;

fn registration<'a>(name: &'a str, phone: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("full_name", name),
        ("phone", phone),
        ("notice_version", NOTICE),
        ("lang", "ar"),
        ("notice_read", "yes"),
        ("agreed", "yes"),
    ]
}

fn identity<'a>(applicant: &'a str, name: &'a str, version: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("full_name", name),
        ("sex", "female"),
        ("birth_day", "2"),
        ("birth_month", "9"),
        ("birth_year", "1994"),
        ("nationality", "ML"),
        ("city", "rabat"),
        ("phone", "06 61 22 33 44"),
        ("version", version),
        ("applicant", applicant),
    ]
}

/// A signed-in caseworker who registered Mariam; returns the client and Mariam's id.
async fn caseworker_with_mariam(app: &TestApp) -> (passerelle_tests::Client, String) {
    let mut cw = app.signed_in(Role::Caseworker).await;
    let response = cw
        .post_form(
            "/api/profile/register",
            "/caseworker/applicants",
            &registration("Mariam  Traoré", "06 61 22 33 44"),
        )
        .await;
    assert_eq!(response.status, 302, "{}", response.body);
    let id = app
        .count("select max(id) from users where role = 'applicant'")
        .await
        .to_string();
    assert!(
        response
            .location()
            .unwrap_or_default()
            .contains(&format!("/caseworker/profile?applicant={id}")),
        "{:?}",
        response.location()
    );
    (cw, id)
}

/// A self-registered applicant with consent and an identity; returns their id.
async fn applicant_with_profile(
    app: &TestApp,
    email: &str,
    name: &str,
) -> (passerelle_tests::Client, String) {
    let id = app.user(email, Role::Applicant).await;
    let mut client = app.client();
    client.login(email, PASSWORD).await;
    client
        .call(
            "/api/profile/give_consent",
            &[("notice_version", NOTICE), ("lang", "fr")],
        )
        .await;
    let fields = identity("", name, "0");
    let response = client
        .call("/api/profile/save_identity", &fields[..9])
        .await;
    assert_eq!(response.status, 200, "{}", response.body);
    (client, id.to_string())
}

both_backends! {
    async fn a_caseworker_registers_someone_with_consent_taken_in_person(app) {
        let (mut cw, id) = caseworker_with_mariam(&app).await;
        let cw_id = app.count("select id from users where role = 'caseworker'").await;
        assert_eq!(
            app.count(&format!("select count(*) from users where id = {id} and email is null and password_hash is null")).await,
            1,
            "an account nobody can sign in to yet"
        );
        assert_eq!(
            app.text(&format!("select notice_version || ' ' || language || ' ' || cast(recorded_by as text) from consents where user_id = {id} and in_person = true and given = true")).await,
            Some(format!("{NOTICE} ar {cw_id}"))
        );
        assert_eq!(
            app.text(&format!("select full_name || ' ' || phone || ' ' || cast(registered_by as text) from profiles where user_id = {id}")).await,
            Some(format!("Mariam Traoré 0661223344 {cw_id}"))
        );
        for action in ["applicant_registered", "consent_given"] {
            assert_eq!(
                app.count(&format!("select count(*) from audit_log where action = '{action}' and actor_id = {cw_id} and subject_id = {id}")).await,
                1,
                "{action}"
            );
        }
        let list = cw.get("/caseworker/applicants?q=traor").await;
        assert_eq!(list.status, 200);
        assert!(list.body.contains("Mariam Traoré"), "{}", list.body);
        assert!(list.body.contains("data-test=\"mine\""));
        assert!(list.body.contains(&format!("/caseworker/profile?applicant={id}")));
        let by_phone = cw.get("/caseworker/applicants?q=0661").await;
        assert!(by_phone.body.contains("Mariam Traoré"));
        let nobody = cw.get("/caseworker/applicants?q=zzz").await;
        assert!(!nobody.body.contains("Mariam Traoré"));
    }

    async fn registration_needs_the_caseworkers_confirmations_and_a_name(app) {
        let mut cw = app.signed_in(Role::Caseworker).await;
        let mut fields = registration("", "appelle-moi");
        fields.retain(|(name, _)| *name != "agreed");
        let response = cw.call("/api/profile/register", &fields).await;
        assert_eq!(response.status, 422);
        for code in ["full_name_missing", "phone_invalid", "consent_not_confirmed"] {
            assert!(response.body.contains(code), "{code} in {}", response.body);
        }
        let response = cw.post_form("/api/profile/register", "/caseworker/applicants", &fields).await;
        let location = response.location().expect("redirect back").to_owned();
        let page = cw.get(location.trim_start_matches(passerelle_tests::client::ORIGIN)).await;
        assert!(page.body.contains("a donné son accord"), "the French message: {}", page.body);
        assert_eq!(app.count("select count(*) from users where role = 'applicant'").await, 0);
        assert_eq!(app.count("select count(*) from consents").await, 0);
        assert_eq!(app.count("select count(*) from profiles").await, 0);
    }

    async fn a_caseworker_edits_the_profile_on_their_behalf_and_hands_it_over(app) {
        let (mut cw, id) = caseworker_with_mariam(&app).await;
        let cw_id = app.count("select id from users where role = 'caseworker'").await;
        let editor = format!("/caseworker/profile?applicant={id}");
        let page = cw.get(&editor).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("value=\"Mariam Traoré\""), "{}", page.body);
        assert!(page.body.contains(&format!("name=\"applicant\" value=\"{id}\"")), "forms name the person");
        assert!(page.body.contains("data-test=\"hand-over\""));
        assert!(app.count(&format!("select count(*) from audit_log where action = 'profile_viewed' and actor_id = {cw_id} and subject_id = {id}")).await >= 1);

        let response = cw.post_form("/api/profile/save_identity", &editor, &identity(&id, "Mariam Traoré", "1")).await;
        assert_eq!(response.status, 302, "{}", response.body);
        assert!(response.location().unwrap_or_default().contains(&format!("{editor}&saved=identity")));
        assert_eq!(
            app.text(&format!("select cast(birth_date as text) || ' ' || nationality || ' ' || city from profiles where user_id = {id}")).await.as_deref(),
            Some("1994-09-02 ML rabat")
        );
        let skill = [("skill", "hair.african-braiding"), ("level", "advanced"), ("years", "4"), ("applicant", id.as_str())];
        assert_eq!(cw.call("/api/profile/add_skill", &skill).await.status, 200);
        let job = [
            ("title", "Coiffeuse"), ("employer", ""), ("country", "ML"), ("town", "Bamako"),
            ("from_month", "1"), ("from_year", "2015"), ("to_month", "6"), ("to_year", "2019"),
            ("description", ""), ("applicant", id.as_str()),
        ];
        assert_eq!(cw.call("/api/profile/add_work", &job).await.status, 200);
        assert_eq!(app.count(&format!("select count(*) from profile_skills where user_id = {id}")).await, 1);
        assert_eq!(app.count(&format!("select count(*) from profile_work where user_id = {id}")).await, 1);
        assert_eq!(
            app.count(&format!("select count(*) from audit_log where action = 'profile_updated' and actor_id = {cw_id} and subject_id = {id}")).await,
            3
        );
        let search = cw.get(&format!("{editor}&skill_q=tresses")).await;
        assert!(search.body.contains("action=\"/caseworker/profile#skills\""), "the skill search stays here");

        // Hand-over: the sign-up rules, a taken address refused by name.
        app.user("taken@example.org", Role::Applicant).await;
        let taken = cw
            .call("/api/accounts/hand_over", &[("applicant", &id), ("email", "taken@example.org"), ("password", "trois chats dorment au soleil")])
            .await;
        assert_eq!(taken.status, 422);
        assert!(taken.body.contains("email_taken"), "{}", taken.body);
        let weak = cw
            .call("/api/accounts/hand_over", &[("applicant", &id), ("email", "mariam@example.org"), ("password", "court")])
            .await;
        assert!(weak.body.contains("password_too_short"), "{}", weak.body);
        let response = cw
            .post_form("/api/accounts/hand_over", &editor, &[("applicant", &id), ("email", "Mariam@Example.org"), ("password", "trois chats dorment au soleil")])
            .await;
        assert_eq!(response.status, 302, "{}", response.body);
        assert_eq!(
            app.text(&format!("select email from users where id = {id}")).await.as_deref(),
            Some("mariam@example.org")
        );
        let again = cw
            .call("/api/accounts/hand_over", &[("applicant", &id), ("email", "autre@example.org"), ("password", "quatre oiseaux chantent fort")])
            .await;
        assert_eq!(again.status, 422);
        assert!(again.body.contains("already_handed_over"), "{}", again.body);
        assert_eq!(
            app.text(&format!("select email from users where id = {id}")).await.as_deref(),
            Some("mariam@example.org"),
            "a second hand-over changes nothing"
        );
        assert_eq!(app.count("select count(*) from audit_log where action = 'account_handed_over'").await, 1);
        assert!(cw.get(&editor).await.body.contains("data-test=\"handed-over\""));

        // Mariam signs in. The caseworker chose that password, so she replaces it before anything.
        let mut mariam = app.client();
        let login = mariam.login("mariam@example.org", "trois chats dorment au soleil").await;
        assert_eq!(login.status, 200, "{}", login.body);
        let mut borrowed = app.client_from("198.51.100.7");
        assert_eq!(borrowed.login("mariam@example.org", "trois chats dorment au soleil").await.status, 200);
        let blocked = mariam.get("/profile").await;
        assert_eq!(blocked.status, 303);
        assert_eq!(blocked.location(), Some("/account/password"));
        assert_eq!(mariam.call("/api/profile/load", &[("lang", "fr")]).await.status, 403);
        let form = mariam.get("/account/password").await;
        assert!(form.body.contains("data-test=\"password-required\""), "{}", form.body);
        let wrong = mariam
            .call("/api/accounts/change_password", &[("current", "pas le bon mot de passe"), ("new", "ma propre phrase bien à moi")])
            .await;
        assert!(wrong.body.contains("wrong_password"), "{}", wrong.body);
        let same = mariam
            .call("/api/accounts/change_password", &[("current", "trois chats dorment au soleil"), ("new", "trois chats dorment au soleil")])
            .await;
        assert!(same.body.contains("password_unchanged"), "{}", same.body);
        let changed = mariam
            .call("/api/accounts/change_password", &[("current", "trois chats dorment au soleil"), ("new", "ma propre phrase bien à moi")])
            .await;
        assert_eq!(changed.status, 200, "{}", changed.body);
        assert_eq!(app.count("select count(*) from audit_log where action = 'password_changed'").await, 1);
        assert_eq!(borrowed.get("/profile").await.status, 303, "the other session ended");
        let mut caseworker_again = app.client_from("198.51.100.8");
        assert_ne!(
            caseworker_again.login("mariam@example.org", "trois chats dorment au soleil").await.status,
            200,
            "the caseworker's password no longer opens her account"
        );
        let page = mariam.get("/profile").await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("value=\"Mariam Traoré\""), "{}", page.body);
        assert!(page.body.contains("data-test=\"consent-given\""));
        assert!(page.body.contains("Tresses africaines"));
        assert!(page.body.contains("Coiffeuse"));
        assert!(!page.body.contains("name=\"applicant\""), "her own forms name nobody");
    }

    async fn an_applicant_sending_another_applicants_id_reads_and_changes_nothing(app) {
        let (_awa, awa_id) = applicant_with_profile(&app, "awa@example.org", "Awa Koné").await;
        let (mut moussa, _) = applicant_with_profile(&app, "moussa@example.org", "Moussa Diarra").await;
        let before = app.count("select count(*) from audit_log").await;

        let read = moussa.call("/api/profile/load", &[("lang", "fr"), ("applicant", &awa_id)]).await;
        assert_eq!(read.status, 404);
        assert!(!read.names("Awa"), "{}", read.body);
        let write = moussa.call("/api/profile/save_identity", &identity(&awa_id, "Awa K.", "1")).await;
        assert_eq!(write.status, 404);
        let job = [
            ("title", "Maçon"), ("employer", ""), ("country", "ML"), ("town", ""),
            ("from_month", "1"), ("from_year", "2015"), ("to_month", "6"), ("to_year", "2019"),
            ("description", ""), ("applicant", awa_id.as_str()),
        ];
        assert_eq!(moussa.call("/api/profile/add_work", &job).await.status, 404);
        let skill = [("skill", "hair.african-braiding"), ("level", "advanced"), ("years", "4"), ("applicant", awa_id.as_str())];
        assert_eq!(moussa.call("/api/profile/add_skill", &skill).await.status, 404);
        assert_eq!(app.text(&format!("select full_name from profiles where user_id = {awa_id}")).await.as_deref(), Some("Awa Koné"));
        assert_eq!(app.count("select count(*) from profile_work").await, 0);
        assert_eq!(app.count("select count(*) from profile_skills").await, 0);
        assert_eq!(app.count("select count(*) from audit_log").await, before, "nothing written");
        assert_eq!(moussa.get(&format!("/caseworker/profile?applicant={awa_id}")).await.status, 403);
    }

    async fn a_caseworker_naming_staff_an_unknown_id_or_someone_without_consent_gets_nothing(app) {
        let mut cw = app.signed_in(Role::Caseworker).await;
        let mentor = app.user("mentor@example.org", Role::Mentor).await.to_string();
        for applicant in [mentor.as_str(), "999999"] {
            let read = cw.call("/api/profile/load", &[("lang", "fr"), ("applicant", applicant)]).await;
            assert_eq!(read.status, 404, "{applicant}");
            let write = cw.call("/api/profile/save_identity", &identity(applicant, "Intrus", "0")).await;
            assert_eq!(write.status, 404, "{applicant}");
            let hand_over = cw
                .call("/api/accounts/hand_over", &[("applicant", applicant), ("email", "x@example.org"), ("password", "un mot de passe vraiment long")])
                .await;
            assert_eq!(hand_over.status, 404, "{applicant}");
        }
        assert_eq!(cw.call("/api/profile/load", &[("lang", "fr")]).await.status, 404, "a caseworker must name someone");

        let silent = app.user("silent@example.org", Role::Applicant).await.to_string();
        let read = cw.call("/api/profile/load", &[("lang", "fr"), ("applicant", &silent)]).await;
        assert_eq!(read.status, 422);
        assert!(read.body.contains("consent_required"), "{}", read.body);
        let write = cw.call("/api/profile/save_identity", &identity(&silent, "Sans Accord", "0")).await;
        assert!(write.body.contains("consent_required"), "{}", write.body);
        assert_eq!(app.count("select count(*) from profiles").await, 0);
        assert_eq!(app.count("select count(*) from users where email = 'x@example.org'").await, 0);
        let list = cw.get("/caseworker/applicants").await;
        assert!(!list.body.contains(&format!("applicant={silent}\"")), "only people who agreed are listed");
        let page = cw.get(&format!("/caseworker/profile?applicant={mentor}")).await;
        assert_eq!(page.status, 200);
        assert!(!page.body.contains("data-test=\"identity\""), "{}", page.body);
    }

    async fn other_roles_cannot_use_the_caseworker_pages(app) {
        for role in [Role::Mentor, Role::Admin, Role::Applicant] {
            let mut client = app.signed_in(role).await;
            assert_eq!(client.get("/caseworker/applicants").await.status, 403, "{role:?}");
            assert_eq!(client.get("/caseworker/profile?applicant=1").await.status, 403, "{role:?}");
            let response = client.call("/api/profile/register", &registration("Mariam Traoré", "")).await;
            assert_eq!(response.status, 403, "{role:?}");
        }
        assert_eq!(app.count("select count(*) from consents").await, 0);
        assert_eq!(app.count("select count(*) from profiles").await, 0);
    }

    async fn an_account_without_an_email_can_never_hold_a_password(app) {
        let sql = "insert into users (email, password_hash, role, created_at) \
                   values (null, 'x', 'applicant', '2026-11-29T00:00:00Z')";
        assert!(app.try_exec(sql).await.is_err(), "a password without an email is refused");
    }

    async fn the_caseworker_dashboard_links_to_the_people_they_support(app) {
        let mut cw = app.signed_in(Role::Caseworker).await;
        let page = cw.get("/caseworker").await;
        assert!(page.body.contains("href=\"/caseworker/applicants\""), "{}", page.body);
    }
    async fn a_caseworker_removes_only_the_named_persons_rows(app) {
        let (mut awa, awa_id) = applicant_with_profile(&app, "awa@example.org", "Awa Koné").await;
        let job = [
            ("title", "Vendeuse"), ("employer", ""), ("country", "CI"), ("town", ""),
            ("from_month", "1"), ("from_year", "2018"), ("to_month", "6"), ("to_year", "2019"),
            ("description", ""),
        ];
        assert_eq!(awa.call("/api/profile/add_work", &job).await.status, 200);
        let job_id = app.count("select id from profile_work").await.to_string();
        let (mut cw, mariam) = caseworker_with_mariam(&app).await;
        let foreign = cw.call("/api/profile/remove_work", &[("id", &job_id), ("applicant", &mariam)]).await;
        assert_eq!(foreign.status, 404, "Awa's job is not Mariam's");
        assert_eq!(app.count("select count(*) from profile_work").await, 1);
        let hers = cw.call("/api/profile/remove_work", &[("id", &job_id), ("applicant", &awa_id)]).await;
        assert_eq!(hers.status, 200, "named for what it is, it is removed (Awa agreed online)");
        assert_eq!(app.count("select count(*) from profile_work").await, 0);
    }
}
