//! "See and take my data" (issue 16, point 2): the page and the JSON file hold every kind of
//! record about the person — profile, documents, skills, work, consents, trainings, plans with
//! their versions, steps, comments, mentoring sessions, visits and evidence, decisions,
//! payments, sign-ins, audit entries — and nothing about anyone else: not two other applicants
//! with the same kind of data, and staff by role, never by name or address.

use super::committee_support::{
    new_session, put_on_agenda, score_all, seat_committee, signed_off, SignedOff, MEMBERS,
};
use super::money::{registered_payees, release, settle, tranche_id, WALLET};
use super::monitoring::{good_visit, pairs, post_visit, PDF};
use super::plan_support::applicant_with_a_plan;
use app::domain::accounts::role::Role;
use passerelle_tests::{both_backends, Client, TestApp};

/// What must never appear in Awa's data: the other people's names, addresses, phones and
/// document numbers, and the staff's names and addresses.
const OTHERS: &[&str] = &[
    "Fatou Diallo",
    "fatou@example.org",
    "0677111222",
    "RC-FATOU-778",
    "Mariam Traoré",
    "mariam@example.org",
    "0677333444",
    "RC-MARIAM-991",
    "Karim Benali",
    "coach@example.org",
    "Alice Martin",
    "alice@example.org",
    "bruno@example.org",
    "chloe@example.org",
    "Nadia Finances",
    "finance@example.org",
    "Caseworker Samir",
    "caseworker@example.org",
];

/// Awa's records of every kind, made through the app's own functions, beside two other
/// applicants with the same kinds of records: Awa's client, her id, her plan.
pub(crate) async fn everything(app: &TestApp) -> (Client, i64, String) {
    let SignedOff {
        mut awa,
        mut coach,
        mut admin,
        plan,
        call,
        ..
    } = signed_off(app).await;
    let awa_id = app.user_id("awa@example.org").await;
    for (email, name, phone, card) in [
        (
            "fatou@example.org",
            "Fatou Diallo",
            "0677111222",
            "RC-FATOU-778",
        ),
        (
            "mariam@example.org",
            "Mariam Traoré",
            "0677333444",
            "RC-MARIAM-991",
        ),
    ] {
        let (mut other, other_plan) = applicant_with_a_plan(app, email, name).await;
        app.exec(&format!(
            "update profiles set phone = '{phone}' where user_id = {}",
            app.user_id(email).await
        ))
        .await;
        document(&mut other, card).await;
        let said = other
            .call(
                "/api/plans/comment",
                &[("plan", &other_plan), ("part", "idea"), ("body", name)],
            )
            .await;
        assert_eq!(said.status, 200, "{}", said.body);
    }
    app.exec("update profiles set phone = '0661000111' where user_id in (select id from users where email = 'awa@example.org')").await;
    document(&mut awa, "RC-AWA-4411").await;
    let job = [
        ("title", "Couturière"),
        ("employer", "Atelier Nour"),
        ("country", "MA"),
        ("town", "Tanger"),
        ("from_month", "3"),
        ("from_year", "2021"),
        ("to_month", ""),
        ("to_year", ""),
        ("ongoing", "yes"),
        ("description", "Retouches et robes sur mesure."),
    ];
    assert_eq!(awa.call("/api/profile/add_work", &job).await.status, 200);
    let sewing = app.id_of("trainings", "ANAPEC-TNG-102").await;
    assert_eq!(
        awa.call("/api/enrolments/request", &[("training", &sewing)])
            .await
            .status,
        200
    );
    for (who, body) in [
        (&mut awa, "Mon idée : un atelier de couture."),
        (&mut coach, "Précisez vos clientes."),
    ] {
        let said = who
            .call(
                "/api/plans/comment",
                &[("plan", &plan), ("part", "idea"), ("body", body)],
            )
            .await;
        assert_eq!(said.status, 200, "{}", said.body);
    }
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let session = coach
        .call(
            "/api/mentoring/log_session",
            &[
                ("plan", &plan),
                ("held_on", &today),
                ("minutes", "45"),
                ("topics", "Le marché du quartier"),
                ("next_steps", "Trouver un local"),
            ],
        )
        .await;
    assert_eq!(session.status, 200, "{}", session.body);
    approve(app, &mut admin, &call, &plan).await;
    // Tranche 1 paid to her wallet, then a visit with a receipt.
    app.user("finance@example.org", Role::Finance).await;
    let plan_id: i64 = plan.parse().expect("plan id");
    let first = tranche_id(app, plan_id, 1).await;
    let mut finance = app.login("finance@example.org").await;
    registered_payees(app, &mut awa, &mut finance).await;
    let (code, body) = release(&mut admin, &first, "k-held-release-0001", &WALLET).await;
    assert_eq!(code, 200, "{body}");
    let (code, body) = settle(&mut finance, &first, "k-held-settle-00001", "paid").await;
    assert_eq!(code, 200, "{body}");
    let visit = good_visit(&plan);
    let posted = post_visit(
        &mut coach,
        &pairs(&visit),
        &[("recu.pdf", "application/pdf", PDF)],
    )
    .await;
    assert_eq!(posted.status, 303, "{}", posted.body);
    // Staff are known by name: none of those names may reach Awa's file.
    for (email, name) in [
        ("coach@example.org", "Karim Benali"),
        (MEMBERS[0], "Alice Martin"),
        ("finance@example.org", "Nadia Finances"),
    ] {
        app.exec(&format!(
            "update users set display_name = '{name}' where email = '{email}'"
        ))
        .await;
    }
    // A mistyped password: part of her sign-in history.
    let mut stranger = app.client_from("203.0.113.9");
    assert_eq!(
        stranger
            .login("awa@example.org", "pas le bon mot de passe")
            .await
            .status,
        422
    );
    (awa, awa_id, plan)
}

