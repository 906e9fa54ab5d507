//! Staff matching: for one training or call, the ranked applicants it suits, filtered, paged
//! and downloadable as CSV — only for caseworkers and admins, and only people who consented.

use super::matches::{catalogue, person};
use app::domain::accounts::role::Role;
use passerelle_tests::{both_backends, Client, TestApp};

async fn sewing(app: &TestApp) -> String {
    app.count("select id from trainings where reference = 'ANAPEC-TNG-102'")
        .await
        .to_string()
}

async fn shortlist(
    client: &mut Client,
    training: &str,
    filters: &str,
) -> passerelle_tests::TestResponse {
    client
        .get_json(&format!(
            "/api/matching/shortlist?search=&kind=training&id={training}&city=&sex=&min_score=&page={filters}"
        ))
        .await
}

/// The applicants' names a shortlist answer lists, in its order.
pub(crate) fn names(list: &serde_json::Value) -> Vec<String> {
    list["lines"]
        .as_array()
        .map(|lines| {
            lines
                .iter()
                .filter_map(|l| l["full_name"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

both_backends! {
    async fn staff_see_eligible_applicants_ranked_and_can_ask_for_the_others(app) {
        catalogue(&app).await;
        let training = sewing(&app).await;
        person(&app, "awa@example.org", "Awa Koné", true).await;
        person(&app, "fatou@example.org", "Fatou Diallo", false).await;
        // Someone who signed up but never consented is nobody's business.
        app.user("silent@example.org", Role::Applicant).await;

        let mut caseworker = app.signed_in(Role::Caseworker).await;
        let response = shortlist(&mut caseworker, &training, "&not_yet=").await;
        assert_eq!(response.status, 200, "{}", response.body);
        let list = response.json();
        assert_eq!(list["selected"]["reference"], "ANAPEC-TNG-102");
        assert_eq!(names(&list), vec!["Awa Koné"], "only Awa holds a valid paper: {list}");
        assert_eq!(list["total"], 1);

        let all = shortlist(&mut caseworker, &training, "&not_yet=1").await.json();
        assert_eq!(names(&all), vec!["Awa Koné", "Fatou Diallo"], "eligible first");
        assert_eq!(all["lines"][1]["eligibility"], "not_yet");
        assert_eq!(all["lines"][1]["remedies"][0]["remedy"], "get_document", "{all}");

        let men = caseworker
            .get_json(&format!("/api/matching/shortlist?search=&kind=training&id={training}&city=&sex=male&min_score=&not_yet=&page="))
            .await
            .json();
        assert_eq!(men["total"], 0);
        let bad = caseworker
            .get_json(&format!("/api/matching/shortlist?search=&kind=training&id={training}&city=atlantis&sex=&min_score=abc&not_yet=&page="))
            .await;
        assert_eq!(bad.status, 422);
        assert!(bad.body.contains("city_unknown") && bad.body.contains("score_invalid"), "{}", bad.body);
        let unknown = shortlist(&mut caseworker, "987654", "&not_yet=").await;
        assert_eq!(unknown.status, 404);
        assert_eq!(
            app.count("select count(*) from audit_log where action = 'shortlist_viewed'").await,
            3,
            "each list of names shown leaves an audit row"
        );

        caseworker.cookies.insert("i18n_pref_locale".into(), "fr".into());
        let page = caseworker.get(&format!("/staff/matches?offer=training:{training}&not_yet=1")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Awa Koné") && page.body.contains("Fatou Diallo"), "{}", page.body);
        assert!(page.body.contains("pas encore"), "the missing paper is named");
    }

    async fn a_declared_group_never_selects_anyone_on_a_staff_list(app) {
        catalogue(&app).await;
        let training = sewing(&app).await;
        // The sewing course is for survivors of trafficking; Awa declared she is one, Mariam
        // did not. Both hold a valid paper.
        app.exec("update trainings set target_groups = '[\"trafficking_survivor\"]' where reference = 'ANAPEC-TNG-102'").await;
        let mut awa = person(&app, "awa@example.org", "Awa Koné", true).await;
        person(&app, "mariam@example.org", "Mariam Sow", true).await;
        let awa_id = app.user_id("awa@example.org").await;
        app.exec(&format!("update profiles set declared_groups = '[\"trafficking_survivor\"]' where user_id = {awa_id}")).await;

        // Awa sees the course as hers, because of her own declaration.
        let mine = awa.call("/api/matching/mine", &[("lang", "fr")]).await;
        assert!(mine.body.contains("ANAPEC-TNG-102"), "{}", mine.body);
        let eligible = mine.json()["eligible"].to_string();
        assert!(eligible.contains("ANAPEC-TNG-102"), "{eligible}");

        // The staff list is not a list of survivors: nobody is selected by the declaration,
        // and the two women read the same.
        let mut admin = app.signed_in(Role::Admin).await;
        let list = shortlist(&mut admin, &training, "&not_yet=").await.json();
        assert_eq!(list["total"], 0, "{list}");
        assert_eq!(list["selected"]["targets_declared_group"], true);
        let all = shortlist(&mut admin, &training, "&not_yet=1").await;
        assert!(!all.body.contains("trafficking") && !all.body.contains("in_group"), "{}", all.body);
        // Outside the targeted group nothing can be done to fit: neither is "not yet" either.
        let all = all.json();
        assert!(names(&all).is_empty(), "{all}");
        let csv = admin.get(&format!("/staff/matches.csv?offer=training:{training}&not_yet=1")).await;
        assert!(!csv.body.contains("trafficking") && !csv.body.contains("raite"), "{}", csv.body);
        let page = admin.get(&format!("/staff/matches?offer=training:{training}")).await;
        assert!(page.body.contains("data-test=\"declared-groups-unused\""), "{}", page.body);
    }

    async fn the_shortlist_downloads_as_csv_with_formulas_neutralised_and_audited(app) {
        catalogue(&app).await;
        let training = sewing(&app).await;
        person(&app, "awa@example.org", "Awa Koné", true).await;
        // A name that a spreadsheet would run as a formula (written behind the forms' back).
        app.count("update profiles set full_name = '=HYPERLINK(\"http://evil\")' returning user_id").await;

        let mut admin = app.signed_in(Role::Admin).await;
        admin.cookies.insert("i18n_pref_locale".into(), "fr".into());
        let csv = admin.get(&format!("/staff/matches.csv?offer=training:{training}")).await;
        assert_eq!(csv.status, 200, "{}", csv.body);
        assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
        assert!(csv.header("content-disposition").is_some_and(|d| d.starts_with("attachment")));
        let mut lines = csv.body.trim_start_matches('\u{feff}').lines();
        assert!(lines.next().is_some_and(|h| h.starts_with("Rang,")), "French headers");
        let row = lines.next().expect("one applicant");
        assert!(row.contains("'=HYPERLINK"), "{row}");
        assert!(!row.contains(",=HYPERLINK"), "{row}");
        assert_eq!(app.count("select count(*) from audit_log where action = 'matches_exported'").await, 1);

        let bad = admin.get(&format!("/staff/matches.csv?offer=training:{training}&min_score=500")).await;
        assert_eq!(bad.status, 303, "a bad filter goes back to the page that names it");
        let mut nobody = app.client();
        let anonymous = nobody.get(&format!("/staff/matches.csv?offer=training:{training}")).await;
        assert_eq!(anonymous.status, 303);
        assert!(anonymous.location().is_some_and(|l| l.starts_with("/login")));
        let mut mentor = app.signed_in(Role::Mentor).await;
        assert_eq!(mentor.get(&format!("/staff/matches.csv?offer=training:{training}")).await.status, 403);
    }

    async fn offers_are_found_by_a_search_not_picked_from_the_whole_catalogue(app) {
        catalogue(&app).await;
        let training = sewing(&app).await;
        let mut caseworker = app.signed_in(Role::Caseworker).await;
        caseworker.cookies.insert("i18n_pref_locale".into(), "en".into());

        let page = caseworker.get("/staff/matches?q=tng-102").await;
        assert_eq!(page.status, 200);
        assert_eq!(page.body.matches("data-test=\"offer-choice\"").count(), 1, "{}", page.body);
        assert!(page.body.contains(&format!("href=\"/staff/matches?offer=training%3A{training}\"")), "{}", page.body);
        assert!(!page.body.contains("<select id=\"offer\""), "no list of every offer");

        // Typed as on a phone: no accents, any case.
        for typed in ["teleconseiller", "T%C3%89L%C3%89CONSEILLER", "creer+son+activite"] {
            let found = caseworker.get(&format!("/staff/matches?q={typed}")).await;
            assert!(found.body.contains("data-test=\"offer-choice\""), "{typed}: {}", found.body);
        }
        let found = caseworker.get("/staff/matches?q=t%C3%A9l%C3%A9conseiller").await;
        assert!(found.body.contains("Téléconseiller"), "{}", found.body);

        let found = caseworker.get("/staff/matches?q=100%25").await;
        assert!(found.body.contains("data-test=\"no-offer-found\""), "a % is a character, not a wildcard");
        let none = caseworker.get("/staff/matches?q=zzz").await;
        assert!(none.body.contains("No upcoming training or open call matches"), "{}", none.body);

        let chosen = caseworker.get(&format!("/staff/matches?offer=training:{training}&q=")).await;
        assert!(chosen.body.contains("data-test=\"shortlist-filters\""));
        assert!(!chosen.body.contains("data-test=\"offer-choice\""), "the choice list folds away");
        assert!(chosen.body.contains(&format!("name=\"offer\" value=\"training:{training}\"")), "the filters keep the offer");
    }
}
