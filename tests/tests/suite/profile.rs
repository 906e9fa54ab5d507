//! The applicant's profile: consent before anything, then the identity step, on both databases,
//! with and without JavaScript.

use app::domain::accounts::role::Role;
use passerelle_tests::both_backends;

const NOTICE: &str = app::domain::profile::consent::NOTICE_VERSION;

fn identity<'a>(version: &'a str, name: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("full_name", name),
        ("sex", "female"),
        ("birth_day", "14"),
        ("birth_month", "03"),
        ("birth_year", "1997"),
        ("nationality", "CI"),
        ("city", "tanger"),
        ("phone", "06 12 34 56 78"),
        ("version", version),
    ]
}

both_backends! {
    async fn consent_comes_before_any_profile_data(app) {
        let mut client = app.signed_in(Role::Applicant).await;
        let page = client.get("/profile").await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("data-test=\"consent\""));
        assert!(!page.body.contains("data-test=\"identity\""));

        let response = client.call("/api/profile/save_identity", &identity("0", "Awa Koné")).await;
        assert_eq!(response.status, 422);
        assert!(response.body.contains("consent_required"), "{}", response.body);
        assert_eq!(app.count("select count(*) from profiles").await, 0);
    }

    async fn consent_records_the_notice_and_the_language_read(app) {
        let mut client = app.signed_in(Role::Applicant).await;
        client.cookies.insert("i18n_pref_locale".into(), "ar".into());
        let response = client
            .post_form("/api/profile/give_consent", "/profile", &[("notice_version", NOTICE), ("lang", "ar")])
            .await;
        assert_eq!(response.status, 302, "{}", response.body);
        assert_eq!(
            app.text("select notice_version || ' ' || language from consents").await.as_deref(),
            Some(format!("{NOTICE} ar").as_str())
        );
        assert_eq!(app.count("select count(*) from consents where in_person = false").await, 1);
        assert_eq!(app.count("select count(*) from audit_log where action = 'consent_given'").await, 1);
        let page = client.get("/profile").await;
        assert!(page.body.contains("data-test=\"identity\""), "{}", page.body);
        assert!(page.body.contains("data-test=\"consent-given\""));
    }

    async fn a_notice_changed_since_the_page_opened_is_not_agreed_to(app) {
        let mut client = app.signed_in(Role::Applicant).await;
        let response = client
            .call("/api/profile/give_consent", &[("notice_version", "2020-01"), ("lang", "fr")])
            .await;
        assert_eq!(response.status, 422);
        assert!(response.body.contains("notice_outdated"));
        assert_eq!(app.count("select count(*) from consents").await, 0);
    }

    async fn the_identity_step_saves_without_javascript_and_shows_again(app) {
        let mut client = app.signed_in(Role::Applicant).await;
        client.call("/api/profile/give_consent", &[("notice_version", NOTICE), ("lang", "fr")]).await;
        let response = client
            .post_form("/api/profile/save_identity", "/profile", &identity("0", "  Awa   Koné "))
            .await;
        assert_eq!(response.status, 302, "{}", response.body);
        assert!(response.location().unwrap_or_default().ends_with("/profile?saved=identity"));
        assert_eq!(
            app.text("select full_name || '|' || cast(birth_date as text) || '|' || nationality || '|' || city || '|' || phone from profiles").await.as_deref(),
            Some("Awa Koné|1997-03-14|CI|tanger|0612345678")
        );
        let page = client.get("/profile?saved=identity").await;
        assert!(page.body.contains("data-test=\"saved\""));
        assert!(page.body.contains("value=\"Awa Koné\""), "{}", page.body);
        assert!(page.body.contains("<option value=\"tanger\" selected"), "the city is preselected");
        assert_eq!(app.count("select count(*) from audit_log where action = 'profile_updated'").await, 1);
    }

    async fn every_bad_field_is_named_and_nothing_is_saved(app) {
        let mut client = app.signed_in(Role::Applicant).await;
        client.call("/api/profile/give_consent", &[("notice_version", NOTICE), ("lang", "fr")]).await;
        let response = client
            .call(
                "/api/profile/save_identity",
                &[
                    ("full_name", ""),
                    ("birth_day", "30"),
                    ("birth_month", "2"),
                    ("birth_year", "2026"),
                    ("nationality", "ZZ"),
                    ("city", "atlantis"),
                    ("phone", "appelle-moi"),
                    ("version", "0"),
                ],
            )
            .await;
        assert_eq!(response.status, 422);
        for code in ["full_name_missing", "sex_missing", "date_invalid", "nationality_unknown", "city_unknown", "phone_invalid"] {
            assert!(response.body.contains(code), "{code} in {}", response.body);
        }
        assert_eq!(app.count("select count(*) from profiles").await, 0);

        let mut fields = identity("0", "Awa");
        fields[4] = ("birth_year", "2015");
        let minor = client.call("/api/profile/save_identity", &fields).await;
        assert!(minor.body.contains("too_young"), "{}", minor.body);
    }

    async fn a_stale_form_is_refused_not_written_over(app) {
        let mut client = app.signed_in(Role::Applicant).await;
        client.call("/api/profile/give_consent", &[("notice_version", NOTICE), ("lang", "fr")]).await;
        assert_eq!(client.call("/api/profile/save_identity", &identity("0", "Awa Koné")).await.status, 200);
        assert_eq!(client.call("/api/profile/save_identity", &identity("1", "Awa Koné Traoré")).await.status, 200);
        // A second tab still holds version 1.
        let stale = client.call("/api/profile/save_identity", &identity("1", "Awa K.")).await;
        assert_eq!(stale.status, 409, "{}", stale.body);
        let again = client.call("/api/profile/save_identity", &identity("0", "Awa K.")).await;
        assert_eq!(again.status, 409, "a second first save does not replace the first");
        assert_eq!(app.text("select full_name from profiles").await.as_deref(), Some("Awa Koné Traoré"));
    }

    async fn an_applicant_only_ever_sees_their_own_profile(app) {
        let mut awa = app.signed_in(Role::Applicant).await;
        awa.call("/api/profile/give_consent", &[("notice_version", NOTICE), ("lang", "fr")]).await;
        awa.call("/api/profile/save_identity", &identity("0", "Awa Koné")).await;

        app.user("moussa@example.org", Role::Applicant).await;
        let mut moussa = app.client();
        moussa.login("moussa@example.org", passerelle_tests::PASSWORD).await;
        let page = moussa.get("/profile").await;
        assert!(!page.body.contains("Awa Koné"));
        let data = moussa.call("/api/profile/load", &[("lang", "fr")]).await;
        assert_eq!(data.status, 200);
        assert!(!data.names("Awa"), "{}", data.body);

        let staff = app.signed_in(Role::Mentor).await.get("/profile").await;
        assert_eq!(staff.status, 403);
    }

    async fn consent_records_cannot_be_rewritten(app) {
        let mut client = app.signed_in(Role::Applicant).await;
        client.call("/api/profile/give_consent", &[("notice_version", NOTICE), ("lang", "fr")]).await;
        let update = match app.db() {
            app::db::Db::Sqlite(pool, _) => sqlx::query("update consents set language = 'en'").execute(pool).await.map(drop),
            app::db::Db::Postgres(pool) => sqlx::query("update consents set language = 'en'").execute(pool).await.map(drop),
        };
        assert!(update.is_err(), "consents are append-only");
        let delete = match app.db() {
            app::db::Db::Sqlite(pool, _) => sqlx::query("delete from consents").execute(pool).await.map(drop),
            app::db::Db::Postgres(pool) => sqlx::query("delete from consents").execute(pool).await.map(drop),
        };
        assert!(delete.is_err());
    }

    async fn the_situation_step_follows_identity_and_keeps_ticked_boxes(app) {
        let mut client = app.signed_in(Role::Applicant).await;
        client.call("/api/profile/give_consent", &[("notice_version", NOTICE), ("lang", "fr")]).await;
        let situation = [
            ("education", "lower_secondary"),
            ("languages[]", "french"),
            ("languages[]", "manding"),
            ("sectors[]", "sewing_fashion"),
            ("availability", "now"),
            ("groups[]", "woman_head_of_household"),
            ("version", "1"),
        ];
        let early = client.call("/api/profile/save_situation", &situation).await;
        assert_eq!(early.status, 422);
        assert!(early.body.contains("identity_first"), "{}", early.body);

        client.call("/api/profile/save_identity", &identity("0", "Awa Koné")).await;
        let page = client.get("/profile").await;
        assert!(page.body.contains("data-test=\"situation\""));
        let response = client
            .post_form("/api/profile/save_situation", "/profile", &situation)
            .await;
        assert_eq!(response.status, 302, "{}", response.body);
        assert_eq!(
            app.text("select education || ' ' || languages || ' ' || sectors || ' ' || availability || ' ' || declared_groups from profiles").await.as_deref(),
            Some(r#"lower_secondary ["french","manding"] ["sewing_fashion"] now ["woman_head_of_household"]"#)
        );
        let page = client.get("/profile?saved=situation").await;
        assert!(page.body.contains("value=\"manding\" checked"), "{}", page.body);
        assert!(!page.body.contains("value=\"wolof\" checked"));
    }

    async fn a_bad_situation_names_each_problem_and_saves_nothing(app) {
        let mut client = app.signed_in(Role::Applicant).await;
        client.call("/api/profile/give_consent", &[("notice_version", NOTICE), ("lang", "fr")]).await;
        client.call("/api/profile/save_identity", &identity("0", "Awa Koné")).await;
        let response = client
            .call(
                "/api/profile/save_situation",
                &[
                    ("education", "doctorat"),
                    ("sectors[]", "mining"),
                    ("availability", ""),
                    ("groups[]", "women"),
                    ("version", "1"),
                ],
            )
            .await;
        assert_eq!(response.status, 422);
        for code in ["education_unknown", "languages_missing", "sector_unknown", "availability_missing", "group_unknown"] {
            assert!(response.body.contains(code), "{code} in {}", response.body);
        }
        assert_eq!(app.count("select count(*) from profiles where education is not null").await, 0);
    }

    async fn the_statistics_answers_are_optional_shown_back_and_checked_on_their_field(app) {
        let mut client = app.signed_in(Role::Applicant).await;
        client.call("/api/profile/give_consent", &[("notice_version", NOTICE), ("lang", "fr")]).await;
        client.call("/api/profile/save_identity", &identity("0", "Awa Koné")).await;
        let page = client.get("/profile").await;
        assert!(page.body.contains("name=\"legal_status\""), "{}", page.body);
        assert!(page.body.contains("Je préfère ne pas répondre"));
        let situation = |version: &'static str, legal_status: &'static str| {
            [
                ("education", "primary"),
                ("languages[]", "french"),
                ("availability", "now"),
                ("population_group", "migrant"),
                ("legal_status", legal_status),
                ("disability", "no"),
                ("version", version),
            ]
        };
        let answers = "select coalesce(population_group, '-') || ' ' || coalesce(legal_status, '-') \
                       || ' ' || coalesce(disability, '-') || ' ' || cast(version as text) from profiles";
        let response = client
            .post_form("/api/profile/save_situation", "/profile", &situation("1", "no_permit"))
            .await;
        assert_eq!(response.status, 302, "{}", response.body);
        assert_eq!(app.text(answers).await.as_deref(), Some("migrant no_permit no 2"));
        let page = client.get("/profile?saved=situation").await;
        for chosen in ["value=\"migrant\" selected", "value=\"no_permit\" selected", "value=\"no\" selected"] {
            assert!(page.body.contains(chosen), "{chosen} in {}", page.body);
        }
        let held = client.get("/me/data").await;
        for shown in ["Migrant·e", "Sans titre de séjour", "Vivez-vous avec un handicap"] {
            assert!(held.body.contains(shown), "{shown} in {}", held.body);
        }
        let file = client.get("/me/data.json").await.json();
        assert_eq!(file["situation"]["population_group"], "migrant");
        assert_eq!(file["situation"]["legal_status"], "no_permit");
        assert_eq!(file["situation"]["disability"], "no");

        // Without JavaScript an unknown status comes back next to its field, and nothing changes.
        let response = client
            .post_form("/api/profile/save_situation", "/profile", &situation("2", "tourist"))
            .await;
        let location = response.location().expect("redirect back").to_owned();
        let page = client.get(location.trim_start_matches(passerelle_tests::client::ORIGIN)).await;
        assert!(page.body.contains("data-test=\"legal-status-problems\""), "{}", page.body);
        assert!(page.body.contains("Choisissez une situation de la liste"), "{}", page.body);
        assert_eq!(app.text(answers).await.as_deref(), Some("migrant no_permit no 2"));

        // A tab opened before these questions existed posts none of them: not stated.
        let older = [("education", "primary"), ("languages[]", "french"), ("availability", "now"), ("version", "2")];
        assert_eq!(client.call("/api/profile/save_situation", &older).await.status, 200);
        assert_eq!(app.text(answers).await.as_deref(), Some("- - - 3"));
    }

    async fn documents_are_added_with_their_expiry_and_only_their_owner_removes_them(app) {
        let mut client = app.signed_in(Role::Applicant).await;
        client.call("/api/profile/give_consent", &[("notice_version", NOTICE), ("lang", "fr")]).await;
        let card = [
            ("kind", "residence_card"),
            ("number", "ab 123"),
            ("expires_day", "31"),
            ("expires_month", "12"),
            ("expires_year", "2030"),
        ];
        let early = client.call("/api/profile/add_document", &card).await;
        assert!(early.body.contains("identity_first"), "{}", early.body);

        client.call("/api/profile/save_identity", &identity("0", "Awa Koné")).await;
        let response = client.post_form("/api/profile/add_document", "/profile", &card).await;
        assert_eq!(response.status, 302, "{}", response.body);
        assert_eq!(
            app.text("select kind || ' ' || number || ' ' || cast(expires_on as text) from profile_documents").await.as_deref(),
            Some("residence_card AB 123 2030-12-31")
        );
        let page = client.get("/profile").await;
        assert!(page.body.contains("expire le 31 décembre 2030"), "{}", page.body);

        let expired = client
            .call("/api/profile/add_document", &[("kind", "passport"), ("number", ""), ("expires_day", "1"), ("expires_month", "1"), ("expires_year", "2020")])
            .await;
        assert_eq!(expired.status, 422);
        assert!(expired.body.contains("document_expired"));
        assert_eq!(app.count("select count(*) from profile_documents").await, 1);

        let id = app.count("select id from profile_documents").await.to_string();
        app.user("moussa@example.org", Role::Applicant).await;
        let mut moussa = app.client();
        moussa.login("moussa@example.org", passerelle_tests::PASSWORD).await;
        let foreign = moussa.call("/api/profile/remove_document", &[("id", &id)]).await;
        assert_eq!(foreign.status, 404, "another person's document is not found");
        assert_eq!(app.count("select count(*) from profile_documents").await, 1);
        assert_eq!(client.call("/api/profile/remove_document", &[("id", &id)]).await.status, 200);
        assert_eq!(app.count("select count(*) from profile_documents").await, 0);
    }

    async fn skills_are_found_on_the_profile_page_and_added_with_level_and_years(app) {
        let mut client = app.signed_in(Role::Applicant).await;
        client.call("/api/profile/give_consent", &[("notice_version", NOTICE), ("lang", "fr")]).await;
        client.call("/api/profile/save_identity", &identity("0", "Awa Koné")).await;
        let page = client.get("/profile?skill_q=tresses").await;
        assert!(page.body.contains("data-result=\"hair.african-braiding\""), "{}", page.body);

        let add = [("skill", "hair.african-braiding"), ("level", "expert"), ("years", "6")];
        let response = client.post_form("/api/profile/add_skill", "/profile?skill_q=tresses", &add).await;
        assert_eq!(response.status, 302, "{}", response.body);
        let again = [("skill", "hair.african-braiding"), ("level", "advanced"), ("years", "7")];
        assert_eq!(client.call("/api/profile/add_skill", &again).await.status, 200);
        assert_eq!(
            app.text("select skill || ' ' || level || ' ' || cast(years as text) from profile_skills").await.as_deref(),
            Some("hair.african-braiding advanced 7"),
            "adding a claimed skill updates it"
        );
        let page = client.get("/profile").await;
        assert!(page.body.contains("Tresses africaines"));

        let bad = client
            .call("/api/profile/add_skill", &[("skill", "juggling"), ("level", "guru"), ("years", "99")])
            .await;
        assert_eq!(bad.status, 422);
        for code in ["skill_unknown", "level_unknown", "years_invalid"] {
            assert!(bad.body.contains(code), "{code} in {}", bad.body);
        }
        assert_eq!(client.call("/api/profile/remove_skill", &[("skill", "hair.african-braiding")]).await.status, 200);
        assert_eq!(app.count("select count(*) from profile_skills").await, 0);
    }
    async fn work_history_is_added_checked_and_removed_only_by_its_owner(app) {
        let mut client = app.signed_in(Role::Applicant).await;
        client.call("/api/profile/give_consent", &[("notice_version", NOTICE), ("lang", "fr")]).await;
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
            ("description", "Retouches et robes"),
        ];
        let early = client.call("/api/profile/add_work", &job).await;
        assert!(early.body.contains("identity_first"), "{}", early.body);

        client.call("/api/profile/save_identity", &identity("0", "Awa Koné")).await;
        let response = client.post_form("/api/profile/add_work", "/profile", &job).await;
        assert_eq!(response.status, 302, "{}", response.body);
        assert!(response.location().unwrap_or_default().contains("/profile?saved=work"));
        assert_eq!(
            app.text("select title || ' ' || country || ' ' || start_month || ' ' || coalesce(end_month, 'ongoing') from profile_work").await.as_deref(),
            Some("Couturière MA 2021-03 ongoing")
        );
        let page = client.get("/profile").await;
        assert!(page.body.contains("data-test=\"job\""), "{}", page.body);
        assert!(page.body.contains("depuis 03/2021"), "{}", page.body);

        let bad = client
            .call("/api/profile/add_work", &[
                ("title", " "), ("employer", ""), ("country", "ZZ"), ("town", ""),
                ("from_month", "13"), ("from_year", "2020"), ("to_month", "1"), ("to_year", "2099"),
                ("description", ""),
            ])
            .await;
        assert_eq!(bad.status, 422);
        for code in ["job_title_missing", "country_unknown", "month_invalid", "month_in_future"] {
            assert!(bad.body.contains(code), "{code} in {}", bad.body);
        }
        let backwards = client
            .call("/api/profile/add_work", &[
                ("title", "Vendeuse"), ("employer", ""), ("country", "CI"), ("town", ""),
                ("from_month", "5"), ("from_year", "2022"), ("to_month", "1"), ("to_year", "2021"),
                ("description", ""),
            ])
            .await;
        assert!(backwards.body.contains("work_end_before_start"), "{}", backwards.body);

        // Without JavaScript the problem comes back next to its field, in the reader's language.
        client.cookies.insert("i18n_pref_locale".into(), "ar".into());
        let response = client
            .post_form("/api/profile/add_work", "/profile", &[
                ("title", "Vendeuse"), ("employer", ""), ("country", "CI"), ("town", ""),
                ("from_month", "5"), ("from_year", "2022"), ("to_month", "1"), ("to_year", "2021"),
                ("description", ""),
            ])
            .await;
        let location = response.location().expect("redirect back").to_owned();
        let page = client.get(location.trim_start_matches(passerelle_tests::client::ORIGIN)).await;
        assert!(page.body.contains("لا يمكن أن تسبق النهاية البداية"), "{}", page.body);
        assert_eq!(app.count("select count(*) from profile_work").await, 1, "nothing half-saved");

        let id = app.count("select id from profile_work").await.to_string();
        app.user("moussa@example.org", Role::Applicant).await;
        let mut moussa = app.client();
        moussa.login("moussa@example.org", passerelle_tests::PASSWORD).await;
        let foreign = moussa.call("/api/profile/remove_work", &[("id", &id)]).await;
        assert_eq!(foreign.status, 404, "another person's job is not found");
        assert_eq!(app.count("select count(*) from profile_work").await, 1);
        assert_eq!(client.call("/api/profile/remove_work", &[("id", &id)]).await.status, 200);
        assert_eq!(app.count("select count(*) from profile_work").await, 0);
    }

    async fn no_more_than_twenty_jobs(app) {
        let mut client = app.signed_in(Role::Applicant).await;
        client.call("/api/profile/give_consent", &[("notice_version", NOTICE), ("lang", "fr")]).await;
        client.call("/api/profile/save_identity", &identity("0", "Awa Koné")).await;
        let job = [
            ("title", "Serveuse"), ("employer", ""), ("country", "MA"), ("town", ""),
            ("from_month", "1"), ("from_year", "2020"), ("to_month", "2"), ("to_year", "2020"),
            ("description", ""),
        ];
        for _ in 0..app::domain::profile::work::JOBS_MAX {
            assert_eq!(client.call("/api/profile/add_work", &job).await.status, 200);
        }
        let one_more = client.call("/api/profile/add_work", &job).await;
        assert_eq!(one_more.status, 422);
        assert!(one_more.body.contains("too_many_jobs"), "{}", one_more.body);
        assert_eq!(app.count("select count(*) from profile_work").await, 20);
    }
}
