//! Acting on a match: seats in trainings (requested, confirmed, given up, completed — and
//! never more than the seats there are) and business plans started for an open call.

use super::matches::{catalogue, find, person};
use app::domain::accounts::role::Role;
use passerelle_tests::{both_backends, Client, TestApp};

async fn status_of(app: &TestApp, enrolment: &str) -> Option<String> {
    app.text(&format!(
        "select status from enrolments where id = {enrolment}"
    ))
    .await
}

async fn enrolled(app: &TestApp, training: &str) -> i64 {
    app.count(&format!(
        "select cast(enrolled as bigint) from trainings where id = {training}"
    ))
    .await
}

async fn request(client: &mut Client, training: &str) -> passerelle_tests::TestResponse {
    client
        .call("/api/enrolments/request", &[("training", training)])
        .await
}

async fn decide(
    client: &mut Client,
    enrolment: &str,
    action: &str,
) -> passerelle_tests::TestResponse {
    client
        .call(
            "/api/enrolments/decide",
            &[("enrolment", enrolment), ("action", action)],
        )
        .await
}

both_backends! {
    async fn a_seat_is_requested_confirmed_given_up_and_asked_for_again(app) {
        catalogue(&app).await;
        let sewing = app.id_of("trainings", "ANAPEC-TNG-102").await;
        let mut awa = person(&app, "awa@example.org", "Awa Koné", true).await;
        let response = request(&mut awa, &sewing).await;
        assert_eq!(response.status, 200, "{}", response.body);
        let id = app.count("select id from enrolments").await.to_string();
        assert_eq!(status_of(&app, &id).await.as_deref(), Some("requested"));

        let again = request(&mut awa, &sewing).await;
        assert_eq!(again.status, 422);
        assert!(again.body.contains("already_requested"), "{}", again.body);
        assert_eq!(app.count("select count(*) from enrolments").await, 1);

        let offers = awa.call("/api/matching/mine", &[("lang", "fr")]).await.json();
        let card = find(&offers["eligible"], "ANAPEC-TNG-102").expect("still listed");
        assert_eq!(card["enrolment"]["status"], "requested", "{card}");

        let mut admin = app.signed_in(Role::Admin).await;
        let desk = admin.call("/api/enrolments/desk", &[("status", "requested")]).await;
        assert!(desk.body.contains("Awa Koné"), "{}", desk.body);
        let response = decide(&mut admin, &id, "confirm").await;
        assert_eq!(response.status, 200, "{}", response.body);
        assert_eq!(status_of(&app, &id).await.as_deref(), Some("enrolled"));
        assert_eq!(enrolled(&app, &sewing).await, 1);
        let twice = decide(&mut admin, &id, "confirm").await;
        assert_eq!(twice.status, 422, "a decided request cannot be decided again");
        assert!(twice.body.contains("enrolment_is"), "{}", twice.body);
        assert_eq!(enrolled(&app, &sewing).await, 1);

        awa.cookies.insert("i18n_pref_locale".into(), "fr".into());
        let page = awa.get("/enrolments").await;
        assert!(page.body.contains("Couture industrielle") && page.body.contains("inscrit·e"), "{}", page.body);

        let response = awa.call("/api/enrolments/withdraw", &[("enrolment", &id)]).await;
        assert_eq!(response.status, 200, "{}", response.body);
        assert_eq!(status_of(&app, &id).await.as_deref(), Some("withdrawn"));
        assert_eq!(enrolled(&app, &sewing).await, 0, "the seat is free again");

        assert_eq!(request(&mut awa, &sewing).await.status, 200, "asking again reopens the request");
        assert_eq!(status_of(&app, &id).await.as_deref(), Some("requested"));
        assert_eq!(
            app.count("select count(*) from audit_log where action like 'enrolment_%'").await,
            4,
            "asked, confirmed, given up, asked again: the refused attempts changed nothing"
        );
    }

    async fn the_last_seat_goes_to_one_person_only(app) {
        catalogue(&app).await;
        let sewing = app.id_of("trainings", "ANAPEC-TNG-102").await;
        let mut awa = person(&app, "awa@example.org", "Awa Koné", true).await;
        let mut fatou = person(&app, "fatou@example.org", "Fatou Diallo", true).await;
        assert_eq!(request(&mut awa, &sewing).await.status, 200);
        assert_eq!(request(&mut fatou, &sewing).await.status, 200);
        app.count(&format!("update trainings set seats = 1 where id = {sewing} returning id")).await;

        let mut admin = app.signed_in(Role::Admin).await;
        let first = app.count("select min(id) from enrolments").await.to_string();
        let second = app.count("select max(id) from enrolments").await.to_string();
        assert_eq!(decide(&mut admin, &first, "confirm").await.status, 200);
        let full = decide(&mut admin, &second, "confirm").await;
        assert_eq!(full.status, 422);
        assert!(full.body.contains("training_full"), "{}", full.body);
        assert_eq!(status_of(&app, &second).await.as_deref(), Some("requested"), "nothing half-saved");
        assert_eq!(enrolled(&app, &sewing).await, 1);

        let mut amina = person(&app, "amina@example.org", "Amina Sow", true).await;
        let refused = request(&mut amina, &sewing).await;
        assert!(refused.body.contains("training_full"), "{}", refused.body);
        assert_eq!(app.count("select count(*) from enrolments").await, 2);
    }

    async fn a_completed_training_opens_the_call_that_asks_for_it(app) {
        catalogue(&app).await;
        let course = app.id_of("trainings", "ANAPEC-TNG-103").await;
        let mut awa = person(&app, "awa@example.org", "Awa Koné", true).await;
        let before = awa.call("/api/matching/mine", &[("lang", "en")]).await.json();
        assert!(find(&before["not_yet"], "AGR-JEUNES-2027").is_some(), "{before}");

        assert_eq!(request(&mut awa, &course).await.status, 200);
        let id = app.count("select id from enrolments").await.to_string();
        let mut admin = app.signed_in(Role::Admin).await;
        assert_eq!(decide(&mut admin, &id, "confirm").await.status, 200);
        let early = decide(&mut admin, &id, "complete").await;
        assert!(early.body.contains("training_not_over"), "{}", early.body);
        assert_eq!(status_of(&app, &id).await.as_deref(), Some("enrolled"));

        // The training took place: it is now in the past.
        app.count(&format!(
            "update trainings set starts_on = '2026-01-05', ends_on = '2026-01-23' where id = {course} returning id"
        )).await;
        let late = awa.call("/api/enrolments/withdraw", &[("enrolment", &id)]).await;
        assert!(late.body.contains("training_started"), "no giving up a seat once it began: {}", late.body);
        assert_eq!(status_of(&app, &id).await.as_deref(), Some("enrolled"));
        assert_eq!(decide(&mut admin, &id, "complete").await.status, 200);
        assert_eq!(status_of(&app, &id).await.as_deref(), Some("completed"));
        let withdraw = awa.call("/api/enrolments/withdraw", &[("enrolment", &id)]).await;
        assert_eq!(withdraw.status, 422, "a completed training stays completed");

        let after = awa.call("/api/matching/mine", &[("lang", "en")]).await.json();
        assert!(find(&after["eligible"], "AGR-JEUNES-2027").is_some(), "{after}");
    }

    async fn nobody_acts_on_an_enrolment_that_is_not_theirs_to_decide(app) {
        catalogue(&app).await;
        let sewing = app.id_of("trainings", "ANAPEC-TNG-102").await;
        let mut awa = person(&app, "awa@example.org", "Awa Koné", true).await;
        assert_eq!(request(&mut awa, &sewing).await.status, 200);
        let id = app.count("select id from enrolments").await.to_string();

        let mut fatou = person(&app, "fatou@example.org", "Fatou Diallo", true).await;
        let foreign = fatou.call("/api/enrolments/withdraw", &[("enrolment", &id)]).await;
        assert_eq!(foreign.status, 404, "another applicant's enrolment is not found");
        let listed = fatou.call("/api/enrolments/mine", &[]).await;
        assert_eq!(listed.json().as_array().map(Vec::len), Some(0));
        assert_eq!(decide(&mut fatou, &id, "confirm").await.status, 403);

        let mut caseworker = app.signed_in(Role::Caseworker).await;
        assert_eq!(decide(&mut caseworker, &id, "confirm").await.status, 403);
        let mut admin = app.signed_in(Role::Admin).await;
        assert_eq!(decide(&mut admin, &id, "withdraw").await.status, 403, "only the applicant gives up");
        assert_eq!(decide(&mut admin, "999999", "confirm").await.status, 404);
        assert_eq!(status_of(&app, &id).await.as_deref(), Some("requested"));
    }

    async fn a_plan_is_started_once_for_an_open_call_the_applicant_is_eligible_for(app) {
        catalogue(&app).await;
        let women = app.id_of("grant_calls", "AGR-TNG-FEMMES-2027").await;
        let rabat = app.id_of("grant_calls", "AGR-RBT-2027").await;
        let mut awa = person(&app, "awa@example.org", "Awa Koné", true).await;

        let refused = awa.call("/api/plans/start", &[("call", &rabat)]).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("not_eligible"), "{}", refused.body);
        assert_eq!(awa.call("/api/plans/start", &[("call", "424242")]).await.status, 404);
        assert_eq!(app.count("select count(*) from plans").await, 0);

        let started = awa.call("/api/plans/start", &[("call", &women)]).await;
        assert_eq!(started.status, 200, "{}", started.body);
        assert_eq!(app.text("select status from plans").await.as_deref(), Some("draft"));
        let again = awa.call("/api/plans/start", &[("call", &women)]).await;
        assert!(again.body.contains("plan_exists"), "{}", again.body);
        assert_eq!(app.count("select count(*) from plans").await, 1);

        let offers = awa.call("/api/matching/mine", &[("lang", "fr")]).await.json();
        assert!(find(&offers["eligible"], "AGR-TNG-FEMMES-2027").expect("listed")["plan"].is_number());
        awa.cookies.insert("i18n_pref_locale".into(), "fr".into());
        let page = awa.get("/plans").await;
        assert!(page.body.contains("AGR-TNG-FEMMES-2027") && page.body.contains("brouillon"), "{}", page.body);
    }

    async fn an_applicant_never_reads_another_applicants_profile_matches_seats_or_plans(app) {
        catalogue(&app).await;
        let women = app.id_of("grant_calls", "AGR-TNG-FEMMES-2027").await;
        let sewing = app.id_of("trainings", "ANAPEC-TNG-102").await;
        let mut awa = person(&app, "awa@example.org", "Awa Koné", true).await;
        assert_eq!(awa.call("/api/plans/start", &[("call", &women)]).await.status, 200);
        assert_eq!(request(&mut awa, &sewing).await.status, 200);
        let awa_id = app.count("select id from users where email = 'awa@example.org'").await.to_string();

        let mut other = app.signed_in(Role::Applicant).await;
        // Without consent, nothing is done with a person: not even starting a plan.
        let unconsented = other.call("/api/plans/start", &[("call", &women)]).await;
        assert!(unconsented.body.contains("consent_required"), "{}", unconsented.body);
        let seat = request(&mut other, &sewing).await;
        assert!(seat.body.contains("consent_required"), "{}", seat.body);
        assert_eq!(app.count("select count(*) from plans").await, 1);
        // Every read acts on the caller; an id of someone else's, sent along, changes nothing.
        let profile = other.call("/api/profile/load", &[("lang", "fr"), ("user_id", &awa_id)]).await;
        assert!(!profile.names("Awa"), "{}", profile.body);
        let matches = other.call("/api/matching/mine", &[("lang", "fr"), ("user_id", &awa_id)]).await;
        assert!(!matches.names("Awa") && !matches.body.contains("\"plan\":1"), "{}", matches.body);
        assert_eq!(other.call("/api/plans/mine", &[]).await.json().as_array().map(Vec::len), Some(0));
        assert_eq!(other.call("/api/enrolments/mine", &[]).await.json().as_array().map(Vec::len), Some(0));
        for page in ["/profile", "/matches", "/plans", "/enrolments"] {
            let body = other.get(page).await.body;
            assert!(!body.contains("Awa Koné"), "{page}");
        }
        // Awa's plan and seat are hers: the other applicant's lists are empty.
        assert!(!other.get("/plans").await.body.contains("AGR-TNG-FEMMES-2027"));
        assert!(!other.get("/enrolments").await.body.contains("Couture industrielle"));
        let list = other.get_json("/api/matching/shortlist?search=&kind=training&id=1&city=&sex=&min_score=&not_yet=&page=").await;
        assert_eq!(list.status, 403);
        let csv = other.get(&format!("/staff/matches.csv?offer=training:{sewing}")).await;
        assert_eq!(csv.status, 403);
        assert!(!csv.names("Awa"));
    }
}

