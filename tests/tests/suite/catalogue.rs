//! The admin catalogue: editing trainings, CSV import (all or nothing, with a report by line and
//! column in the reader's language), CSV export (formulas neutralised, re-importable), access.

use app::domain::accounts::role::Role;
use passerelle_tests::both_backends;
use passerelle_tests::client::{Client, TestResponse, ORIGIN};

const HEADER: &str = "reference,title,programme,sector,city,starts_on,ends_on,seats,languages,min_education,required_documents,target_groups,skills";
const ROW_1: &str = "IMP-TNG-1,Câblage automobile,idmaj,automotive_wiring,tanger,2030-03-01,2030-04-30,25,french|darija,primary,residence_card|refugee_card,,wire.harness-assembly";
const ROW_2: &str = "IMP-RBT-2,\"Couture, retouches\",taehil,sewing_fashion,rabat,01/05/2030,30/06/2030,12,french,,,women,";

fn training_form<'a>(id: &'a str, version: &'a str, title: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("id", id),
        ("version", version),
        ("reference", "ADM-TNG-1"),
        ("title", title),
        ("programme", "idmaj"),
        ("sector", "automotive_wiring"),
        ("city", "tanger"),
        ("starts_on", "2030-03-01"),
        ("ends_on", "2030-04-30"),
        ("seats", "20"),
        ("languages[]", "french"),
        ("languages[]", "darija"),
        ("min_education", "primary"),
        ("documents[]", "residence_card"),
        ("skills", "wire.harness-assembly\nwire.cut-strip-wires"),
    ]
}

/// Posts `bytes` as the file of the import form, as a browser without JavaScript does.
async fn upload(client: &mut Client, name: &str, bytes: &[u8]) -> TestResponse {
    let boundary = "----passerelle-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
         Content-Type: text/csv\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let request = http::Request::post("/admin/trainings/import")
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header("accept", "text/html")
        .header("origin", ORIGIN)
        .header("referer", format!("{ORIGIN}/admin/trainings/import"))
        .header("sec-fetch-site", "same-origin")
        .body(axum::body::Body::from(body))
        .expect("request");
    client.send(request).await
}

/// Uploads and follows the status page until the import is over; the final page.
async fn import(client: &mut Client, bytes: &[u8]) -> TestResponse {
    let response = upload(client, "formations.csv", bytes).await;
    assert_eq!(response.status, 303, "{}", response.body);
    let location = response.location().expect("a status page").to_owned();
    assert!(
        location.starts_with("/admin/trainings/import?job="),
        "{location}"
    );
    for _ in 0..200 {
        let page = client.get(&location).await;
        assert_eq!(page.status, 200);
        if !page.body.contains("http-equiv=\"refresh\"") {
            return page;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("the import never finished");
}

fn call_form<'a>(id: &'a str, version: &'a str, max_grant: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("id", id),
        ("version", version),
        ("reference", "AGR-ADM-1"),
        ("title", "Microprojets de Tanger"),
        ("envelope", "400 000"),
        ("max_grant", max_grant),
        ("own_contribution", "10"),
        ("sectors[]", "crafts"),
        ("cities[]", "tanger"),
        ("opens_on", "2030-01-01"),
        ("closes_on", "31/03/2030"),
        ("age_min", "18"),
        ("age_max", "45"),
        ("sexes[]", "female"),
        ("nationalities", "sn ci"),
        ("documents[]", "residence_card"),
        ("education_min", ""),
        ("completed_programme", "self_employment"),
        ("quorum", "3"),
        ("blind_review", "on"),
    ];
    for weight in ["30", "20", "20", "15", "15"] {
        form.push(("weights[]", weight));
    }
    for (percent, release) in [
        ("70", "at_approval"),
        ("30", "after_monitoring_visit"),
        ("", "at_approval"),
    ] {
        form.push(("tranche_percents[]", percent));
        form.push(("tranche_releases[]", release));
    }
    form
}

fn csv(rows: &[&str]) -> Vec<u8> {
    let mut text = HEADER.to_owned();
    for row in rows {
        text.push('\n');
        text.push_str(row);
    }
    text.push('\n');
    text.into_bytes()
}

