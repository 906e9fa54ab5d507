//! axe-core (from npm, `scripts/install-tools.sh --browser`) on every applicant page, in French
//! and in Arabic, signed out and signed in with a draft plan: no serious or critical violation.

use super::browser::{browser, chromedriver, click, serve, sign_in, wait_for_path, WAIT};
use super::plan_support::awa_with_a_plan;
use fantoccini::{Client, Locator};
use passerelle_tests::{Backend, TestApp};

fn axe_source() -> String {
    let tools = std::env::var("PASSERELLE_TOOLS_DIR").unwrap_or_else(|_| {
        format!(
            "{}/.cache/passerelle-tools",
            std::env::var("HOME").unwrap_or_default()
        )
    });
    let path = format!("{tools}/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{path} is missing: run scripts/install-tools.sh --browser"))
}

/// The serious and critical violations axe finds on the page now: "rule: where" each.
async fn violations(b: &Client, axe: &str) -> Vec<String> {
    b.execute(axe, vec![]).await.expect("load axe");
    let found = b
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] }).then(r => done(
               r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))));",
            vec![],
        )
        .await
        .expect("run axe");
    serde_json::from_value(found).unwrap_or_default()
}

async fn check(b: &Client, axe: &str, base: &str, pages: &[String], lang: &str) -> Vec<String> {
    let mut all = Vec::new();
    for page in pages {
        b.goto(&format!("{base}{page}")).await.expect("open");
        b.wait()
            .at_most(WAIT)
            .for_element(Locator::Css(&format!("html[lang='{lang}']")))
            .await
            .expect("the page in the language chosen");
        all.extend(
            violations(b, axe)
                .await
                .into_iter()
                .map(|v| format!("{lang} {page}: {v}")),
        );
    }
    all
}

async fn applicant_pages_pass_axe(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, plan) = awa_with_a_plan(&app).await;
    let base = serve(&app).await;
    let axe = axe_source();
    let driver = chromedriver().await;
    let b = browser(&driver, true).await;
    let public: Vec<String> = ["/", "/login", "/signup", "/signup?sent=1", "/signup/finish"]
        .map(String::from)
        .into();
    let signed_in: Vec<String> = ["/me", "/profile", "/matches", "/enrolments", "/plans"]
        .map(String::from)
        .into_iter()
        .chain([format!("/plans/plan?id={plan}")])
        .collect();

    let mut found = check(&b, &axe, &base, &public, "fr").await;
    sign_in(&b, &base, "awa@example.org").await;
    found.extend(check(&b, &axe, &base, &signed_in, "fr").await);
    click(&b, "button[data-locale='ar']").await;
    found.extend(check(&b, &axe, &base, &signed_in, "ar").await);
    click(&b, "[data-test='logout']").await;
    wait_for_path(&b, &base, "/login?signed_out=1").await;
    found.extend(check(&b, &axe, &base, &public, "ar").await);
    assert!(found.is_empty(), "axe found:\n{}", found.join("\n"));
    b.close().await.expect("close");
}

#[test]
fn browser_axe_finds_nothing_serious_on_applicant_pages_on_sqlite() {
    passerelle_tests::block_on(applicant_pages_pass_axe(Backend::Sqlite));
}

#[test]
fn browser_axe_finds_nothing_serious_on_applicant_pages_on_postgres() {
    passerelle_tests::block_on(applicant_pages_pass_axe(Backend::Postgres));
}
