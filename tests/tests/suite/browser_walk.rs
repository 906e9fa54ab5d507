//! Issue 18's walk-through in headless Chromium, with JavaScript on: a committee member's page
//! moves on after each action (no stale form), the plan editor says what it saved and gives
//! each section a full-width box, and no applicant page nor any plan page (draft, under review,
//! funded with payments and a visit) is wider than a 360-px phone, in French or in Arabic.

use super::browser::{
    browser, chromedriver, click, fill, serve, sign_in, sign_in_to, wait_for_path, wait_for_text,
    wait_hydrated, WAIT,
};
use super::committee_support::{approved_plan, under_review, MEMBERS};
use super::money::{list_supplier, release, settle, tranche_id, IN_KIND};
use super::monitoring::{good_visit, pairs, post_visit, PDF};
use super::plan_support::applicant_with_a_plan;
use app::domain::accounts::role::Role;
use fantoccini::{Client, Locator};
use passerelle_tests::{Backend, TestApp};

async fn shown(b: &Client, css: &str) {
    b.wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css} never showed: {e}"));
}

async fn absent(b: &Client, css: &str) {
    let found = b.find_all(Locator::Css(css)).await.expect("find");
    assert!(found.is_empty(), "{css} is still on the page");
}

async fn number(b: &Client, script: &str) -> f64 {
    b.execute(script, vec![])
        .await
        .expect("execute")
        .as_f64()
        .expect("a number")
}

/// Each page, opened at the window's width, is no wider than it: nothing scrolls sideways.
async fn fits(b: &Client, base: &str, paths: &[String], lang: &str) {
    for path in paths {
        b.goto(&format!("{base}{path}")).await.expect("open");
        shown(b, &format!("html[lang='{lang}']")).await;
        let wide = number(b, "return document.documentElement.scrollWidth;").await;
        let viewport = number(b, "return window.innerWidth;").await;
        if wide > viewport {
            // What sticks out, to name the cause.
            let out = b
                .execute(
                    "const w = document.documentElement.clientWidth;
                     const out = e => { const r = e.getBoundingClientRect(); return r.right > w + 1 || r.left < -1; };
                     return [...document.querySelectorAll('main *')]
                       .filter(e => out(e) && !out(e.parentElement))
                       .slice(0, 12)
                       .map(e => `${e.tagName}.${e.className} [${Math.round(e.getBoundingClientRect().left)}, ${Math.round(e.getBoundingClientRect().right)}] ${(e.textContent || '').trim().slice(0, 50)}`);",
                    vec![],
                )
                .await
                .expect("execute");
            panic!("{path} in {lang} is {wide} px wide on a {viewport}-px screen: {out:#}");
        }
    }
}

/// A member declares and scores with JavaScript on; the plan editor saves and says so.
async fn committee_and_editor(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_admin, plan, call) = under_review(&app, &MEMBERS).await;
    let (_, draft) = applicant_with_a_plan(&app, "binta@example.org", "Binta Diop").await;
    let base = serve(&app).await;
    let driver = chromedriver().await;
    let b = browser(&driver, true).await;

    // The declaration: the page then asks for the score sheet, not the declaration again.
    sign_in_to(&b, &base, MEMBERS[1], "/committee").await;
    b.goto(&format!("{base}/committee/review?plan={plan}"))
        .await
        .expect("open");
    shown(&b, "[data-standing='to_declare']").await;
    click(&b, "input[name='conflicted'][value='no']").await;
    click(&b, "[data-test='declare-submit']").await;
    shown(&b, "[data-standing='to_score']").await;
    absent(&b, "[data-test='declare']").await;
    shown(&b, "[data-test='score']").await;

    // The sheet: the page then shows it as sent, counts it, and offers no second sending.
    b.execute(
        "document.querySelectorAll(\"[data-test='score'] select\").forEach(s => s.value = '4');",
        vec![],
    )
    .await
    .expect("scores");
    fill(&b, "#score-comment", "Un projet solide.").await;
    click(&b, "[data-test='score-submit']").await;
    shown(&b, "[data-standing='scored']").await;
    absent(&b, "[data-test='score']").await;
    shown(&b, "[data-test='my-sheet']").await;
    wait_for_text(&b, "[data-test='quorum']", "1 fiche(s) de notation sur 3").await;
    click(&b, "[data-test='logout']").await;
    wait_for_path(&b, &base, "/login?signed_out=1").await;

    // The admin's desk: a new sitting is listed and its form comes back empty, so a second
    // click does not post the same sitting again.
    sign_in_to(&b, &base, "admin@example.org", "/admin").await;
    b.goto(&format!("{base}/admin/committee?call={call}"))
        .await
        .expect("open");
    b.execute(
        "document.querySelector('#session-date').value = '2027-04-20';",
        vec![],
    )
    .await
    .expect("date");
    fill(&b, "#session-place", "Tanger, Maison des jeunes").await;
    click(&b, "[data-test='create-session']").await;
    shown(&b, "[data-test='done']").await;
    wait_for_text(&b, "main", "Tanger, Maison des jeunes").await;
    let typed = b
        .execute(
            "return document.querySelector('#session-date').value + document.querySelector('#session-place').value;",
            vec![],
        )
        .await
        .expect("fields");
    assert_eq!(typed, serde_json::json!(""), "the form is empty again");
    click(&b, "[data-test='logout']").await;
    wait_for_path(&b, &base, "/login?signed_out=1").await;

    // The plan editor on a wide screen: full-width boxes, and "saved" after each save.
    b.set_window_size(1280, 900).await.expect("size");
    sign_in(&b, &base, "binta@example.org").await;
    b.goto(&format!("{base}/plans/plan?id={draft}"))
        .await
        .expect("open");
    wait_hydrated(&b).await;
    let box_width = number(
        &b,
        "return document.querySelector('#body-summary').getBoundingClientRect().width;",
    )
    .await;
    let card_width = number(
        &b,
        "return document.querySelector('#section-summary').getBoundingClientRect().width;",
    )
    .await;
    assert!(
        box_width > card_width * 0.85,
        "{box_width} px in a {card_width}-px card"
    );
    fill(&b, "#body-summary", "Un atelier de couture à Tanger.").await;
    click(&b, "[data-test='save-summary']").await;
    wait_for_text(&b, "#section-summary [data-test='saved']", "Enregistré.").await;
    click(&b, "[data-test='save-figures']").await;
    wait_for_text(&b, "#figures [data-test='saved']", "Chiffres enregistrés.").await;

    // A 360-px phone: the applicant's pages and her draft plan, in French then Arabic.
    b.set_window_size(360, 800).await.expect("size");
    let mut paths: Vec<String> = ["/", "/me", "/profile", "/matches", "/enrolments", "/plans"]
        .map(String::from)
        .to_vec();
    paths.push(format!("/plans/plan?id={draft}"));
    fits(&b, &base, &paths, "fr").await;
    click(&b, "button[data-locale='ar']").await;
    shown(&b, "html[dir='rtl'][lang='ar']").await;
    fits(&b, &base, &paths, "ar").await;
    // Signed out: the doors in; then the plan under review, as its owner sees it.
    let doors = ["/login", "/signup"].map(String::from);
    click(&b, "[data-test='logout']").await;
    wait_for_path(&b, &base, "/login?signed_out=1").await;
    fits(&b, &base, &doors, "ar").await;
    sign_in(&b, &base, "awa@example.org").await;
    let review = [format!("/plans/plan?id={plan}")];
    fits(&b, &base, &review, "ar").await;
    click(&b, "button[data-locale='fr']").await;
    shown(&b, "html[lang='fr']").await;
    fits(&b, &base, &review, "fr").await;
    click(&b, "[data-test='logout']").await;
    wait_for_path(&b, &base, "/login?signed_out=1").await;
    fits(&b, &base, &doors, "fr").await;
    b.close().await.expect("close");
}

