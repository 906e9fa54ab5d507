//! An applicant's matches: ranked, explained, with what would open the rest — and recomputed as
//! soon as the profile changes.

use app::domain::accounts::role::Role;
use passerelle_tests::{both_backends, Client, TestApp};

const NOTICE: &str = app::domain::profile::consent::NOTICE_VERSION;

pub(crate) async fn catalogue(app: &TestApp) {
    let today = time::OffsetDateTime::now_utc().date();
    let added = server::seed_catalogue::demo_catalogue(app.db(), today)
        .await
        .expect("seed");
    assert_eq!(added, 11);
}

/// Awa: a woman from Côte d'Ivoire, 29, living in Tanger, a seamstress.
async fn awa(app: &TestApp, with_card: bool) -> Client {
    person(app, "applicant@example.org", "Awa Koné", with_card).await
}

/// An applicant with Awa's profile under another account and name.
pub(crate) async fn person(app: &TestApp, email: &str, name: &str, with_card: bool) -> Client {
    app.user(email, Role::Applicant).await;
    let mut client = app.client();
    assert_eq!(
        client.login(email, passerelle_tests::PASSWORD).await.status,
        200
    );
    client
        .call(
            "/api/profile/give_consent",
            &[("notice_version", NOTICE), ("lang", "fr")],
        )
        .await;
    let identity = [
        ("full_name", name),
        ("sex", "female"),
        ("birth_day", "14"),
        ("birth_month", "3"),
        ("birth_year", "1997"),
        ("nationality", "CI"),
        ("city", "tanger"),
        ("phone", ""),
        ("version", "0"),
    ];
    assert_eq!(
        client
            .call("/api/profile/save_identity", &identity)
            .await
            .status,
        200
    );
    let situation = [
        ("education", "lower_secondary"),
        ("languages[]", "french"),
        ("languages[]", "manding"),
        ("sectors[]", "sewing_fashion"),
        ("availability", "now"),
        ("version", "1"),
    ];
    assert_eq!(
        client
            .call("/api/profile/save_situation", &situation)
            .await
            .status,
        200
    );
    let skill = [
        ("skill", "sew.industrial-lockstitch"),
        ("level", "expert"),
        ("years", "6"),
    ];
    assert_eq!(
        client.call("/api/profile/add_skill", &skill).await.status,
        200
    );
    if with_card {
        add_card(&mut client).await;
    }
    client
}

pub(crate) async fn add_card(client: &mut Client) {
    let card = [
        ("kind", "residence_card"),
        ("number", ""),
        ("expires_day", "31"),
        ("expires_month", "12"),
        ("expires_year", "2031"),
    ];
    assert_eq!(
        client.call("/api/profile/add_document", &card).await.status,
        200
    );
}

/// The offer with this reference on a group's page (`m["eligible"]`, …).
pub(crate) fn find<'a>(
    group: &'a serde_json::Value,
    reference: &str,
) -> Option<&'a serde_json::Value> {
    group["offers"]
        .as_array()?
        .iter()
        .find(|o| o["reference"] == reference)
}