both_backends! {
    async fn an_admin_creates_then_edits_a_training_and_a_stale_edit_is_refused(app) {
        let mut admin = app.signed_in(Role::Admin).await;
        let response = admin
            .post_form("/api/catalogue/save_training", "/admin/trainings/edit", &training_form("0", "0", "Câblage"))
            .await;
        assert_eq!(response.status, 302, "{}", response.body);
        assert!(response.location().unwrap_or_default().ends_with("/admin/trainings?done=saved"));
        let id = app.count("select id from trainings where reference = 'ADM-TNG-1'").await.to_string();
        assert_eq!(app.count("select count(*) from audit_log where action = 'training_created'").await, 1);

        let list = admin.get("/admin/trainings?city=tanger&q=adm-tng").await;
        assert!(list.body.contains("data-test=\"training-ADM-TNG-1\""), "{}", list.body);
        assert!(!admin.get("/admin/trainings?city=rabat").await.body.contains("ADM-TNG-1"));
        let form = admin.get(&format!("/admin/trainings/edit?id={id}")).await;
        assert!(form.body.contains("value=\"Câblage\""), "{}", form.body);
        assert!(form.body.contains("wire.cut-strip-wires"));

        let edited = admin.call("/api/catalogue/save_training", &training_form(&id, "1", "Câblage (session 2)")).await;
        assert_eq!(edited.status, 200, "{}", edited.body);
        let stale = admin.call("/api/catalogue/save_training", &training_form(&id, "1", "Écrasé")).await;
        assert_eq!(stale.status, 409, "{}", stale.body);
        assert_eq!(app.text("select title from trainings").await.as_deref(), Some("Câblage (session 2)"));
        assert_eq!(app.count("select cast(version as bigint) from trainings").await, 2);
        assert_eq!(app.count("select count(*) from audit_log where action = 'training_updated'").await, 1);

        assert_eq!(admin.call("/api/catalogue/load_training", &[("id", "999999")]).await.status, 404);
        assert_eq!(admin.call("/api/catalogue/save_training", &training_form("999999", "1", "Nulle part")).await.status, 404);
        let taken = admin.call("/api/catalogue/save_training", &training_form("0", "0", "Doublon")).await;
        assert_eq!(taken.status, 422);
        assert!(taken.body.contains("reference_taken"), "{}", taken.body);
        assert_eq!(app.count("select count(*) from trainings").await, 1);
    }

    async fn a_bad_training_names_each_field_in_french_and_saves_nothing(app) {
        let mut admin = app.signed_in(Role::Admin).await;
        let mut form = training_form("0", "0", "=HYPERLINK(\"http://x\")");
        form.retain(|(k, _)| !matches!(*k, "ends_on" | "seats" | "skills"));
        form.extend([("ends_on", "2030-02-01"), ("seats", "0"), ("skills", "wire.harness-assembly no.such-skill")]);
        let response = admin.post_form("/api/catalogue/save_training", "/admin/trainings/edit", &form).await;
        assert_eq!(response.status, 302);
        let back = response.location().expect("back to the form").to_owned();
        let page = admin.get(&back).await;
        for text in ["un tableur le prendrait pour une formule", "La date de fin est avant la date de début",
                     "entre 1 et 10000", "Compétence inconnue : « no.such-skill »"] {
            assert!(page.body.contains(text), "{text} in {}", page.body);
        }
        assert_eq!(app.count("select count(*) from trainings").await, 0);
    }

    async fn a_good_file_is_imported_in_one_go_and_reimporting_updates(app) {
        let mut admin = app.signed_in(Role::Admin).await;
        let page = import(&mut admin, &csv(&[ROW_1, ROW_2])).await;
        assert!(page.body.contains("data-status=\"done\""), "{}", page.body);
        assert!(page.body.contains("2 formations ajoutées, 0 mises à jour"), "{}", page.body);
        assert_eq!(app.count("select count(*) from trainings").await, 2);
        assert_eq!(app.text("select title from trainings where reference = 'IMP-RBT-2'").await.as_deref(), Some("Couture, retouches"));
        assert_eq!(app.text("select cast(starts_on as text) from trainings where reference = 'IMP-RBT-2'").await.as_deref(), Some("2030-05-01"));
        assert_eq!(app.count("select count(*) from audit_log where action = 'trainings_imported'").await, 1);

        let changed = ROW_1.replace(",25,", ",30,");
        let text = String::from_utf8(csv(&[&changed])).expect("utf-8").replace(',', ";");
        let page = import(&mut admin, text.as_bytes()).await;
        assert!(page.body.contains("0 formations ajoutées, 1 mises à jour"), "{}", page.body);
        assert_eq!(app.count("select cast(seats as bigint) from trainings where reference = 'IMP-TNG-1'").await, 30);
    }

    async fn a_file_with_one_bad_row_imports_nothing_and_names_line_and_column(app) {
        let mut admin = app.signed_in(Role::Admin).await;
        let bad = ROW_2.replace("01/05/2030", "31/02/2030").replace("sewing_fashion", "mining");
        let page = import(&mut admin, &csv(&[ROW_1, &bad])).await;
        assert!(page.body.contains("data-status=\"rejected\""), "{}", page.body);
        assert!(page.body.contains("Ligne 3, colonne « sector » : Choisissez un secteur de la liste."), "{}", page.body);
        assert!(page.body.contains("Ligne 3, colonne « starts_on » : Cette date n&#x27;existe pas") || page.body.contains("Ligne 3, colonne « starts_on » : Cette date n'existe pas"), "{}", page.body);
        assert_eq!(app.count("select count(*) from trainings").await, 0);
        assert_eq!(app.count("select count(*) from audit_log where action = 'trainings_imported'").await, 0);

        admin.call("/api/set_locale", &[("locale", "en")]).await;
        let location = format!("/admin/trainings/import?job={}", app.count("select max(id) from catalogue_imports").await);
        let english = admin.get(&location).await;
        assert!(english.body.contains("Line 3, column “sector”: Choose a sector from the list."), "{}", english.body);
    }

    async fn wrong_columns_bad_bytes_and_formulas_are_refused_with_a_message(app) {
        let mut admin = app.signed_in(Role::Admin).await;
        let header = HEADER.replace("seats", "places");
        let page = import(&mut admin, format!("{header}\n{ROW_1}\n").as_bytes()).await;
        assert!(page.body.contains("Colonnes manquantes : seats."), "{}", page.body);
        assert!(page.body.contains("Colonnes inconnues : places."), "{}", page.body);

        let mut latin1 = csv(&[]);
        latin1.extend_from_slice(b"IMP-1,C\xe2blage,idmaj,automotive_wiring,tanger,2030-03-01,2030-04-30,25,,,,,\n");
        let page = import(&mut admin, &latin1).await;
        assert!(page.body.contains("CSV UTF-8"), "{}", page.body);

        let formula = ROW_1.replace("Câblage automobile", "=HYPERLINK(\"\"http://evil\"\")");
        let page = import(&mut admin, &csv(&[&formula])).await;
        assert!(page.body.contains("Ligne 2, colonne « title »"), "{}", page.body);
        assert!(page.body.contains("formule"), "{}", page.body);

        let page = import(&mut admin, &csv(&[ROW_1, ROW_1])).await;
        assert!(page.body.contains("déjà ligne 2"), "{}", page.body);
        assert_eq!(app.count("select count(*) from trainings").await, 0);
        assert_eq!(app.count("select count(*) from catalogue_imports where status = 'rejected'").await, 4);
    }

    async fn the_export_neutralises_formulas_and_reimports_cleanly(app) {
        let mut admin = app.signed_in(Role::Admin).await;
        import(&mut admin, &csv(&[ROW_1, ROW_2])).await;
        // A title a spreadsheet would run, written behind the app's back.
        app.exec("update trainings set title = '=1+1' where reference = 'IMP-RBT-2'").await;
        let export = admin.get("/admin/trainings/export.csv").await;
        assert_eq!(export.status, 200);
        assert_eq!(export.header("content-type"), Some("text/csv; charset=utf-8"));
        assert!(export.header("content-disposition").unwrap_or_default().starts_with("attachment"));
        assert!(export.body.contains(",'=1+1,"), "{}", export.body);

        let clean = export.body.replace(",'=1+1,", ",Couture,");
        let page = import(&mut admin, clean.as_bytes()).await;
        assert!(page.body.contains("0 formations ajoutées, 2 mises à jour"), "{}", page.body);
        let again = admin.get("/admin/trainings/export.csv").await;
        assert_eq!(again.body, clean, "an export re-imports as it is");

        let calls = admin.get("/admin/calls/export.csv").await;
        assert_eq!(calls.status, 200);
        assert!(calls.body.starts_with("\u{feff}reference,title,envelope_mad"), "{}", calls.body);
    }

    async fn only_admins_reach_the_catalogue_files(app) {
        for role in Role::ALL.into_iter().filter(|r| *r != Role::Admin) {
            let mut client = app.signed_in(role).await;
            for path in ["/admin/trainings/export.csv", "/admin/calls/export.csv", "/admin/trainings"] {
                assert_eq!(client.get(path).await.status, 403, "{role:?} on {path}");
            }
            let response = upload(&mut client, "x.csv", &csv(&[ROW_1])).await;
            assert_eq!(response.status, 403, "{role:?} uploading");
        }
        let mut nobody = app.client();
        assert_eq!(upload(&mut nobody, "x.csv", &csv(&[ROW_1])).await.status, 303);
        assert_eq!(app.count("select count(*) from catalogue_imports").await, 0);
        assert_eq!(app.count("select count(*) from trainings").await, 0);
    }

    async fn an_admin_creates_and_edits_a_call_with_its_rubric_and_tranches(app) {
        let mut admin = app.signed_in(Role::Admin).await;
        let response = admin.post_form("/api/catalogue/save_call", "/admin/calls/edit", &call_form("0", "0", "20 000")).await;
        assert_eq!(response.status, 302, "{}", response.body);
        assert!(response.location().unwrap_or_default().ends_with("/admin/calls?done=saved"));
        assert_eq!(app.count("select max_grant_centimes from grant_calls").await, 2_000_000);
        assert_eq!(app.text("select tranches from grant_calls").await.as_deref(),
            Some(r#"[{"percent":70,"release":"at_approval"},{"percent":30,"release":"after_monitoring_visit"}]"#));
        assert!(app.text("select rules from grant_calls").await.unwrap_or_default().contains(r#""rule":"completed_training""#));
        assert_eq!(app.count("select count(*) from audit_log where action = 'call_created'").await, 1);
        let id = app.count("select id from grant_calls").await.to_string();

        let page = admin.get(&format!("/admin/calls/edit?id={id}")).await;
        assert!(page.body.contains("value=\"SN CI\""), "{}", page.body);
        let list = admin.get("/admin/calls").await;
        assert!(list.body.contains("data-test=\"call-AGR-ADM-1\""), "{}", list.body);

        assert_eq!(admin.call("/api/catalogue/save_call", &call_form(&id, "1", "25 000")).await.status, 200);
        let stale = admin.call("/api/catalogue/save_call", &call_form(&id, "1", "10 000")).await;
        assert_eq!(stale.status, 409);
        assert_eq!(app.count("select max_grant_centimes from grant_calls").await, 2_500_000);

        let mut bad = call_form("0", "0", "500 000");
        bad.retain(|(k, _)| *k != "weights[]");
        bad.extend([("weights[]", "50"), ("weights[]", "60")]);
        let response = admin.call("/api/catalogue/save_call", &bad).await;
        assert_eq!(response.status, 422);
        for code in ["max_grant_above_envelope", "weights_sum"] {
            assert!(response.body.contains(code), "{code} in {}", response.body);
        }
        assert_eq!(app.count("select count(*) from grant_calls").await, 1);
    }

    async fn an_import_left_running_by_a_dead_server_shows_as_failed(app) {
        let mut admin = app.signed_in(Role::Admin).await;
        app.exec("insert into catalogue_imports (actor_id, file_name, status, created_at, updated_at) \
            select id, 'old.csv', 'writing', '2020-01-01 00:00:00+00:00', '2020-01-01 00:00:00+00:00' from users").await;
        let id = app.count("select max(id) from catalogue_imports").await;
        let page = admin.get(&format!("/admin/trainings/import?job={id}")).await;
        assert!(page.body.contains("data-status=\"failed\""), "{}", page.body);
        assert!(!page.body.contains("http-equiv"), "the page stops reloading");
    }
}