/// A funded plan, both tranches paid and a visit recorded, on a 360-px phone.
async fn funded_plan_on_a_phone(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_awa, mut coach, mut admin, plan) = approved_plan(&app).await;
    app.user("finance@example.org", Role::Finance).await;
    let mut finance = app.login("finance@example.org").await;
    list_supplier(&app, &mut admin).await;
    let id: i64 = plan.parse().expect("plan id");
    let (first, second) = (tranche_id(&app, id, 1).await, tranche_id(&app, id, 2).await);
    let (code, body) = release(&mut admin, &first, "k-walk-release-0001", &IN_KIND).await;
    assert_eq!(code, 200, "{body}");
    let (code, body) = settle(&mut finance, &first, "k-walk-settle-00001", "paid").await;
    assert_eq!(code, 200, "{body}");
    let visit = good_visit(&plan);
    let long_name = "facture-fournisseur-tissus-et-fils-tanger-mars-2027-original-scanne.pdf";
    let response = post_visit(
        &mut coach,
        &pairs(&visit),
        &[(long_name, "application/pdf", PDF)],
    )
    .await;
    assert_eq!(response.status, 303, "{}", response.body);
    let (code, body) = release(&mut admin, &second, "k-walk-release-0002", &IN_KIND).await;
    assert_eq!(code, 200, "{body}");
    let (code, body) = settle(&mut finance, &second, "k-walk-settle-00002", "paid").await;
    assert_eq!(code, 200, "{body}");

    let base = serve(&app).await;
    let driver = chromedriver().await;
    let b = browser(&driver, true).await;
    b.set_window_size(360, 800).await.expect("size");
    let page = [format!("/plans/plan?id={plan}")];
    for (email, home) in [("awa@example.org", "/me"), ("coach@example.org", "/mentor")] {
        sign_in_to(&b, &base, email, home).await;
        fits(&b, &base, &page, "fr").await;
        click(&b, "button[data-locale='ar']").await;
        shown(&b, "html[dir='rtl'][lang='ar']").await;
        fits(&b, &base, &page, "ar").await;
        click(&b, "button[data-locale='fr']").await;
        shown(&b, "html[lang='fr']").await;
        click(&b, "[data-test='logout']").await;
        wait_for_path(&b, &base, "/login?signed_out=1").await;
    }
    // The admin's audit trail of that plan (long recorded details) fits the phone too.
    let trail = [
        "/admin/audit".to_owned(),
        format!("/admin/audit?kind=plan&subject={plan}"),
    ];
    sign_in_to(&b, &base, "admin@example.org", "/admin").await;
    fits(&b, &base, &trail, "fr").await;
    click(&b, "button[data-locale='ar']").await;
    shown(&b, "html[dir='rtl'][lang='ar']").await;
    fits(&b, &base, &trail, "ar").await;
    b.close().await.expect("close");
}

#[test]
fn browser_walk_committee_page_and_plan_editor_show_each_new_state_on_sqlite() {
    passerelle_tests::block_on(committee_and_editor(Backend::Sqlite));
}

#[test]
fn browser_walk_committee_page_and_plan_editor_show_each_new_state_on_postgres() {
    passerelle_tests::block_on(committee_and_editor(Backend::Postgres));
}

#[test]
fn browser_walk_a_funded_plan_fits_a_phone_on_sqlite() {
    passerelle_tests::block_on(funded_plan_on_a_phone(Backend::Sqlite));
}

#[test]
fn browser_walk_a_funded_plan_fits_a_phone_on_postgres() {
    passerelle_tests::block_on(funded_plan_on_a_phone(Backend::Postgres));
}