both_backends! {
    async fn simultaneous_confirmations_never_give_out_more_seats_than_there_are(app) {
        catalogue(&app).await;
        let sewing = app.id_of("trainings", "ANAPEC-TNG-102").await;
        for n in 0..6 {
            let mut client = person(&app, &format!("p{n}@example.org"), &format!("Personne {n}"), true).await;
            assert_eq!(request(&mut client, &sewing).await.status, 200);
        }
        app.count(&format!("update trainings set seats = 3 where id = {sewing} returning id")).await;
        app.user("desk@example.org", Role::Admin).await;
        let mut tasks = Vec::new();
        for id in 1..=6 {
            let mut admin = app.client();
            assert_eq!(admin.login("desk@example.org", passerelle_tests::PASSWORD).await.status, 200);
            tasks.push(tokio::spawn(async move {
                decide(&mut admin, &id.to_string(), "confirm").await.status
            }));
        }
        let mut confirmed = 0;
        for task in tasks {
            let status = task.await.expect("task");
            assert!(status == 200 || status == 422 || status == 409, "{status}");
            confirmed += usize::from(status == 200);
        }
        assert_eq!(confirmed, 3, "exactly the three seats were given");
        assert_eq!(enrolled(&app, &sewing).await, 3);
        assert_eq!(app.count("select count(*) from enrolments where status = 'enrolled'").await, 3);
        assert_eq!(app.count("select count(*) from enrolments where status = 'requested'").await, 3);
    }
}
