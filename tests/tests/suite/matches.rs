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

pub(crate) fn find<'a>(
    group: &'a serde_json::Value,
    reference: &str,
) -> Option<&'a serde_json::Value> {
    group
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

        let eligible = m["eligible"].as_array().expect("eligible");
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

    async fn an_empty_profile_is_asked_to_complete_not_refused(app) {
        catalogue(&app).await;
        let mut client = app.signed_in(Role::Applicant).await;
        let m = client.call("/api/matching/mine", &[("lang", "ar")]).await.json();
        assert_eq!(m["eligible"].as_array().map(Vec::len), Some(0));
        let first = &m["not_yet"][0];
        assert!(first["checks"].as_array().expect("checks").iter().any(|c| c["remedy"]["remedy"] == "complete_profile"), "{first}");
        client.cookies.insert("i18n_pref_locale".into(), "ar".into());
        let page = client.get("/matches").await;
        assert!(page.body.contains("أكمل ملفك"), "{}", page.body);
    }
}
