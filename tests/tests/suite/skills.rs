//! The skills taxonomy page and its search endpoint: three languages, no JavaScript needed.

use passerelle_tests::both_backends;

both_backends! {
    async fn a_plain_search_form_finds_skills_in_the_readers_language(app) {
        let mut client = app.client();
        // "tresses" is French; the page is read in English, so labels come back in English.
        client.cookies.insert("i18n_pref_locale".into(), "en".into());
        let page = client.get("/skills?q=TRESSES").await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("data-skill=\"hair.african-braiding\""), "{}", page.body);
        assert!(page.body.contains("African braiding"));
        assert!(page.body.contains("ISCO-08"));
    }

    async fn arabic_search_ignores_vowel_marks(app) {
        let mut client = app.client();
        client.cookies.insert("i18n_pref_locale".into(), "ar".into());
        let plain = client.get("/skills?q=%D8%AE%D9%8A%D8%A7%D8%B7%D8%A9").await; // خياطة
        let voweled = client
            .get("/skills?q=%D8%AE%D9%90%D9%8A%D9%8E%D8%A7%D8%B7%D9%8E%D8%A9")
            .await; // خِيَاطَة
        assert_eq!(plain.status, 200);
        let found = |body: &str| body.matches("data-skill=").count();
        assert!(found(&plain.body) > 0, "{}", plain.body);
        assert_eq!(found(&plain.body), found(&voweled.body));
        assert!(plain.body.contains("dir=\"rtl\""));
    }

    async fn a_sector_lists_its_occupations_and_skills(app) {
        let mut client = app.client();
        let page = client.get("/skills?sector=automotive_wiring").await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("data-skill=\"wire.harness-assembly\""));
        assert!(page.body.contains("aria-current=\"page\""));
        assert!(!page.body.contains("data-skill=\"hair.african-braiding\""));
    }

    async fn the_search_endpoint_answers_json_for_the_picker(app) {
        let mut client = app.client();
        let response = client.get_json("/api/profile/search_skills?query=soudure&lang=fr").await;
        assert_eq!(response.status, 200);
        let groups = response.json();
        let groups = groups.as_array().expect("a list of occupations");
        assert!(!groups.is_empty());
        for group in groups {
            for skill in group["skills"].as_array().expect("skills") {
                assert!(skill["label"].as_str().expect("label").to_lowercase().contains("soud"));
            }
        }
    }

    async fn nonsense_answers_a_clear_message_not_an_error_page(app) {
        let mut client = app.client();
        let nothing = client.get("/skills?q=zzqqxxww").await;
        assert_eq!(nothing.status, 200);
        assert!(nothing.body.contains("data-test=\"no-skills\""));
        assert!(nothing.body.contains("Aucune compétence ne correspond"));

        let long = "a".repeat(81);
        let response = client
            .get_json(&format!("/api/profile/search_skills?query={long}&lang=fr"))
            .await;
        assert_eq!(response.status, 422);
        assert!(response.body.contains("query_too_long"), "{}", response.body);

        let response = client.get_json("/api/profile/search_skills?query=&sector=mining&lang=fr").await;
        assert_eq!(response.status, 422);
        assert!(response.body.contains("sector_unknown"));

        let page = client.get("/skills?sector=mining").await;
        assert!(page.body.contains("Choisissez un secteur de la liste."), "{}", page.body);
    }
}
