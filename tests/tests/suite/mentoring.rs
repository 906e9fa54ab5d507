//! A plan's way to the committee: submission against the checklist, changes asked with a
//! reason, sign-off; comments and the session log; who sees what (a mentor their caseload, an
//! applicant their own plans); mentor assignment with suggestions.

use super::plan_support::{applicant_with_a_plan, assign, awa_with_a_plan, fill_plan, mentor};
use app::domain::accounts::role::Role;
use passerelle_tests::{both_backends, Client, TestApp};

async fn step(client: &mut Client, plan: &str, action: &str, reason: &str) -> (u16, String) {
    let response = client.plan_step(plan, action, reason).await;
    (response.status.as_u16(), response.body)
}

async fn status(app: &TestApp, plan: &str) -> String {
    app.text(&format!("select status from plans where id = {plan}"))
        .await
        .unwrap_or_default()
}

/// Awa's plan, assigned to a mentor by an admin: Awa, the mentor, the admin, the plan.
async fn assigned(app: &TestApp) -> (Client, (Client, i64), Client, String) {
    let (awa, plan) = awa_with_a_plan(app).await;
    let (coach, coach_id) = mentor(app, "coach@example.org").await;
    let mut admin = app.signed_in(Role::Admin).await;
    assign(&mut admin, &plan, coach_id).await;
    (awa, (coach, coach_id), admin, plan)
}

