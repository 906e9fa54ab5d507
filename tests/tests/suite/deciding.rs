//! Who records the committee's decision: the chair, or the call's deputy chair when the chair
//! declared a conflict on the plan (or coached it); never anyone with a conflict; and the
//! review page says why someone may not decide. On SQLite and PostgreSQL.

use super::committee_support::{declare, score, under_review};
use super::money::decide;
use passerelle_tests::{both_backends, Client};

const CHAIR: &str = "chair@example.org";
const DEPUTY: &str = "deputy@example.org";
const OTHERS: [&str; 2] = ["member3@example.org", "member4@example.org"];

async fn seat(admin: &mut Client, call: &str, member: i64, seat: &str) {
    let member = member.to_string();
    let response = admin
        .call(
            "/api/committee/set_chair",
            &[("call", call), ("member", &member), ("seat", seat)],
        )
        .await;
    assert_eq!(response.status, 200, "{}", response.body);
}

both_backends! {
    async fn the_deputy_decides_when_the_chair_declared_a_conflict(app) {
        let (mut admin, plan, call) = under_review(&app, &[CHAIR, DEPUTY, OTHERS[0], OTHERS[1]]).await;
        let id: i64 = plan.parse().expect("plan id");
        seat(&mut admin, &call, app.user_id(CHAIR).await, "chair").await;
        seat(&mut admin, &call, app.user_id(DEPUTY).await, "deputy").await;
        let desk = admin.get(&format!("/admin/committee?call={call}")).await;
        assert!(desk.body.contains("data-test=\"deputy\"") && desk.body.contains("data-test=\"chair\""), "{}", desk.body);
        // One seat each: nobody both chairs and deputises.
        assert_eq!(app.count(&format!("select count(*) from committee_members where call_id = {call} and chair and deputy")).await, 0);

        let mut deputy = app.login(DEPUTY).await;
        for email in [DEPUTY, OTHERS[0], OTHERS[1]] {
            let mut m = app.login(email).await;
            assert_eq!(declare(&mut m, &plan, "no").await.0, 200);
            assert_eq!(score(&mut m, &plan, "4").await.0, 200);
        }
        // The chair has not declared: they may not decide yet, and the deputy stays out.
        let mut chair = app.login(CHAIR).await;
        let (code, body) = decide(&mut chair, id, "approved", "8000").await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("declaration_required"), "{body}");
        let (code, body) = decide(&mut deputy, id, "approved", "8000").await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("chair_decides"), "{body}");

        // The chair declares a conflict: they never decide; the page says so and who does.
        assert_eq!(declare(&mut chair, &plan, "yes").await.0, 200);
        let (code, body) = decide(&mut chair, id, "approved", "8000").await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("decider_conflicted"), "{body}");
        let page = chair.get(&format!("/committee/review?plan={plan}")).await;
        assert!(page.body.contains("data-test=\"may-not-decide\""), "{}", page.body);
        assert!(!page.body.contains("data-test=\"decide-submit\""));
        let page = deputy.get(&format!("/committee/review?plan={plan}")).await;
        assert!(!page.body.contains("data-test=\"may-not-decide\""), "{}", page.body);
        assert!(page.body.contains("data-test=\"chair-summary\""));
        // A plain member is told they do not decide.
        let mut other = app.login(OTHERS[0]).await;
        let (code, body) = decide(&mut other, id, "approved", "8000").await;
        assert_eq!(code, 422, "{body}");
        assert!(body.contains("not_chair"), "{body}");

        let (code, body) = decide(&mut deputy, id, "approved", "8000").await;
        assert_eq!(code, 200, "{body}");
        let deputy_id = app.user_id(DEPUTY).await;
        assert_eq!(app.count(&format!("select count(*) from audit_log where action = 'plan_decided' and actor_id = {deputy_id}")).await, 1);
        assert_eq!(app.text(&format!("select status from plans where id = {plan}")).await.as_deref(), Some("approved"));
    }
}