both_backends! {
    async fn matches_are_ranked_and_each_says_why(app) {
        catalogue(&app).await;
        let mut client = awa(&app, true).await;
        let response = client.call("/api/matching/mine", &[("lang", "fr")]).await;
        assert_eq!(response.status, 200, "{}", response.body);
        let m = response.json();

        let eligible = m["eligible"]["offers"].as_array().expect("eligible");
        let totals: Vec<i64> = eligible
            .iter()
            .map(|o| ["skills", "sector", "city", "language"].iter().map(|k| o["score"][k].as_i64().unwrap_or(0)).sum())
            .collect();
        assert!(totals.windows(2).all(|w| w[0] >= w[1]), "ranked by score: {totals:?}");
        let women = find(&m["eligible"], "AGR-TNG-FEMMES-2027").expect("the Tanger women's call is open to Awa");
        assert!(women["checks"].as_array().expect("checks").iter().all(|c| c["met"] == true));
        let sewing = find(&m["eligible"], "ANAPEC-TNG-102").expect("the sewing training fits");
        assert_eq!(sewing["matched_skills"][0], "Couture sur machine industrielle piqueuse", "{sewing}");

        // Not yet: the youth call wants the self-employment training first.
        let youth = find(&m["not_yet"], "AGR-JEUNES-2027").expect("not yet");
        let remedies: Vec<&serde_json::Value> = youth["checks"].as_array().expect("checks").iter().filter_map(|c| c.get("remedy").filter(|r| !r.is_null())).collect();
        assert_eq!(remedies.len(), 1, "{youth}");
        assert_eq!(remedies[0]["remedy"], "complete_training");
        assert_eq!(remedies[0]["programme"], "self_employment");
        // Not yet: the call-centre training asks for the baccalaureate.
        assert!(find(&m["not_yet"], "ANAPEC-RBT-201").is_some());
        // Not open: Rabat's call is for people living there.
        assert!(find(&m["not_eligible"], "AGR-RBT-2027").is_some());

        let page = client.get("/matches").await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Suivez d&#x27;abord une formation ANAPEC auto-emploi")
            || page.body.contains("Suivez d'abord une formation ANAPEC auto-emploi"), "{}", page.body);
        assert!(page.body.contains("Vous vivez à Tanger, dans la zone de l"), "a reason for an eligible offer");
    }

    async fn following_a_remedy_reopens_the_offer_at_once(app) {
        catalogue(&app).await;
        let mut client = awa(&app, false).await;
        let before = client.call("/api/matching/mine", &[("lang", "en")]).await.json();
        let wiring = find(&before["not_yet"], "ANAPEC-TNG-101").expect("papers are missing");
        let remedy = wiring["checks"].as_array().expect("checks").iter()
            .find_map(|c| c.get("remedy").filter(|r| !r.is_null())).expect("a remedy");
        assert_eq!(remedy["remedy"], "get_document");
        assert!(remedy["any_of"].as_array().expect("kinds").iter().any(|k| k == "residence_card"));

        add_card(&mut client).await;
        let after = client.call("/api/matching/mine", &[("lang", "en")]).await.json();
        assert!(find(&after["eligible"], "ANAPEC-TNG-101").is_some(), "{after}");
    }

    async fn the_kept_catalogue_follows_every_change_to_an_offer(app) {
        catalogue(&app).await;
        let mut client = awa(&app, true).await;
        let version = "select version from catalogue_version";
        let before = client.call("/api/matching/mine", &[("lang", "fr")]).await.json();
        let sewing = find(&before["eligible"], "ANAPEC-TNG-102").expect("the sewing training fits");
        assert_eq!(sewing["seats"]["taken"], 0, "{sewing}");
        assert!(find(&before["not_yet"], "ANAPEC-RBT-201").is_some());
        assert!(find(&before["eligible"], "AGR-TNG-FEMMES-2027").is_some());

        // Seats taken change with every enrolment: read afresh, and the catalogue stays as kept.
        let kept = app.count(version).await;
        app.exec("update trainings set enrolled = 3 where reference = 'ANAPEC-TNG-102'").await;
        assert_eq!(app.count(version).await, kept, "a seat is no change to the catalogue");
        let m = client.call("/api/matching/mine", &[("lang", "fr")]).await.json();
        assert_eq!(find(&m["eligible"], "ANAPEC-TNG-102").expect("still fits")["seats"]["taken"], 3);

        // Written behind this server's back, as another server or an import would: renamed,
        // removed, closed, added. Each shows at the next request.
        app.exec("update trainings set title = 'Couture, cours du soir' where reference = 'ANAPEC-TNG-102'").await;
        app.exec("delete from trainings where reference = 'ANAPEC-RBT-201'").await;
        app.exec(
            "update grant_calls set opens_on = '2020-01-01', closes_on = '2020-01-31' \
             where reference = 'AGR-TNG-FEMMES-2027'",
        )
        .await;
        app.exec(
            "insert into trainings (reference, title, programme, sector, city, starts_on, ends_on, \
             seats, languages, min_education, required_documents, target_groups, skills, \
             created_at, updated_at) \
             select 'ANAPEC-TNG-999', 'Couture, session d''été', programme, sector, city, \
             starts_on, ends_on, seats, languages, min_education, required_documents, \
             target_groups, skills, created_at, updated_at \
             from trainings where reference = 'ANAPEC-TNG-102'",
        )
        .await;
        assert!(app.count(version).await > kept);
        let after = client.call("/api/matching/mine", &[("lang", "fr")]).await.json();
        let renamed = find(&after["eligible"], "ANAPEC-TNG-102").expect("still fits");
        assert_eq!(renamed["title"], "Couture, cours du soir");
        let added = find(&after["eligible"], "ANAPEC-TNG-999").expect("the new training fits too");
        assert_eq!(added["title"], "Couture, session d'été");
        for (key, _) in GROUPS {
            assert!(find(&after[key], "ANAPEC-RBT-201").is_none(), "removed: {}", after[key]);
            assert!(find(&after[key], "AGR-TNG-FEMMES-2027").is_none(), "closed: {}", after[key]);
        }
        assert_eq!(after["unfiltered"], before["unfiltered"].as_i64().expect("count") - 1);
    }

    async fn an_empty_profile_is_asked_to_complete_not_refused(app) {
        catalogue(&app).await;
        let mut client = app.signed_in(Role::Applicant).await;
        let m = client.call("/api/matching/mine", &[("lang", "ar")]).await.json();
        assert_eq!(m["eligible"]["total"], 0);
        let first = &m["not_yet"]["offers"][0];
        assert!(first["checks"].as_array().expect("checks").iter().any(|c| c["remedy"]["remedy"] == "complete_profile"), "{first}");
        client.cookies.insert("i18n_pref_locale".into(), "ar".into());
        let page = client.get("/matches").await;
        assert!(page.body.contains("أكمل ملفك"), "{}", page.body);
    }

    async fn a_long_list_comes_a_page_at_a_time_with_plain_links(app) {
        let today = time::OffsetDateTime::now_utc().date();
        let size = server::seed_scale::Scale { applicants: 0, trainings: 90, calls: 30 };
        server::seed_scale::scale(app.db(), size, today).await.expect("seed scale");
        let mut client = awa(&app, true).await;

        let m = client.call("/api/matching/mine", &[("lang", "en")]).await.json();
        // Some scale offers have begun or closed already: the rest are listed.
        let open = m["unfiltered"].as_i64().expect("a count");
        assert!(open > 80, "{open} upcoming or open offers");
        let totals: Vec<i64> = GROUPS.iter().map(|(key, _)| m[key]["total"].as_i64().unwrap_or(-1)).collect();
        assert_eq!(totals.iter().sum::<i64>(), open, "every offer is in one group: {totals:?}");
        for (key, _) in GROUPS {
            let shown = m[key]["offers"].as_array().map_or(0, Vec::len) as i64;
            assert_eq!(shown, m[key]["total"].as_i64().unwrap_or(0).min(20), "{key}: at most 20 at a time");
        }
        // The largest group (over 80 offers in three groups: at least 27) has further pages.
        let (key, id) = GROUPS.iter().copied().max_by_key(|(key, _)| m[key]["total"].as_i64()).expect("a group");
        let second = client.call("/api/matching/mine", &[("lang", "en"), (key, "2")]).await.json();
        assert_eq!(second[key]["page"], 1);
        let score = |o: &serde_json::Value| ["skills", "sector", "city", "language"].iter().map(|k| o["score"][k].as_i64().unwrap_or(0)).sum::<i64>();
        let page_one: Vec<&serde_json::Value> = m[key]["offers"].as_array().expect("offers").iter().collect();
        let page_two: Vec<&serde_json::Value> = second[key]["offers"].as_array().expect("offers").iter().collect();
        assert!(!page_two.is_empty());
        assert!(page_two.iter().all(|o| !page_one.iter().any(|p| p["reference"] == o["reference"])), "page two is new offers");
        assert!(score(page_one[19]) >= score(page_two[0]), "the ranking runs on across pages");

        // Without a script: the page holds 20 per group at most and a plain link to the next.
        client.cookies.insert("i18n_pref_locale".into(), "en".into());
        let page = client.get("/matches").await;
        assert_eq!(page.status, 200);
        assert!(page.body.matches("data-test=\"offer\"").count() <= 60);
        let more = format!("href=\"/matches?{key}=2#{id}\"");
        assert!(page.body.contains(&more), "{more} in the page");
        // The budget: 60 KB of page. The hydration state (the same offers again, as data for
        // the script) is counted apart until the page becomes islands, which drop it.
        let state = page.body.split("<script").filter(|s| s.contains("__RESOLVED_RESOURCES")).map(str::len).sum::<usize>();
        assert!(page.body.len() - state < 60_000, "the page weighs {} bytes and its state {state}", page.body.len() - state);
        assert!(page.body.len() < 90_000, "with its hydration state, {} bytes", page.body.len());
        let next = client.get(&format!("/matches?{key}=2")).await;
        assert!(next.body.contains("21–"), "the second page says where it is");
        assert!(next.body.contains("rel=\"prev\""));

        // Filters narrow by kind and by city (an offer open to every city stays).
        let calls = client.call("/api/matching/mine", &[("lang", "en"), ("kind", "call")]).await.json();
        let all: Vec<&serde_json::Value> = GROUPS.iter().flat_map(|(key, _)| calls[key]["offers"].as_array().into_iter().flatten()).collect();
        assert!(!all.is_empty() && all.iter().all(|o| o["kind"] == "call"));
        let calls_open = GROUPS.iter().map(|(key, _)| calls[key]["total"].as_i64().unwrap_or(0)).sum::<i64>();
        assert!(calls_open > 0 && calls_open < open, "{calls_open} calls of {open} offers");
        let rabat = client.call("/api/matching/mine", &[("lang", "en"), ("city", "rabat")]).await.json();
        for (key, _) in GROUPS {
            for offer in rabat[key]["offers"].as_array().into_iter().flatten() {
                let cities = offer["cities"].as_array().expect("cities");
                assert!(cities.is_empty() || cities.iter().any(|c| c == "rabat"), "{offer}");
            }
        }
        let bad = client.call("/api/matching/mine", &[("lang", "en"), ("city", "atlantis")]).await;
        assert_eq!(bad.status, 422);
        assert!(bad.body.contains("city_unknown"), "{}", bad.body);
        let bad_page = client.get("/matches?city=atlantis").await;
        assert!(bad_page.body.contains("data-test=\"match-filters\""), "the filters stay to be corrected");
    }
}

/// The three groups: key in the data and the query, and section id on the page.
const GROUPS: [(&str, &str); 3] = [
    ("eligible", "eligible"),
    ("not_yet", "not-yet"),
    ("not_eligible", "not-eligible"),
];