both_backends! {
    async fn a_plan_goes_to_the_committee_through_its_mentor(app) {
        let (mut awa, (mut coach, _), _admin, plan) = assigned(&app).await;

        // Incomplete: refused, naming what is missing, and nothing changes.
        let (code, body) = step(&mut awa, &plan, "submit", "").await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("plan_incomplete"), "{body}");
        assert!(body.contains("\"section\":\"summary\""), "{body}");
        assert!(body.contains("capital_listed"), "{body}");
        assert_eq!(status(&app, &plan).await, "draft");
        assert_eq!(app.count("select count(*) from plan_versions").await, 0);

        fill_plan(&app, &plan).await;
        let (code, body) = step(&mut awa, &plan, "submit", "").await;
        assert_eq!(code, 200, "{body}");
        assert_eq!(status(&app, &plan).await, "submitted");
        assert_eq!(
            app.count(&format!("select cast(max(number) as bigint) from plan_versions where plan_id = {plan}")).await,
            1
        );
        assert_eq!(
            app.count("select cast(version_number as bigint) from plan_events where action = 'submit'").await,
            1
        );
        assert_eq!(
            app.count("select count(*) from audit_log where action = 'plan_transition'").await,
            1
        );

        // Asking for changes needs a reason.
        let (code, body) = step(&mut coach, &plan, "request_changes", "  ").await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("reason") && body.contains("text_missing"), "{body}");
        assert_eq!(status(&app, &plan).await, "submitted");
        let (code, body) =
            step(&mut coach, &plan, "request_changes", "Précisez vos concurrents.").await;
        assert_eq!(code, 200, "{body}");
        assert_eq!(status(&app, &plan).await, "changes_requested");
        assert_eq!(
            app.text("select reason from plan_events where action = 'request_changes'").await,
            Some("Précisez vos concurrents.".into())
        );

        // Not possible from here: the message names the state and the step; nothing changes.
        let (code, body) = step(&mut coach, &plan, "mark_ready", "").await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("plan_is"), "{body}");
        assert!(body.contains("changes_requested") && body.contains("mark_ready"), "{body}");
        // A step that is never the applicant's is forbidden.
        let (code, _) = step(&mut awa, &plan, "mark_ready", "").await;
        assert_eq!(code, 403);
        assert_eq!(status(&app, &plan).await, "changes_requested");

        let (code, body) = step(&mut awa, &plan, "resubmit", "").await;
        assert_eq!(code, 200, "{body}");
        assert_eq!(
            app.count(&format!("select cast(max(number) as bigint) from plan_versions where plan_id = {plan}")).await,
            2
        );
        let (code, body) = step(&mut coach, &plan, "mark_ready", "Bon pour le comité.").await;
        assert_eq!(code, 200, "{body}");
        assert_eq!(status(&app, &plan).await, "ready_for_committee");
        assert_eq!(app.count(&format!("select count(*) from plan_events where plan_id = {plan}")).await, 5);

        // Without JavaScript, the form goes back to the page it was posted from.
        let response = awa
            .post_form(
                "/api/plans/transition",
                "/plans/activity",
                &[("plan", &plan), ("action", "withdraw"), ("reason", ""), ("back", "activity")],
            )
            .await;
        assert!(response.status.is_redirection(), "{}", response.status);
        assert_eq!(
            response.location(),
            Some(format!("/plans/activity?id={plan}&saved=withdraw").as_str())
        );
        assert_eq!(status(&app, &plan).await, "withdrawn");
        let (code, body) = step(&mut awa, &plan, "submit", "").await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("withdrawn"), "{body}");
    }

    async fn a_mentor_sees_only_their_caseload(app) {
        let (_awa, (mut coach, _), _admin, plan) = assigned(&app).await;
        let (mut other, _) = mentor(&app, "other.mentor@example.org").await;
        let activity = other.call("/api/plans/activity", &[("plan", &plan)]).await;
        assert_eq!(activity.status, 404);
        let comment = other
            .call("/api/plans/comment", &[("plan", &plan), ("part", "market"), ("body", "Bonjour")])
            .await;
        assert_eq!(comment.status, 404);
        let session = other
            .call(
                "/api/mentoring/log_session",
                &[("plan", &plan), ("held_on", "2026-01-01"), ("minutes", "60"),
                  ("topics", "x"), ("next_steps", "")],
            )
            .await;
        assert_eq!(session.status, 404);
        let (code, _) = step(&mut other, &plan, "request_changes", "Non").await;
        assert_eq!(code, 404);
        let page = other.get(&format!("/plans/activity?id={plan}")).await;
        assert!(!page.body.contains("Awa Koné"), "another mentor must not see the plan");

        let theirs = other.call("/api/mentoring/caseload", &[]).await;
        assert_eq!(theirs.status, 200);
        assert_eq!(theirs.json(), serde_json::json!([]));
        let page = other.get("/mentor/caseload").await;
        assert_eq!(page.status, 200);
        assert!(!page.body.contains("Awa Koné"));

        let mine = coach.call("/api/mentoring/caseload", &[]).await;
        assert_eq!(mine.json()[0]["plan"].to_string(), plan);
        assert_eq!(mine.json()[0]["waits_on"], "applicant");
        let page = coach.get("/mentor/caseload").await;
        assert!(page.body.contains("Awa Koné"), "{}", page.body);
        // Names, never flags.
        assert!(!mine.body.contains("groups") && !mine.body.contains("disab"));
    }

    async fn an_applicant_sees_only_their_own_plans(app) {
        let (mut awa, plan) = awa_with_a_plan(&app).await;
        let (mut bintou, her_plan) =
            applicant_with_a_plan(&app, "bintou@example.org", "Bintou Camara").await;
        assert_ne!(plan, her_plan);
        assert_eq!(bintou.call("/api/plans/activity", &[("plan", &plan)]).await.status, 404);
        let comment = bintou
            .call("/api/plans/comment", &[("plan", &plan), ("part", "idea"), ("body", "Salut")])
            .await;
        assert_eq!(comment.status, 404);
        let (code, _) = step(&mut bintou, &plan, "withdraw", "").await;
        assert_eq!(code, 404);
        assert_eq!(status(&app, &plan).await, "draft");
        assert_eq!(awa.call("/api/plans/activity", &[("plan", &plan)]).await.status, 200);
        assert_eq!(awa.call("/api/plans/activity", &[("plan", "999999")]).await.status, 404);

        // Admins read but take no step and write no comment.
        let mut admin = app.signed_in(Role::Admin).await;
        assert_eq!(admin.call("/api/plans/activity", &[("plan", &plan)]).await.status, 200);
        let (code, _) = step(&mut admin, &plan, "withdraw", "").await;
        assert_eq!(code, 403);
        let comment = admin
            .call("/api/plans/comment", &[("plan", &plan), ("part", "idea"), ("body", "Admin")])
            .await;
        assert_eq!(comment.status, 403);
    }

    async fn admins_assign_mentors_from_ranked_suggestions(app) {
        let (_awa, plan) = awa_with_a_plan(&app).await;
        let (_near, near) = mentor(&app, "near@example.org").await;
        let (_far, far) = mentor(&app, "far@example.org").await;
        let mut admin = app.signed_in(Role::Admin).await;
        let profile = |id: i64, city: &'static str, capacity: &'static str| {
            (id.to_string(), city, capacity)
        };
        for (id, city, capacity) in [profile(near, "tanger", "5"), profile(far, "oujda", "5")] {
            let saved = admin
                .call(
                    "/api/mentoring/mentor_profile",
                    &[("mentor", &id), ("city", city), ("sectors[]", "sewing_fashion"),
                      ("languages[]", "french"), ("capacity", capacity)],
                )
                .await;
            assert_eq!(saved.status, 200, "{}", saved.body);
        }
        let bad = admin
            .call(
                "/api/mentoring/mentor_profile",
                &[("mentor", &near.to_string()), ("city", "atlantis"), ("sectors[]", "magic"),
                  ("capacity", "0")],
            )
            .await;
        assert_eq!(bad.status, 422);
        assert!(bad.body.contains("city_unknown") && bad.body.contains("sector_unknown"), "{}", bad.body);
        assert!(bad.body.contains("capacity_invalid"), "{}", bad.body);

        let desk = admin.call("/api/mentoring/desk", &[]).await.json();
        let entry = &desk["plans"][0];
        assert_eq!(entry["plan"].to_string(), plan);
        assert!(entry["mentor"].is_null());
        assert_eq!(entry["suggestions"][0]["mentor"], near);
        assert_eq!(entry["suggestions"][1]["mentor"], far);
        let reasons = entry["suggestions"][0]["reasons"].to_string();
        assert!(reasons.contains("same_city") && reasons.contains("sewing_fashion"), "{reasons}");
        let page = admin.get("/admin/mentoring").await;
        assert!(page.body.contains("même ville"), "the reasons are shown");

        // Not a mentor: refused.
        let applicant = app.count("select user_id from plans").await.to_string();
        let wrong = admin
            .call("/api/mentoring/assign_mentor", &[("plan", &plan), ("mentor", &applicant), ("expected", "")])
            .await;
        assert_eq!(wrong.status, 422);
        assert!(wrong.body.contains("not_a_mentor"));

        assign(&mut admin, &plan, near).await;
        // Someone assigned it meanwhile: the admin who saw "none" gets a conflict.
        let stale = admin
            .call(
                "/api/mentoring/assign_mentor",
                &[("plan", &plan), ("mentor", &far.to_string()), ("expected", "")],
            )
            .await;
        assert_eq!(stale.status, 409);
        assert_eq!(app.count(&format!("select mentor_id from plans where id = {plan}")).await, near);
        let moved = admin
            .call(
                "/api/mentoring/assign_mentor",
                &[("plan", &plan), ("mentor", &far.to_string()), ("expected", &near.to_string())],
            )
            .await;
        assert_eq!(moved.status, 200);
        assert_eq!(app.count("select count(*) from plan_events where action = 'assign_mentor'").await, 2);
        assert_eq!(app.count("select count(*) from audit_log where action = 'mentor_assigned'").await, 2);
    }

    async fn the_session_log_is_checked_and_the_applicant_reads_it_in_french(app) {
        let (mut awa, (mut coach, _), _admin, plan) = assigned(&app).await;
        let tomorrow = (time::OffsetDateTime::now_utc().date() + time::Duration::days(1)).to_string();
        let today = time::OffsetDateTime::now_utc().date().to_string();
        let bad = coach
            .call(
                "/api/mentoring/log_session",
                &[("plan", &plan), ("held_on", &tomorrow), ("minutes", "3"),
                  ("topics", " "), ("next_steps", "")],
            )
            .await;
        assert_eq!(bad.status, 422);
        for expected in ["held_on", "date_in_future", "minutes_invalid", "topics", "text_missing"] {
            assert!(bad.body.contains(expected), "{expected}: {}", bad.body);
        }
        let early = coach
            .call(
                "/api/mentoring/log_session",
                &[("plan", &plan), ("held_on", "2020-01-01"), ("minutes", "60"),
                  ("topics", "x"), ("next_steps", "")],
            )
            .await;
        assert!(early.body.contains("before_plan_started"), "{}", early.body);
        assert_eq!(app.count("select count(*) from mentoring_sessions").await, 0);

        let ok = coach
            .call(
                "/api/mentoring/log_session",
                &[("plan", &plan), ("held_on", &today), ("minutes", "45"),
                  ("topics", "Étude des prix des tissus"), ("next_steps", "Visiter trois fournisseurs")],
            )
            .await;
        assert_eq!(ok.status, 200, "{}", ok.body);
        // Applicants do not log sessions.
        let theirs = awa
            .call(
                "/api/mentoring/log_session",
                &[("plan", &plan), ("held_on", &today), ("minutes", "45"),
                  ("topics", "x"), ("next_steps", "")],
            )
            .await;
        assert_eq!(theirs.status, 403);

        let empty = coach
            .call("/api/plans/comment", &[("plan", &plan), ("part", "market"), ("body", "  ")])
            .await;
        assert_eq!(empty.status, 422);
        let unknown = coach
            .call("/api/plans/comment", &[("plan", &plan), ("part", "secret"), ("body", "x")])
            .await;
        assert_eq!(unknown.status, 422);
        let commented = coach
            .call(
                "/api/plans/comment",
                &[("plan", &plan), ("part", "market"), ("body", "Qui sont vos clientes ?")],
            )
            .await;
        assert_eq!(commented.status, 200, "{}", commented.body);
        let answered = awa
            .call(
                "/api/plans/comment",
                &[("plan", &plan), ("part", "figures"), ("body", "J'ai ajouté les prix.")],
            )
            .await;
        assert_eq!(answered.status, 200);

        let page = awa.get(&format!("/plans/activity?id={plan}")).await;
        assert_eq!(page.status, 200);
        for expected in [
            "Suivi du plan",
            "Séances de mentorat",
            "Étude des prix des tissus",
            "Visiter trois fournisseurs",
            "Qui sont vos clientes ?",
            "Commentaire sur « Marché : clients et concurrents »",
            "Mentor attribué",
            "Envoyer au mentor",
        ] {
            assert!(page.body.contains(expected), "{expected} missing from the activity page");
        }
        // The session form is the mentor's only.
        assert!(!page.body.contains("data-test=\"log-session\""));
        let theirs = coach.get(&format!("/plans/activity?id={plan}")).await;
        assert!(theirs.body.contains("data-test=\"log-session\""));
    }

    async fn the_demo_mentor_has_a_profile_for_suggestions(app) {
        server::seed::demo(app.db()).await.expect("seed");
        server::seed::demo(app.db()).await.expect("seed again");
        assert_eq!(app.count("select count(*) from mentor_profiles").await, 1);
        let city = app
            .text(
                "select mp.city from mentor_profiles mp join users u on u.id = mp.user_id \
                 where u.email = 'mentor@demo.passerelle.ma'",
            )
            .await;
        assert_eq!(city.as_deref(), Some("tanger"));
        let languages = app.text("select languages from mentor_profiles").await.unwrap_or_default();
        for code in ["french", "english", "arabic"] {
            assert!(languages.contains(code), "{languages}");
        }
    }
}
