//! What the plan, editor and mentoring tests share: an applicant with a draft plan for the
//! women's call in Tanger, and mentors.

use super::matches::{catalogue, person};
use app::domain::accounts::role::Role;
use passerelle_tests::{Client, TestApp};

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
    (app.login(email).await, id)
}

/// Writes all six sections and figures that meet the women's call's terms (capital 10,000 MAD,
/// own contribution 2,000, grant 8,000, sales in the first month), straight into the database:
/// the editor's save functions are tested on their own.
pub(crate) async fn fill_plan(app: &TestApp, plan: &str) {
    use app::domain::plans::budget::{Budget, CapitalItem, CapitalKind, Month};
    use app::domain::plans::plan_text::Section;
    use app::domain::shared::money::Money;
    let plan: i64 = plan.parse().expect("plan id");
    let owner = app
        .count(&format!("select user_id from plans where id = {plan}"))
        .await;
    let mut months = [Month::default(); 12];
    months[0].sales = Money::from_dirhams(3_000);
    months[0].costs = Money::from_dirhams(1_000);
    let budget = Budget {
        items: vec![CapitalItem {
            kind: CapitalKind::Equipment,
            item: "Machine à coudre".into(),
            quantity: 2,
            unit_cost: Money::from_dirhams(5_000),
        }],
        months,
        own_contribution: Money::from_dirhams(2_000),
        grant_requested: Money::from_dirhams(8_000),
        loan: Money::default(),
    };
    let figures = serde_json::to_string(&budget).expect("figures");
    let at = time::OffsetDateTime::now_utc();
    let mut tx = app.db().begin().await.expect("transaction");
    for section in Section::ALL {
        app::on_conn!(&mut tx, |conn| {
            sqlx::query(
                "insert into plan_sections (plan_id, section, body, revision, updated_at, \
                 updated_by) values ($1, $2, $3, 1, $4, $5)",
            )
            .bind(plan)
            .bind(section.code())
            .bind(format!("Texte de la section {}.", section.code()))
            .bind(at)
            .bind(owner)
            .execute(conn)
            .await
            .map(drop)
        })
        .expect("section");
    }
    app::on_conn!(&mut tx, |conn| {
        sqlx::query("update plans set figures = $1, grant_requested_centimes = $2 where id = $3")
            .bind(&figures)
            .bind(budget.grant_requested.centimes())
            .bind(plan)
            .execute(conn)
            .await
            .map(drop)
    })
    .expect("figures");
    tx.commit().await.expect("commit");
}

/// An admin gives the plan to the mentor (through the admin's function, as the desk does).
pub(crate) async fn assign(admin: &mut Client, plan: &str, mentor: i64) {
    let mentor = mentor.to_string();
    let assigned = admin
        .call(
            "/api/mentoring/assign_mentor",
            &[("plan", plan), ("mentor", &mentor), ("expected", "")],
        )
        .await;
    assert_eq!(assigned.status, 200, "{}", assigned.body);
}
