//! Islands in real Chromium with JavaScript on: an applicant's pages load no script at all; the
//! skills search answers as one types; a plan section typed while the connection is down is
//! kept on the phone and saved once it is back; the figures add up as typed; `/matches` is
//! usable within 3 s on a 3G link.

use super::browser::{
    browser, chromedriver, fill, scripts_loaded, serve, sign_in, wait_for_path, wait_for_text,
    wait_hydrated, WAIT,
};
use super::plan_support::awa_with_a_plan;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, Locator};
use passerelle_tests::{Backend, TestApp};
use std::time::{Duration, Instant};

/// A Chrome DevTools command, through chromedriver.
#[derive(Debug)]
struct Cdp(&'static str, serde_json::Value);

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "cmd": self.0, "params": self.1 });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// Network conditions: `None` is a normal link; otherwise (offline, kbit/s, round trip in ms).
async fn network(b: &Client, conditions: Option<(bool, u64, u64)>) {
    let (offline, kbits, latency) = conditions.unwrap_or((false, 0, 0));
    let throughput = if kbits == 0 {
        -1.0
    } else {
        kbits as f64 * 1000.0 / 8.0
    };
    b.issue_cmd(Cdp("Network.enable", serde_json::json!({})))
        .await
        .expect("Network.enable");
    b.issue_cmd(Cdp(
        "Network.emulateNetworkConditions",
        serde_json::json!({
            "offline": offline,
            "latency": latency,
            "downloadThroughput": throughput,
            "uploadThroughput": throughput,
        }),
    ))
    .await
    .expect("Network.emulateNetworkConditions");
}

async fn islands_where_needed(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, plan) = awa_with_a_plan(&app).await;
    let base = serve(&app).await;
    let driver = chromedriver().await;
    let b = browser(&driver, true).await;
    sign_in(&b, &base, "awa@example.org").await;

    for page in ["/", "/me", "/profile", "/matches", "/enrolments", "/plans"] {
        b.goto(&format!("{base}{page}")).await.expect("open");
        assert_eq!(scripts_loaded(&b).await, Vec::<String>::new(), "{page}");
    }

    // The skills search answers as one types, without pressing "Chercher".
    b.goto(&format!("{base}/skills")).await.expect("skills");
    wait_hydrated(&b).await;
    assert!(
        !scripts_loaded(&b).await.is_empty(),
        "the bundle loads here"
    );
    let field = b
        .find(Locator::Css("[data-test='skill-query']"))
        .await
        .expect("the search box");
    field.send_keys("tresses").await.expect("type");
    wait_for_text(
        &b,
        "[data-skill='hair.african-braiding']",
        "Tresses africaines",
    )
    .await;
    let address = b.current_url().await.expect("url").to_string();
    assert!(address.ends_with("/skills?q=tresses"), "{address}");

    // A section typed while offline is kept on the phone, and saved when the connection is back.
    let page = format!("{base}/plans/plan?id={plan}");
    b.goto(&page).await.expect("open the plan");
    wait_hydrated(&b).await;
    network(&b, Some((true, 0, 0))).await;
    fill(
        &b,
        "#body-idea",
        "Un salon de coiffure à Tanger, ouvert le soir.",
    )
    .await;
    wait_for_text(
        &b,
        "[data-test='section-idea'] [data-test='autosave']",
        "Gardé",
    )
    .await;
    assert_eq!(
        saved_idea(&app, &plan).await,
        None,
        "nothing reached the server"
    );
    let _ = b.refresh().await; // the page cannot load while offline
    network(&b, None).await;
    b.goto(&page).await.expect("the plan again");
    wait_hydrated(&b).await;
    let deadline = Instant::now() + WAIT;
    while saved_idea(&app, &plan).await.is_none() {
        assert!(Instant::now() < deadline, "the draft was never sent");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(
        saved_idea(&app, &plan).await.as_deref(),
        Some("Un salon de coiffure à Tanger, ouvert le soir.")
    );
    // Sent when the connection came back, or by the reloaded page: either way the box reads it.
    b.goto(&page).await.expect("the plan once more");
    let field = b
        .find(Locator::Css("#body-idea"))
        .await
        .expect("the idea box");
    let shown = field
        .prop("value")
        .await
        .expect("value")
        .unwrap_or_default();
    assert_eq!(shown, "Un salon de coiffure à Tanger, ouvert le soir.");

    // The figures add up as they are typed, before anything is saved.
    fill(&b, "input[name='items[]']", "Machine à coudre").await;
    fill(&b, "input[name='quantities[]']", "2").await;
    fill(&b, "input[name='unit_costs[]']", "4500").await;
    wait_for_text(&b, "[data-test='live-totals']", "000,00").await;
    let line = b
        .find(Locator::Css("[data-test='live-totals']"))
        .await
        .expect("the live totals")
        .text()
        .await
        .expect("text");
    assert!(
        line.contains("Capital de démarrage")
            && line.replace(['\u{202f}', ' '], "").contains("9000,00"),
        "{line}"
    );

    // On a 3G link (400 kbit/s, 400 ms round trips) /matches shows its first offer, with a
    // working link, within 3 s of navigation (timed by the page's own clock).
    network(&b, Some((false, 400, 400))).await;
    b.goto(&format!("{base}/matches")).await.expect("matches");
    let first = b
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("[data-test='offer'] h3"))
        .await
        .expect("the first offer");
    assert!(first.is_displayed().await.expect("displayed"));
    let shown_ms = b
        .execute(
            "return performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd;",
            vec![],
        )
        .await
        .expect("timing")
        .as_f64()
        .unwrap_or(f64::MAX);
    assert!(shown_ms < 3000.0, "/matches took {shown_ms} ms on 3G");
    super::browser::click(&b, "header a[href='/enrolments']").await;
    wait_for_path(&b, &base, "/enrolments").await;
    b.close().await.expect("close");
}

async fn saved_idea(app: &TestApp, plan: &str) -> Option<String> {
    app.text(&format!(
        "select body from plan_sections where plan_id = {plan} and section = 'idea'"
    ))
    .await
    .filter(|body| !body.is_empty())
}

#[test]
fn browser_islands_load_only_where_needed_and_keep_offline_drafts_on_sqlite() {
    passerelle_tests::block_on(islands_where_needed(Backend::Sqlite));
}

#[test]
fn browser_islands_load_only_where_needed_and_keep_offline_drafts_on_postgres() {
    passerelle_tests::block_on(islands_where_needed(Backend::Postgres));
}
