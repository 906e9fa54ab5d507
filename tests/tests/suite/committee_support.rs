//! What the committee, money and monitoring tests share: a plan taken through the real pages
//! to the committee (submitted, signed off, put on a session's agenda), members who declare and
//! score, and a plan the chair approved.

use super::matches::catalogue;
use super::plan_support::{applicant_with_a_plan, assign, awa_with_a_plan, fill_plan, mentor};
use app::domain::accounts::role::Role;
use passerelle_tests::{Client, TestApp};

pub(crate) const CALL: &str = "AGR-TNG-FEMMES-2027";

/// The women's call's committee in these tests (quorum 3); the first chairs.
pub(crate) const MEMBERS: [&str; 3] = [
    "alice@example.org",
    "bruno@example.org",
    "chloe@example.org",
];

/// A step the test expects to be taken.
pub(crate) async fn step(client: &mut Client, plan: &str, action: &str, reason: &str) {
    let response = client.plan_step(plan, action, reason).await;
    assert_eq!(response.status, 200, "{action}: {}", response.body);
}

/// Awa's plan signed off by her mentor: the admin, the plan, its call, the mentor's id.
pub(crate) async fn ready_plan(app: &TestApp) -> (Client, String, String, i64) {
    let signed_off = signed_off(app).await;
    (
        signed_off.admin,
        signed_off.plan,
        signed_off.call,
        signed_off.coach_id,
    )
}

/// Everyone around a plan its mentor signed off for the committee.
pub(crate) struct SignedOff {
    pub awa: Client,
    pub coach: Client,
    pub coach_id: i64,
    pub admin: Client,
    pub plan: String,
    pub call: String,
}

pub(crate) async fn signed_off(app: &TestApp) -> SignedOff {
    let (mut awa, plan) = awa_with_a_plan(app).await;
    let (mut coach, coach_id) = mentor(app, "coach@example.org").await;
    let mut admin = app.signed_in(Role::Admin).await;
    assign(&mut admin, &plan, coach_id).await;
    fill_plan(app, &plan).await;
    step(&mut awa, &plan, "submit", "").await;
    step(&mut coach, &plan, "mark_ready", "Prêt.").await;
    let call = app.id_of("grant_calls", CALL).await;
    SignedOff {
        awa,
        coach,
        coach_id,
        admin,
        plan,
        call,
    }
}

/// A committee account, signed in.
pub(crate) async fn member(app: &TestApp, email: &str) -> Client {
    app.user(email, Role::Committee).await;
    app.login(email).await
}

pub(crate) async fn add_member(admin: &mut Client, call: &str, email: &str) {
    let added = admin
        .call(
            "/api/committee/add_member",
            &[("call", call), ("email", email)],
        )
        .await;
    assert_eq!(added.status, 200, "{}", added.body);
}

/// The call's committee's sitting of 15 March 2027 (scheduled if it is not yet): its id.
pub(crate) async fn new_session(app: &TestApp, admin: &mut Client, call: &str) -> String {
    session_on(app, admin, call, "2027-03-15").await
}

/// The call's committee's sitting on `day` at the Wilaya (scheduled if it is not yet): its id.
pub(crate) async fn session_on(app: &TestApp, admin: &mut Client, call: &str, day: &str) -> String {
    let created = admin
        .call(
            "/api/committee/create_session",
            &[
                ("call", call),
                ("held_on", day),
                ("place", "Tanger, Wilaya"),
            ],
        )
        .await;
    assert_eq!(created.status, 200, "{}", created.body);
    app.count(&format!(
        "select id from review_sessions where call_id = {call} and held_on = '{day}'"
    ))
    .await
    .to_string()
}

pub(crate) async fn put_on_agenda(admin: &mut Client, session: &str, plan: &str) -> (u16, String) {
    let response = admin
        .call(
            "/api/committee/put_on_agenda",
            &[("session", session), ("plan", plan)],
        )
        .await;
    (response.status.as_u16(), response.body)
}

/// Awa's plan under review by a committee of the three members named: admin and plan.
pub(crate) async fn under_review(app: &TestApp, members: &[&str]) -> (Client, String, String) {
    let (mut admin, plan, call, _) = ready_plan(app).await;
    for email in members {
        app.user(email, Role::Committee).await;
        add_member(&mut admin, &call, email).await;
    }
    let session = new_session(app, &mut admin, &call).await;
    let (code, body) = put_on_agenda(&mut admin, &session, &plan).await;
    assert_eq!(code, 200, "{body}");
    (admin, plan, call)
}

