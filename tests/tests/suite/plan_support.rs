//! What the plan, editor and mentoring tests share: an applicant with a draft plan for the
//! women's call in Tanger, and mentors.

use super::matches::{catalogue, person};
use app::domain::role::Role;
use passerelle_tests::{Client, TestApp, PASSWORD};

/// Awa (consent, profile, eligible) with a draft plan for AGR-TNG-FEMMES-2027: her client and
/// the plan's id.
pub(crate) async fn awa_with_a_plan(app: &TestApp) -> (Client, String) {
    catalogue(app).await;
    applicant_with_a_plan(app, "awa@example.org", "Awa Koné").await
}

/// Another eligible applicant with her own draft plan for the same call (the catalogue must be
/// loaded already).
pub(crate) async fn applicant_with_a_plan(
    app: &TestApp,
    email: &str,
    name: &str,
) -> (Client, String) {
    let call = app
        .count("select id from grant_calls where reference = 'AGR-TNG-FEMMES-2027'")
        .await
        .to_string();
    let mut client = person(app, email, name, true).await;
    let started = client.call("/api/plans/start", &[("call", &call)]).await;
    assert_eq!(started.status, 200, "{}", started.body);
    let user = app
        .count(&format!("select id from users where email = '{email}'"))
        .await;
    let plan = app
        .count(&format!(
            "select id from plans where user_id = {user} and call_id = {call}"
        ))
        .await
        .to_string();
    (client, plan)
}

/// A mentor account, signed in: their client and their user id.
pub(crate) async fn mentor(app: &TestApp, email: &str) -> (Client, i64) {
    let id = app.user(email, Role::Mentor).await;
    let mut client = app.client();
    assert_eq!(client.login(email, PASSWORD).await.status, 200);
    (client, id)
}