/// The call's committee of three scores the plan and its chair approves 8,000 MAD.
async fn approve(app: &TestApp, admin: &mut Client, call: &str, plan: &str) {
    seat_committee(app, admin, call).await;
    let session = new_session(app, admin, call).await;
    let (code, body) = put_on_agenda(admin, &session, plan).await;
    assert_eq!(code, 200, "{body}");
    score_all(app, &[plan.to_owned()]).await;
    let decided = app
        .login(MEMBERS[0])
        .await
        .call(
            "/api/committee/decide",
            &[
                ("plan", plan),
                ("outcome", "approved"),
                ("amount", "8000"),
                ("justification", "Projet viable."),
            ],
        )
        .await;
    assert_eq!(decided.status, 200, "{}", decided.body);
}

async fn document(client: &mut Client, number: &str) {
    let card = [
        ("kind", "passport"),
        ("number", number),
        ("expires_day", "31"),
        ("expires_month", "12"),
        ("expires_year", "2031"),
    ];
    let added = client.call("/api/profile/add_document", &card).await;
    assert_eq!(added.status, 200, "{}", added.body);
}

fn leaked(text: &str) -> Vec<&'static str> {
    OTHERS
        .iter()
        .copied()
        .filter(|other| text.contains(other))
        .collect()
}

fn count(value: &serde_json::Value) -> usize {
    value.as_array().map_or(0, Vec::len)
}

