//! What a person met on a full walk-through (issue 18), in the pages as the server sends them:
//! why changes were asked, on the page where they are made; a box per section named by its
//! section, its comments inside it; a decided plan read as a record; figures worded for whoever
//! reads them; a sitting scheduled once however often its button is pressed; staff shown by
//! name; and a profile wizard that ends by leading to the offers.

use super::committee_support::{
    approved_plan, new_session, ready_plan, step, under_review, MEMBERS,
};
use super::matches::person;
use super::plan_support::{assign, awa_with_a_plan, fill_plan, mentor};
use app::domain::accounts::role::Role;
use app::domain::plans::plan_text::Section;
use app::domain::shared::{display, locale::Lang};
use passerelle_tests::{both_backends, Client, TestApp};

/// The text of every `<label>` on the page whose `for` starts with `prefix`, tags stripped and
/// spaces collapsed.
fn labels(html: &str, prefix: &str) -> Vec<String> {
    let start = format!("<label for=\"{prefix}");
    html.match_indices(&start)
        .filter_map(|(at, _)| {
            let rest = &html[at..];
            let open = rest.find('>')? + 1;
            let close = rest.find("</label>")?;
            let mut text = String::new();
            let mut in_tag = false;
            for c in rest[open..close].chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .collect()
}

/// Where `needle` first is on the page (it must be there).
fn at(html: &str, needle: &str) -> usize {
    html.find(needle)
        .unwrap_or_else(|| panic!("{needle} is not on the page"))
}

async fn plan_page(client: &mut Client, plan: &str) -> String {
    let page = client.get(&format!("/plans/plan?id={plan}")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.body
}

/// Awa's filled plan, sent to the mentor assigned to it: Awa, the mentor, the plan.
async fn submitted(app: &TestApp) -> (Client, Client, String) {
    let (mut awa, plan) = awa_with_a_plan(app).await;
    let (coach, coach_id) = mentor(app, "coach@example.org").await;
    let mut admin = app.signed_in(Role::Admin).await;
    assign(&mut admin, &plan, coach_id).await;
    fill_plan(app, &plan).await;
    step(&mut awa, &plan, "submit", "").await;
    (awa, coach, plan)
}

both_backends! {
    async fn the_plan_page_says_why_changes_were_asked_where_they_are_made(app) {
        let (mut awa, mut coach, plan) = submitted(&app).await;
        let page = plan_page(&mut awa, &plan).await;
        assert!(!page.contains("data-test=\"changes-asked\""));
        // Sent: nothing left to check before sending.
        assert!(!page.contains("data-test=\"checklist\""));

        step(&mut coach, &plan, "request_changes", "Précisez vos prix de vente.").await;
        let page = plan_page(&mut awa, &plan).await;
        let asked = at(&page, "data-test=\"changes-asked\"");
        assert!(page[asked..].contains("Précisez vos prix de vente."), "{page}");
        // Above the sections she will change, and her checklist is back.
        assert!(asked < at(&page, "data-test=\"section-summary\""));
        assert!(page.contains("data-test=\"checklist\""));

        // Sent again: the request is answered and leaves the page.
        step(&mut awa, &plan, "resubmit", "").await;
        let page = plan_page(&mut awa, &plan).await;
        assert!(!page.contains("data-test=\"changes-asked\""));
    }

    async fn each_box_on_the_plan_page_is_named_by_its_section_and_its_thread_sits_inside_it(app) {
        let (mut awa, plan) = awa_with_a_plan(&app).await;
        let page = plan_page(&mut awa, &plan).await;
        let texts = labels(&page, "body-");
        let comments = labels(&page, "comment-");
        assert_eq!(texts.len(), 6, "{texts:?}");
        assert_eq!(comments.len(), 7, "{comments:?}");
        let mut all: Vec<&String> = texts.iter().chain(&comments).collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 13, "every box has its own name: {texts:?} {comments:?}");
        assert!(texts.iter().any(|t| t.starts_with("Votre texte pour « Marché : clients et concurrents »")), "{texts:?}");
        assert!(comments.contains(&"Votre commentaire sur « Marché : clients et concurrents »".to_owned()), "{comments:?}");
        assert!(comments.contains(&"Votre commentaire sur « Chiffres »".to_owned()), "{comments:?}");

        // Each section's thread is inside its card, under the section's own name.
        for pair in Section::ALL.windows(2) {
            let (this, next) = (pair[0].code(), pair[1].code());
            let thread = at(&page, &format!("data-test=\"thread-{this}\""));
            assert!(at(&page, &format!("data-test=\"section-{this}\"")) < thread, "{this}");
            assert!(thread < at(&page, &format!("data-test=\"section-{next}\"")), "{this}");
        }
        assert!(page.contains("Commentaires sur « Marché : clients et concurrents »"));
        assert!(!page.contains("Le marché"), "one name per section");
    }

    async fn a_decided_plan_reads_as_a_record_without_forms(app) {
        let (mut awa, mut coach, _, plan) = approved_plan(&app).await;
        for client in [&mut awa, &mut coach] {
            let page = plan_page(client, &plan).await;
            assert!(page.contains("data-test=\"decision\""), "{page}");
            assert!(!page.contains("data-test=\"checklist\""));
            assert!(!page.contains("class=\"comment-form\""), "no comment box on a decided plan");
            assert!(!page.contains("name=\"body\""), "no text box either");
            // The text and the figures still read.
            assert!(page.contains("Texte de la section market."));
            assert!(page.contains("data-test=\"totals\""));
        }
        let refused = awa
            .call("/api/plans/comment", &[("plan", &plan), ("part", "market"), ("body", "Encore une idée")])
            .await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(refused.body.contains("plan_decided"), "{}", refused.body);
        assert_eq!(app.count("select count(*) from plan_comments").await, 0);
    }

    async fn committee_members_read_the_figures_as_the_plans_not_as_their_own(app) {
        let (_, plan, _) = under_review(&app, &MEMBERS).await;
        let mut alice = app.login(MEMBERS[0]).await;
        let review = alice.get(&format!("/committee/review?plan={plan}")).await;
        assert_eq!(review.status, 200, "{}", review.body);
        assert!(review.body.contains("Calculé à partir des chiffres du plan"), "{}", review.body);
        assert!(!review.body.contains("vos chiffres"));

        let mut awa = app.login("awa@example.org").await;
        let page = plan_page(&mut awa, &plan).await;
        assert!(page.contains("Calculé à partir de vos chiffres"));
    }

    async fn a_sitting_is_scheduled_once_however_often_its_button_is_pressed(app) {
        let (mut admin, _, call, _) = ready_plan(&app).await;
        let first = new_session(&app, &mut admin, &call).await;
        let again = new_session(&app, &mut admin, &call).await;
        assert_eq!(first, again);
        assert_eq!(app.count("select count(*) from review_sessions").await, 1);
        assert_eq!(app.count("select count(*) from audit_log where action = 'review_session_created'").await, 1);
        // Another place the same day is another sitting.
        let other = admin
            .call("/api/committee/create_session", &[("call", &call), ("held_on", "2027-03-15"), ("place", "Rabat")])
            .await;
        assert_eq!(other.status, 200, "{}", other.body);
        assert_eq!(app.count("select count(*) from review_sessions").await, 2);
    }

    async fn staff_appear_by_the_name_an_admin_gave_them(app) {
        let (mut admin, _, call, _) = ready_plan(&app).await;
        let created = admin
            .call("/api/accounts/create_staff", &[("name", "Salma Berrada"), ("email", "salma@example.org"), ("role", "committee"), ("password", "une phrase de passe solide")])
            .await;
        assert_eq!(created.status, 200, "{}", created.body);
        let added = admin.call("/api/committee/add_member", &[("call", &call), ("email", "salma@example.org")]).await;
        assert_eq!(added.status, 200, "{}", added.body);
        let desk = admin.get(&format!("/admin/committee?call={call}")).await;
        let row = at(&desk.body, "data-test=\"member\"");
        let name = at(&desk.body, "<td>Salma Berrada");
        assert!(row < name, "{}", desk.body);
        // The members' table scrolls inside its card on a phone, not the page.
        let members = at(&desk.body, "data-test=\"members\"");
        assert!(desk.body[members..].contains("<div class=\"table-scroll\"><table"));

        // An account made without a name gets one; applicants name themselves in their profile.
        let bruno = app.user("bruno@example.org", Role::Mentor).await.to_string();
        let renamed = admin.call("/api/accounts/rename_staff", &[("user_id", &bruno), ("name", " Bruno  Alami ")]).await;
        assert_eq!(renamed.status, 200, "{}", renamed.body);
        let name = app.text("select display_name from users where email = 'bruno@example.org'").await;
        assert_eq!(name.as_deref(), Some("Bruno Alami"));
        let empty = admin.call("/api/accounts/rename_staff", &[("user_id", &bruno), ("name", "  ")]).await;
        assert_eq!(empty.status, 422, "{}", empty.body);
        assert!(empty.body.contains("full_name_missing"), "{}", empty.body);
        let awa = app.user_id("awa@example.org").await.to_string();
        let refused = admin.call("/api/accounts/rename_staff", &[("user_id", &awa), ("name", "Quelqu'un")]).await;
        assert_eq!(refused.status, 404, "{}", refused.body);
        assert_eq!(app.count("select count(*) from audit_log where action = 'user_renamed'").await, 1);
        let users = admin.get("/admin/users").await;
        assert!(users.body.contains("value=\"Bruno Alami\""), "{}", users.body);
    }

    async fn the_profile_wizard_ends_by_leading_to_the_offers(app) {
        app.user("moussa@example.org", Role::Applicant).await;
        let mut moussa = app.login("moussa@example.org").await;
        moussa.call("/api/profile/give_consent", &[("notice_version", app::domain::profile::consent::NOTICE_VERSION), ("lang", "fr")]).await;
        let page = moussa.get("/profile").await;
        assert!(page.body.contains("data-complete=\"false\""), "{}", page.body);
        let end = &page.body[at(&page.body, "data-test=\"profile-end\"")..];
        assert!(end.contains("href=\"#identity\""));
        // The later steps show once the identity is saved: named, not yet links.
        assert!(end.contains("2. Situation") && end.contains("4. Compétences"));
        assert!(!end.contains("href=\"#situation\""));
        assert!(!page.body.contains("data-test=\"to-matches\""));
        let identity = [
            ("full_name", "Moussa Traoré"), ("sex", "male"), ("birth_day", "2"), ("birth_month", "5"),
            ("birth_year", "1994"), ("nationality", "ML"), ("city", "rabat"), ("phone", ""), ("version", "0"),
        ];
        assert_eq!(moussa.call("/api/profile/save_identity", &identity).await.status, 200);
        let page = moussa.get("/profile").await;
        let end = &page.body[at(&page.body, "data-test=\"profile-end\"")..];
        assert!(end.contains("href=\"#situation\"") && end.contains("href=\"#skills\""), "{end}");
        assert!(!end.contains("href=\"#identity\""));

        // Every step numbered, the work history too; a complete profile leads to the offers.
        let mut awa = person(&app, "awa@example.org", "Awa Koné", false).await;
        let page = awa.get("/profile?saved=skill").await;
        assert!(page.body.contains("5. Expérience professionnelle"));
        assert!(page.body.contains("data-complete=\"true\""), "{}", page.body);
        assert!(page.body.contains("data-test=\"to-matches\""));
        assert!(page.body.contains("Votre profil est complet"));
    }

    async fn a_training_in_another_city_says_so(app) {
        // Awa lives in Tanger; the catalogue has trainings in Tanger and in Rabat.
        let (mut awa, _) = awa_with_a_plan(&app).await;
        let page = awa.get("/matches?kind=training").await;
        assert_eq!(page.status, 200, "{}", page.body);
        let card = |reference: &str| {
            let start = at(&page.body, &format!("data-reference=\"{reference}\""));
            let end = page.body[start..].find("</article>").expect("card end") + start;
            page.body[start..end].to_owned()
        };
        let rabat = card("ANAPEC-RBT-201");
        assert!(rabat.contains("data-test=\"away\""), "{rabat}");
        assert!(rabat.contains("a lieu à Rabat, pas à Tanger où vous habitez"), "{rabat}");
        assert!(!card("ANAPEC-TNG-103").contains("data-test=\"away\""));
    }

    async fn in_arabic_amounts_and_days_read_as_arabic_writes_them(app) {
        let (mut awa, _, _, plan) = approved_plan(&app).await;
        awa.headers.push(("accept-language", "ar-MA,ar;q=0.9".into()));
        let page = plan_page(&mut awa, &plan).await;
        assert!(page.contains("lang=\"ar\""), "{page}");
        assert!(page.contains("8\u{202f}000,00\u{a0}درهم"), "{page}");
        assert!(!page.contains("MAD"), "no MAD where the labels say درهم: {page}");
        // The decision's day, with the month as Morocco names it in Arabic; no ISO dates.
        let today = time::OffsetDateTime::now_utc().date();
        assert!(page.contains(&display::date(Lang::Ar, today)), "{page}");
        assert!(!page.contains(&format!(">{today}<")), "{page}");
    }
}
