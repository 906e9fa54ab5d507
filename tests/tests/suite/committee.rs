//! The grant committee: a call's members see only that call's plans; a plan goes under review
//! when put on an agenda; members declare conflicts before scoring, a conflict or having
//! coached the plan recuses them; blind review hides who the applicant is; the quorum counts
//! the sheets of the current round; every declaration and score is audited.

use super::committee_support::{
    add_member, approved_plan, declare, member, new_session, put_on_agenda, ready_plan, score,
    session_on, step, under_review, CALL, MEMBERS,
};
use super::plan_support::mentor;
use passerelle_tests::{both_backends, Client};

async fn review(client: &mut Client, plan: &str) -> (u16, serde_json::Value) {
    let response = client
        .call("/api/committee/review", &[("plan", plan)])
        .await;
    let status = response.status.as_u16();
    let json = if status == 200 {
        response.json()
    } else {
        serde_json::Value::Null
    };
    (status, json)
}

both_backends! {
    async fn putting_a_plan_on_the_agenda_puts_it_under_review(app) {
        let (mut admin, plan, call, _) = ready_plan(&app).await;
        let session = new_session(&app, &mut admin, &call).await;
        let audited = app.count("select count(*) from audit_log where action = 'plan_transition'").await;
        let (code, body) = put_on_agenda(&mut admin, &session, &plan).await;
        assert_eq!(code, 200, "{body}");
        assert_eq!(
            app.text(&format!("select status from plans where id = {plan}")).await,
            Some("under_review".into())
        );
        assert_eq!(
            app.count(&format!(
                "select count(*) from plan_events where plan_id = {plan} and action = 'put_on_agenda' \
                 and from_status = 'ready_for_committee' and to_status = 'under_review'"
            )).await,
            1
        );
        assert_eq!(
            app.count("select count(*) from audit_log where action = 'plan_transition'").await,
            audited + 1
        );
        assert_eq!(
            app.count(&format!("select cast(round as bigint) from review_agenda where plan_id = {plan}")).await,
            1
        );
        // Not from "under review": the message names the state; nothing more is written.
        let (code, body) = put_on_agenda(&mut admin, &session, &plan).await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("plan_is"), "{body}");
        assert_eq!(app.count("select count(*) from review_agenda").await, 1);
        // A session of another call does not take this call's plan.
        let other = app
            .count(&format!("select min(id) from grant_calls where reference <> '{CALL}'"))
            .await
            .to_string();
        let other_session = new_session(&app, &mut admin, &other).await;
        let (code, _) = put_on_agenda(&mut admin, &other_session, &plan).await;
        assert_eq!(code, 404);
        // The admin's desk shows the plan on the session's agenda.
        let desk = admin.get(&format!("/admin/committee?call={call}")).await;
        assert_eq!(desk.status, 200);
        assert!(desk.body.contains(&format!("data-plan=\"{plan}\"")), "{}", desk.body);
    }

    async fn members_of_another_calls_committee_see_nothing_of_this_call(app) {
        let (mut admin, plan, _call) = under_review(&app, &["alice@example.org"]).await;
        let other = app
            .count(&format!("select min(id) from grant_calls where reference <> '{CALL}'"))
            .await
            .to_string();
        let mut outsider = member(&app, "bruno@example.org").await;
        add_member(&mut admin, &other, "bruno@example.org").await;

        assert_eq!(review(&mut outsider, &plan).await.0, 404);
        assert_eq!(declare(&mut outsider, &plan, "no").await.0, 404);
        assert_eq!(score(&mut outsider, &plan, "4").await.0, 404);
        // The page says "not found" (its status is set while streaming, after the headers on
        // a slower database, as for the plan page) and shows nothing of the plan.
        let page = outsider.get(&format!("/committee/review?plan={plan}")).await;
        assert!(page.body.contains("Page introuvable"), "{}", page.body);
        assert!(!page.names("Awa"), "{}", page.body);
        assert!(!page.body.contains("Texte de la section"), "{}", page.body);
        let home = outsider.call("/api/committee/home", &[]).await;
        assert!(!home.body.contains(&format!("\"plan_id\":{plan}")), "{}", home.body);
        assert_eq!(app.count("select count(*) from conflict_declarations").await, 0);
        assert_eq!(app.count("select count(*) from score_sheets").await, 0);

        // The call's own member sees it (and the opening is audited).
        let mut alice = app.login("alice@example.org").await;
        let (code, json) = review(&mut alice, &plan).await;
        assert_eq!(code, 200);
        assert_eq!(json["standing"], "to_declare");
        assert_eq!(
            app.count("select count(*) from audit_log where action = 'committee_plan_viewed'").await,
            1
        );
    }

    async fn a_member_declares_first_and_a_recused_member_cannot_score(app) {
        let (_admin, plan, _) = under_review(&app, &["alice@example.org", "chloe@example.org"]).await;
        let mut alice = app.login("alice@example.org").await;
        let mut chloe = app.login("chloe@example.org").await;

        let (code, body) = score(&mut alice, &plan, "4").await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("declaration_required"), "{body}");

        assert_eq!(declare(&mut chloe, &plan, "yes").await.0, 200);
        let (code, body) = score(&mut chloe, &plan, "4").await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("recused"), "{body}");
        // A declaration is made once.
        assert_eq!(declare(&mut chloe, &plan, "no").await.0, 409);
        assert_eq!(review(&mut chloe, &plan).await.1["standing"], "recused");

        assert_eq!(declare(&mut alice, &plan, "no").await.0, 200);
        // Every criterion of the rubric is scored, 0 to 5; each bad one is named.
        let (code, body) = score(&mut alice, &plan, "7").await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("score_out_of_range") && body.contains("social_impact"), "{body}");
        let (code, body) = score(&mut alice, &plan, "4").await;
        assert_eq!(code, 200, "{body}");
        assert_eq!(
            app.count(&format!("select cast(weighted as bigint) from score_sheets where plan_id = {plan}")).await,
            400
        );
        let (code, _) = score(&mut alice, &plan, "3").await;
        assert_eq!(code, 422);
        assert_eq!(app.count("select count(*) from score_sheets").await, 1);

        // Every declaration and every sheet has its audit row.
        assert_eq!(app.count("select count(*) from audit_log where action = 'conflict_declared'").await, 2);
        assert_eq!(app.count("select count(*) from audit_log where action = 'plan_scored'").await, 1);
        assert_eq!(
            app.count("select count(*) from audit_log where action = 'conflict_declared'").await,
            app.count("select count(*) from conflict_declarations").await
        );
    }

    async fn a_member_who_once_mentored_the_plan_cannot_score_it(app) {
        let (mut admin, plan, call, coach_id) = ready_plan(&app).await;
        // Another mentor takes the plan over, then the first one moves to the committee.
        let (_, other_mentor) = mentor(&app, "second@example.org").await;
        let reassigned = admin
            .call(
                "/api/mentoring/assign_mentor",
                &[("plan", &plan), ("mentor", &other_mentor.to_string()), ("expected", &coach_id.to_string())],
            )
            .await;
        assert_eq!(reassigned.status, 200, "{}", reassigned.body);
        let changed = admin
            .call(
                "/api/accounts/change_role",
                &[("user_id", &coach_id.to_string()), ("current_role", "mentor"), ("role", "committee")],
            )
            .await;
        assert_eq!(changed.status, 200, "{}", changed.body);
        assert_eq!(app.text(&format!("select role from users where id = {coach_id}")).await, Some("committee".into()));
        add_member(&mut admin, &call, "coach@example.org").await;
        let session = new_session(&app, &mut admin, &call).await;
        assert_eq!(put_on_agenda(&mut admin, &session, &plan).await.0, 200);

        let mut coach = app.login("coach@example.org").await;
        assert_eq!(declare(&mut coach, &plan, "no").await.0, 200);
        let (code, body) = score(&mut coach, &plan, "5").await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("coached_plan"), "{body}");
        assert_eq!(app.count("select count(*) from score_sheets").await, 0);
        let (_, json) = review(&mut coach, &plan).await;
        assert_eq!(json["standing"], "recused");
        assert_eq!(json["coached"], true);
    }

    async fn blind_review_hides_who_the_applicant_is(app) {
        let (_admin, plan, _) = under_review(&app, &["alice@example.org"]).await;
        let mut alice = app.login("alice@example.org").await;
        let blind = |on: bool| {
            format!("update grant_calls set blind_review = {on} where reference = '{CALL}' returning id")
        };

        // The women's call of the demo catalogue reviews blind; first without.
        app.count(&blind(false)).await;
        let page = alice.get(&format!("/committee/review?plan={plan}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Awa Koné"), "not blind: the name shows");
        assert!(page.body.contains("Ivoire"), "not blind: the nationality shows");
        assert!(page.body.contains("Carte de séjour"), "not blind: the papers show");
        // The plan itself reads as written.
        assert!(page.body.contains("Texte de la section summary."), "{}", page.body);

        app.count(&blind(true)).await;
        let page = alice.get(&format!("/committee/review?plan={plan}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("data-test=\"blind\""), "{}", page.body);
        assert!(!page.names("Awa"), "blind: no name");
        assert!(!page.names("Ivoire"), "blind: no nationality");
        assert!(!page.body.contains("Carte de séjour"), "blind: no legal status");
        assert!(page.body.contains("Texte de la section summary."));
        let (_, json) = review(&mut alice, &plan).await;
        assert!(json["identity"].is_null());
        assert!(!json.to_string().contains("Awa"));
    }

    async fn the_quorum_counts_the_sheets_of_the_current_round(app) {
        let members = ["alice@example.org", "bruno@example.org", "chloe@example.org"];
        let (mut admin, plan, call) = under_review(&app, &members).await;
        let chair = app.count("select id from users where email = 'alice@example.org'").await;
        let chaired = admin
            .call("/api/committee/set_chair", &[("call", &call), ("member", &chair.to_string())])
            .await;
        assert_eq!(chaired.status, 200, "{}", chaired.body);
        for (email, value) in [("alice@example.org", "4"), ("bruno@example.org", "3")] {
            let mut client = app.login(email).await;
            assert_eq!(declare(&mut client, &plan, "no").await.0, 200);
            assert_eq!(score(&mut client, &plan, value).await.0, 200);
        }
        // A call saved before quorums had a floor of three still needs three sheets: two
        // people never decide a grant alone.
        app.exec(&format!("update grant_calls set quorum = 2 where id = {call}")).await;
        let mut alice = app.login("alice@example.org").await;
        let (_, json) = review(&mut alice, &plan).await;
        assert_eq!(json["quorum"]["have"], 2);
        assert_eq!(json["quorum"]["need"], 3);
        assert_eq!(json["chair"], true);
        let early = alice
            .call("/api/committee/decide", &[("plan", &plan), ("outcome", "rejected"), ("amount", ""), ("justification", "Trop tôt.")])
            .await;
        assert_eq!(early.status, 422, "{}", early.body);
        assert!(early.body.contains("quorum_not_reached"), "{}", early.body);
        assert_eq!(json["summary"]["average"], 350);
        assert_eq!(json["summary"]["sheets"].as_array().map(Vec::len), Some(2));
        let page = alice.get(&format!("/committee/review?plan={plan}")).await;
        assert!(page.body.contains("3.50 / 5"), "{}", page.body);
        assert!(page.body.contains("action=\"/api/committee/decide\""));
        // A member who is not the chair sees no one else's sheet and no decision form.
        let mut bruno = app.login("bruno@example.org").await;
        let (_, json) = review(&mut bruno, &plan).await;
        assert!(json["summary"].is_null());
        let page = bruno.get(&format!("/committee/review?plan={plan}")).await;
        assert!(!page.body.contains("/api/committee/decide"));

        // The third sheet meets the quorum; the chair returns the plan, Awa sends it again and
        // her mentor signs it off: it comes back in a new round.
        let mut chloe = app.login("chloe@example.org").await;
        assert_eq!(declare(&mut chloe, &plan, "no").await.0, 200);
        assert_eq!(score(&mut chloe, &plan, "3").await.0, 200);
        let returned = alice
            .call(
                "/api/committee/decide",
                &[("plan", &plan), ("outcome", "returned"), ("amount", ""), ("justification", "Précisez le marché.")],
            )
            .await;
        assert_eq!(returned.status, 200, "{}", returned.body);
        step(&mut app.login("awa@example.org").await, &plan, "resubmit", "").await;
        step(&mut app.login("coach@example.org").await, &plan, "mark_ready", "Prêt.").await;
        // The second round sits another day.
        let second = session_on(&app, &mut admin, &call, "2027-04-12").await;
        assert_eq!(put_on_agenda(&mut admin, &second, &plan).await.0, 200);
        let (_, json) = review(&mut alice, &plan).await;
        assert_eq!(json["round"], 2);
        assert_eq!(json["quorum"]["have"], 0);
        assert_eq!(json["standing"], "to_score");
        let home = alice.call("/api/committee/home", &[]).await.json();
        let agenda: Vec<(i64, i64)> = home[0]["sessions"]
            .as_array()
            .expect("sessions")
            .iter()
            .flat_map(|s| s["agenda"].as_array().cloned().unwrap_or_default())
            .map(|line| (line["round"].as_i64().unwrap_or(0), line["quorum"]["have"].as_i64().unwrap_or(-1)))
            .collect();
        assert_eq!(agenda, vec![(1, 3), (2, 0)]);
        assert_eq!(score(&mut alice, &plan, "5").await.0, 200);
        assert_eq!(
            app.count(&format!("select count(*) from score_sheets where plan_id = {plan} and round = 2")).await,
            1
        );
        // The home page shows where the member stands and the progress.
        let page = alice.get("/committee").await;
        assert!(page.body.contains("data-standing=\"scored\""), "{}", page.body);
        assert!(page.body.contains("1 fiche(s) de notation sur 3 requises"), "{}", page.body);
    }

    async fn the_chair_reads_the_decision_forms_problems_and_the_recorded_decision(app) {
        use app::domain::shared::problem::{Field, SharedProblem};
        use app::domain::problem::FieldProblem;
        use app::domain::committee::problem::CommitteeProblem;
        let (mut admin, plan, call) = under_review(&app, &["alice@example.org"]).await;
        let chair = app.count("select id from users where email = 'alice@example.org'").await;
        let chaired = admin
            .call("/api/committee/set_chair", &[("call", &call), ("member", &chair.to_string())])
            .await;
        assert_eq!(chaired.status, 200, "{}", chaired.body);
        let mut alice = app.login("alice@example.org").await;
        // A decider says first that they have no conflict of interest.
        assert_eq!(declare(&mut alice, &plan, "no").await.0, 200);

        // The decision endpoint sends a plain form back with its problems in the address.
        let error = app::error::AppError::Validation(vec![
            FieldProblem::new(Field::Amount, CommitteeProblem::AmountAboveMaximum { max_centimes: 2_000_000 }),
            FieldProblem::new(Field::Justification, SharedProblem::TextMissing),
        ]);
        let back = leptos::server_fn::error::ServerFnUrlError::new("/api/committee/decide", error)
            .to_url(&format!("http://localhost/committee/review?plan={plan}"))
            .expect("url");
        let query = back.query().unwrap_or_default();
        let page = alice.get(&format!("/committee/review?{query}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("data-test=\"amount-problems\""), "{}", page.body);
        assert!(page.body.contains("data-test=\"justification-problems\""), "{}", page.body);

        // A recorded decision shows with its justification.
        let at = time::OffsetDateTime::now_utc();
        let call_id: i64 = call.parse().expect("call");
        let plan_id: i64 = plan.parse().expect("plan");
        let mut tx = app.db().begin().await.expect("transaction");
        app::on_conn!(&mut tx, |conn| {
            sqlx::query(
                "insert into decisions (plan_id, call_id, round, outcome, amount_centimes, \
                 justification, decided_by, decided_at) values ($1, $2, 1, 'rejected', null, $3, $4, $5)",
            )
            .bind(plan_id)
            .bind(call_id)
            .bind("Le marché est saturé.")
            .bind(chair)
            .bind(at)
            .execute(conn)
            .await
            .map(drop)
        })
        .expect("decision");
        tx.commit().await.expect("commit");
        let page = alice.get(&format!("/committee/review?plan={plan}")).await;
        assert!(page.body.contains("data-outcome=\"rejected\""), "{}", page.body);
        assert!(page.body.contains("Le marché est saturé."), "{}", page.body);
    }

    async fn the_demo_calls_have_a_committee_that_can_meet_the_quorum(app) {
        server::seed::demo(app.db()).await.expect("accounts");
        crate::matches::catalogue(&app).await;
        assert_eq!(server::seed::demo_committee(app.db()).await.expect("committees"), 9);
        assert_eq!(server::seed::demo_committee(app.db()).await.expect("again"), 0);
        assert_eq!(
            app.count(&format!(
                "select count(*) from committee_members m join grant_calls c on c.id = m.call_id \
                 where c.reference = '{CALL}'"
            ))
            .await,
            3
        );
        assert_eq!(
            app.text(&format!(
                "select u.email from committee_members m join grant_calls c on c.id = m.call_id \
                 join users u on u.id = m.user_id where c.reference = '{CALL}' and m.chair = true"
            ))
            .await,
            Some("committee@demo.passerelle.ma".into())
        );
        let mut chair = app.login_with("committee@demo.passerelle.ma", server::seed::DEMO_PASSWORD).await;
        let home = chair.call("/api/committee/home", &[]).await.json();
        assert_eq!(home.as_array().map(Vec::len), Some(3));
        assert!(home.as_array().into_iter().flatten().all(|call| call["chair"] == true));
    }
}