pub(crate) async fn declare(client: &mut Client, plan: &str, conflicted: &str) -> (u16, String) {
    let response = client
        .call(
            "/api/committee/declare",
            &[("plan", plan), ("conflicted", conflicted), ("note", "")],
        )
        .await;
    (response.status.as_u16(), response.body)
}

pub(crate) async fn score(client: &mut Client, plan: &str, value: &str) -> (u16, String) {
    let response = client
        .call(
            "/api/committee/score",
            &[
                ("plan", plan),
                ("viability", value),
                ("market", value),
                ("experience", value),
                ("budget_realism", value),
                ("social_impact", value),
                ("comment", "Un projet solide."),
            ],
        )
        .await;
    (response.status.as_u16(), response.body)
}

/// The call's committee: the three [`MEMBERS`], the first in the chair.
pub(crate) async fn seat_committee(app: &TestApp, admin: &mut Client, call: &str) {
    for email in MEMBERS {
        app.user(email, Role::Committee).await;
        add_member(admin, call, email).await;
    }
    let chair = app.user_id(MEMBERS[0]).await.to_string();
    let chaired = admin
        .call(
            "/api/committee/set_chair",
            &[("call", call), ("member", &chair)],
        )
        .await;
    assert_eq!(chaired.status, 200, "{}", chaired.body);
}

/// `n` applicants (`applicant0@example.org`, …) each with a plan for the women's call that one
/// mentor signed off, all on the agenda of one session of the seated committee, none scored
/// yet: the admin and the plans. Every step goes through the app's own functions.
pub(crate) async fn plans_on_the_agenda(app: &TestApp, n: usize) -> (Client, Vec<String>) {
    catalogue(app).await;
    let (mut coach, coach_id) = mentor(app, "coach@example.org").await;
    let mut admin = app.signed_in(Role::Admin).await;
    let call = app.id_of("grant_calls", CALL).await;
    seat_committee(app, &mut admin, &call).await;
    let session = new_session(app, &mut admin, &call).await;
    let mut plans = Vec::new();
    for i in 0..n {
        let email = format!("applicant{i}@example.org");
        let (mut applicant, plan) =
            applicant_with_a_plan(app, &email, &format!("Candidate {i}")).await;
        assign(&mut admin, &plan, coach_id).await;
        fill_plan(app, &plan).await;
        step(&mut applicant, &plan, "submit", "").await;
        step(&mut coach, &plan, "mark_ready", "Prêt.").await;
        let (code, body) = put_on_agenda(&mut admin, &session, &plan).await;
        assert_eq!(code, 200, "{body}");
        plans.push(plan);
    }
    (admin, plans)
}

/// Every member declares no conflict and scores each plan 4 out of 5: the quorum is met.
pub(crate) async fn score_all(app: &TestApp, plans: &[String]) {
    for email in MEMBERS {
        let mut member = app.login(email).await;
        for plan in plans {
            assert_eq!(declare(&mut member, plan, "no").await.0, 200);
            assert_eq!(score(&mut member, plan, "4").await.0, 200);
        }
    }
}

/// Awa's plan approved for 8,000 MAD by the chair of a committee of three who all declared no
/// conflict and scored it, every step through the app's own functions: Awa, her mentor, the
/// admin, the plan.
pub(crate) async fn approved_plan(app: &TestApp) -> (Client, Client, Client, String) {
    let SignedOff {
        awa,
        coach,
        mut admin,
        plan,
        call,
        ..
    } = signed_off(app).await;
    seat_committee(app, &mut admin, &call).await;
    let session = new_session(app, &mut admin, &call).await;
    let (code, body) = put_on_agenda(&mut admin, &session, &plan).await;
    assert_eq!(code, 200, "{body}");
    score_all(app, std::slice::from_ref(&plan)).await;
    let decided = app
        .login(MEMBERS[0])
        .await
        .call(
            "/api/committee/decide",
            &[
                ("plan", &plan),
                ("outcome", "approved"),
                ("amount", "8000"),
                ("justification", "Projet viable."),
            ],
        )
        .await;
    assert_eq!(decided.status, 200, "{}", decided.body);
    (awa, coach, admin, plan)
}