both_backends! {
    async fn the_file_holds_every_kind_of_record_about_the_person_and_nothing_of_anyone_else(app) {
        let (mut awa, awa_id, _plan) = everything(&app).await;
        let file = awa.get("/me/data.json").await;
        assert_eq!(file.status, 200, "{}", file.body);
        assert_eq!(file.header("content-type"), Some("application/json"));
        assert!(file.header("content-disposition").is_some_and(|d| d.starts_with("attachment;")));
        assert_eq!(file.header("cache-control"), Some("no-store"));
        assert_eq!(leaked(&file.body), Vec::<&str>::new(), "{}", file.body);
        let data: serde_json::Value = serde_json::from_str(&file.body).expect("json");

        assert_eq!(data["person"], awa_id);
        assert_eq!(data["account"]["email"], "awa@example.org");
        assert_eq!(data["identity"]["full_name"], "Awa Koné");
        assert_eq!(data["identity"]["phone"], "0661000111");
        assert_eq!(data["situation"]["sectors"][0], "sewing_fashion");
        assert!(data["documents"].as_array().expect("documents").iter().any(|d| d["number"] == "RC-AWA-4411"));
        assert_eq!(data["skills"][0]["code"], "sew.industrial-lockstitch");
        assert_eq!(data["work"][0]["employer"], "Atelier Nour");
        assert_eq!(data["consents"][0]["given"], true);
        assert_eq!(data["enrolments"][0]["reference"], "ANAPEC-TNG-102");
        assert_eq!(count(&data["plans"]), 1);
        let plan = &data["plans"][0];
        assert_eq!(plan["status"], "approved");
        assert!(plan["content"]["sections"]["idea"].as_str().is_some_and(|s| !s.is_empty()));
        assert_eq!(count(&plan["versions"]), 1, "the version she submitted");
        assert!(plan["versions"][0]["content"]["sections"]["market"].is_string());
        let steps: Vec<&str> = plan["events"].as_array().expect("events").iter().filter_map(|e| e["action"].as_str()).collect();
        assert!(steps.contains(&"submit") && steps.contains(&"mark_ready") && steps.contains(&"assign_mentor"), "{steps:?}");
        let by: Vec<&str> = plan["comments"].as_array().expect("comments").iter().filter_map(|c| c["by"].as_str()).collect();
        assert_eq!(by, ["applicant", "mentor"]);
        assert_eq!(plan["mentoring"][0]["topics"], "Le marché du quartier");
        assert_eq!(plan["visits"][0]["jobs"], 2);
        assert_eq!(plan["visits"][0]["evidence"][0]["name"], "recu.pdf");
        assert_eq!(plan["decisions"][0]["outcome"], "approved");
        assert_eq!(plan["decisions"][0]["justification"], "Projet viable.");
        assert_eq!(plan["tranches"][0]["status"], "paid");
        assert_eq!(plan["tranches"][0]["payments"][0]["payee"], "+212612345678");
        let payees: Vec<&str> = data["payees"].as_array().expect("payees").iter().filter_map(|p| p["detail"].as_str()).collect();
        assert_eq!(payees.len(), 2, "her wallet and her bank account: {payees:?}");
        assert!(payees.contains(&"+212612345678"), "{payees:?}");
        assert_eq!(plan["tranches"][0]["payments"][0]["settlement_ref"], "Virement 4471");
        let sign_ins = data["sign_ins"].as_array().expect("sign-ins");
        assert!(sign_ins.iter().any(|s| s["succeeded"] == true));
        assert!(sign_ins.iter().any(|s| s["succeeded"] == false && s["address"] == "203.0.113.9"));
        let actions: Vec<&str> = data["audit"].as_array().expect("audit").iter().filter_map(|e| e["code"].as_str()).collect();
        for action in ["plan_decided", "tranche_released", "payment_confirmed", "visit_recorded", "held_data_exported"] {
            assert!(actions.contains(&action), "{action} missing from {actions:?}");
        }
        // Staff appear by role: the decision's maker is "committee", nobody by number.
        assert!(data["audit"].as_array().expect("audit").iter().all(|e| e.get("actor").is_none()));

        // Taking the file is on record, with Awa as actor and subject.
        assert_eq!(app.count(&format!(
            "select count(*) from audit_log where action = 'held_data_exported' and actor_id = {awa_id} and subject_id = {awa_id}"
        )).await, 1);

        // The archive: the same data and her visit's receipt, byte for byte.
        let archive = awa.get("/me/data.zip").await;
        assert_eq!(archive.status, 200);
        assert_eq!(archive.header("content-type"), Some("application/zip"));
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(archive.bytes.clone())).expect("a zip");
        let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
        let evidence = app.count("select id from visit_evidence").await;
        assert_eq!(names, ["data.json".to_owned(), format!("evidence/evidence-{evidence}.pdf")]);
        let mut receipt = Vec::new();
        std::io::Read::read_to_end(&mut zip.by_name(&names[1]).expect("receipt"), &mut receipt).expect("read");
        assert_eq!(receipt, PDF);
        let mut json = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("data.json").expect("data"), &mut json).expect("read");
        let zipped: serde_json::Value = serde_json::from_str(&json).expect("json");
        assert_eq!(zipped["identity"]["full_name"], "Awa Koné");
        assert_eq!(leaked(&json), Vec::<&str>::new());
        assert_eq!(app.count(&format!(
            "select count(*) from audit_log where action = 'held_data_exported' and actor_id = {awa_id}"
        )).await, 2);
    }

    async fn the_page_lists_every_section_in_the_reader_language_and_nothing_of_anyone_else(app) {
        let (mut awa, _awa_id, _plan) = everything(&app).await;
        for (lang, heading) in [("fr", "Tout ce que nous détenons sur vous"), ("ar", "كل ما نحتفظ به عنك")] {
            awa.cookies.insert("i18n_pref_locale".into(), lang.into());
            let page = awa.get("/me/data").await;
            assert_eq!(page.status, 200, "{}", page.body);
            assert!(page.body.contains(heading), "{lang}");
            assert_eq!(leaked(&page.body), Vec::<&str>::new(), "{}", page.body);
            for section in ["account", "profile", "documents", "skills", "work", "consents", "trainings", "plans", "sign-ins", "audit"] {
                assert!(page.body.contains(&format!("data-test=\"held-{section}\"")), "{section}");
            }
            for held in ["Awa Koné", "RC-AWA-4411", "Atelier Nour", "Le marché du quartier", "Précisez vos clientes.", "Projet viable.", "0661000111", "recu.pdf", "203.0.113.9"] {
                assert!(page.body.contains(held), "{held} missing ({lang})");
            }
            assert!(page.body.contains("href=\"/me/data.json\"") && page.body.contains("href=\"/me/data.zip\""));
        }
        // Reading one's own page is not recorded; the profile and the home page link to it.
        assert_eq!(app.count("select count(*) from audit_log where action = 'held_data_viewed'").await, 0);
        assert!(awa.get("/profile").await.body.contains("href=\"/me/data\""));
        assert!(awa.get("/me").await.body.contains("href=\"/me/data\""));
    }

    async fn only_the_person_or_a_caseworker_helping_them_may_see_it_and_a_caseworker_read_is_recorded(app) {
        let (mut awa, awa_id, plan) = everything(&app).await;
        let fatou = app.user_id("fatou@example.org").await;
        // Naming someone else answers "not found", with nothing of them.
        let theirs = awa.get(&format!("/me/data.json?applicant={fatou}")).await;
        assert_eq!(theirs.status, 404);
        assert!(!theirs.body.contains("Fatou"));
        for email in ["coach@example.org", MEMBERS[0], "admin@example.org", "finance@example.org"] {
            let mut staff = app.login(email).await;
            assert_eq!(staff.get("/me/data.json").await.status, 403, "{email}");
            assert_eq!(staff.get("/me/data.zip").await.status, 403, "{email}");
            assert_eq!(staff.get(&format!("/caseworker/data.json?applicant={awa_id}")).await.status, 403, "{email}");
        }
        assert_eq!(app.client().get("/me/data.json").await.status, 303, "sign in first");

        app.user("caseworker@example.org", Role::Caseworker).await;
        app.exec("update users set display_name = 'Caseworker Samir' where email = 'caseworker@example.org'").await;
        let mut caseworker = app.login("caseworker@example.org").await;
        let page = caseworker.get(&format!("/caseworker/data?applicant={awa_id}")).await;
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains("Tout ce qui est détenu sur cette personne") && page.body.contains("Awa Koné"));
        assert!(page.body.contains(&format!("href=\"/caseworker/data.json?applicant={awa_id}\"")));
        // The evidence downloads only for the plan's own readers: no link, no archive, for a
        // caseworker.
        assert!(!page.body.contains("/plans/evidence?id=") && !page.body.contains("/me/data.zip"));
        assert_eq!(caseworker.get("/me/data.zip").await.status, 403);
        let file = caseworker.get(&format!("/caseworker/data.json?applicant={awa_id}")).await;
        assert_eq!(file.status, 200);
        assert_eq!(leaked(&file.body), Vec::<&str>::new());
        let caseworker_id = app.user_id("caseworker@example.org").await;
        for action in ["held_data_viewed", "held_data_exported"] {
            assert_eq!(app.count(&format!(
                "select count(*) from audit_log where action = '{action}' and actor_id = {caseworker_id} and subject_id = {awa_id}"
            )).await, 1, "{action}");
        }
        // An unknown person, or a staff account, is not found.
        assert_eq!(caseworker.get("/caseworker/data.json?applicant=999999").await.status, 404);
        assert_eq!(caseworker.get(&format!("/caseworker/data.json?applicant={caseworker_id}")).await.status, 404);
        assert_eq!(caseworker.get("/caseworker/data.json?applicant=abc").await.status, 404);
        let _ = plan;
    }
}