both_backends! {
    async fn a_member_added_twice_is_told_so_and_seated_once(app) {
        let (mut admin, _plan, call) = under_review(&app, &["alice@example.org"]).await;
        let again = admin
            .call("/api/committee/add_member", &[("call", &call), ("email", "alice@example.org")])
            .await;
        assert_eq!(again.status, 422, "{}", again.body);
        assert!(again.body.contains("already_member"), "{}", again.body);
        assert_eq!(app.count("select count(*) from committee_members").await, 1);
    }
}

both_backends! {
    async fn the_applicant_knows_who_decided_by_role_and_staff_by_name(app) {
        let (mut awa, _coach, mut admin, plan) = approved_plan(&app).await;
        let chair = MEMBERS[0];
        awa.cookies.insert("i18n_pref_locale".into(), "fr".into());
        let page = awa.get(&format!("/plans/activity?id={plan}")).await;
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains("Membre du comité"), "the decision by role: {}", page.body);
        assert!(page.body.contains("Administrateur"), "put on the agenda by role");
        assert!(!page.body.contains(chair), "no committee member's address: {}", page.body);
        assert!(!page.body.contains("admin@example.org"), "no admin's address");
        let activity = awa.call("/api/plans/activity", &[("plan", &plan)]).await.json();
        assert!(!activity.to_string().contains(chair), "nor in the data behind the page: {activity}");

        admin.cookies.insert("i18n_pref_locale".into(), "fr".into());
        let staff = admin.get(&format!("/plans/activity?id={plan}")).await;
        assert!(staff.body.contains(chair), "staff see who decided");
    }
}
