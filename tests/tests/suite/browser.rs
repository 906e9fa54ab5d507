//! End to end in headless Chromium (Debian's chromium + chromedriver), against the real server
//! on a local port, with JavaScript on and off. Pages are plain HTML and forms either way; with
//! JavaScript on, the few pages that hold an island load the bundle and hydrate those.

use app::domain::accounts::role::Role;
use fantoccini::{Client, ClientBuilder, Locator};
use passerelle_tests::{Backend, TestApp, PASSWORD};
use std::net::TcpListener as StdListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub(crate) const WAIT: Duration = Duration::from_secs(30);

pub(crate) struct Chromedriver(Child, u16);

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    StdListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn debugging() -> bool {
    std::env::var_os("PASSERELLE_BROWSER_DEBUG").is_some()
}

pub(crate) async fn chromedriver() -> Chromedriver {
    let port = free_port();
    let driver = Chromedriver(
        Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .args(debugging().then_some("--enable-chrome-logs"))
            .stdout(Stdio::null())
            // PASSERELLE_BROWSER_DEBUG=1 shows Chromium's log, with the page's console.
            .stderr(if debugging() {
                Stdio::inherit()
            } else {
                Stdio::null()
            })
            .spawn()
            .expect("chromedriver must be installed (scripts/install-tools.sh --browser)"),
        port,
    );
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return driver;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("chromedriver did not start");
}

pub(crate) async fn browser(driver: &Chromedriver, javascript: bool) -> Client {
    let profile = tempfile::tempdir().expect("profile dir").keep();
    let mut args = vec![
        "--headless=new".to_owned(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-quic".into(),
        "--disable-dev-shm-usage".into(),
        "--no-first-run".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--lang=fr".into(),
        "--window-size=412,900".into(),
        format!("--user-data-dir={}", profile.display()),
    ];
    if debugging() {
        args.push("--enable-logging=stderr".into());
        args.push("--v=0".into());
    }
    // A French-speaking browser (headless Chromium ignores --lang for Accept-Language).
    let mut prefs = serde_json::json!({ "intl.accept_languages": "fr-FR,fr" });
    if !javascript {
        args.push("--blink-settings=scriptEnabled=false".into());
        prefs["profile.managed_default_content_settings.javascript"] = serde_json::json!(2);
    }
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({ "binary": "/usr/bin/chromium", "args": args, "prefs": prefs }),
    );
    ClientBuilder::rustls()
        .expect("tls")
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{}", driver.1))
        .await
        .expect("a Chromium session")
}

pub(crate) async fn serve(app: &TestApp) -> String {
    format!("http://{}", app.serve_tcp().await)
}

pub(crate) async fn wait_for_path(browser: &Client, base: &str, path: &str) {
    let url = url::Url::parse(&format!("{base}{path}")).expect("url");
    if let Err(error) = browser.wait().at_most(WAIT).for_url(&url).await {
        let now = browser
            .current_url()
            .await
            .map(|u| u.to_string())
            .unwrap_or_default();
        panic!("never reached {url} (at {now}): {error}");
    }
}

pub(crate) async fn fill(browser: &Client, css: &str, text: &str) {
    let field = browser
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .expect(css);
    field.clear().await.expect("clear");
    if !text.is_empty() {
        field.send_keys(text).await.expect("type");
    }
}

pub(crate) async fn click(browser: &Client, css: &str) {
    browser
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .expect(css)
        .click()
        .await
        .expect("click");
}

/// Waits until the element at `css` shows `needle` (the page may still be the previous one for
/// a moment after a form post).
pub(crate) async fn wait_for_text(browser: &Client, css: &str, needle: &str) {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        if let Ok(element) = browser.find(Locator::Css(css)).await {
            if element.text().await.is_ok_and(|t| t.contains(needle)) {
                return;
            }
        }
        if std::time::Instant::now() > deadline {
            let source = browser.source().await.unwrap_or_default();
            panic!("{css} never showed {needle:?}: {source}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Signs in through the login page (as `email`, with the tests' password) and waits for `/me`.
pub(crate) async fn sign_in(browser: &Client, base: &str, email: &str) {
    sign_in_to(browser, base, email, "/me").await;
}

/// Signs in as `email` and waits for the role's home page (`/committee`, `/mentor`, …).
pub(crate) async fn sign_in_to(browser: &Client, base: &str, email: &str, home: &str) {
    browser.goto(&format!("{base}/login")).await.expect("open");
    fill(browser, "#login-email", email).await;
    fill(browser, "#login-password", PASSWORD).await;
    click(browser, "[data-test='login-submit']").await;
    wait_for_path(browser, base, home).await;
}

/// The scripts and WebAssembly the page has fetched so far.
pub(crate) async fn scripts_loaded(browser: &Client) -> Vec<String> {
    let found = browser
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name)
                 .filter(n => /\\.(js|wasm)(\\?|$)/.test(n));",
            vec![],
        )
        .await
        .expect("execute");
    serde_json::from_value(found).unwrap_or_default()
}

/// Waits until the page's islands run (only pages that hold one load the bundle). When they
/// do not, says why: the script's error and what each file the page fetched answered.
pub(crate) async fn wait_hydrated(browser: &Client) {
    let finished = browser
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("body[data-hydrated]"))
        .await;
    let state = browser
        .execute(
            "return [document.body.dataset.hydrated || 'still waiting', location.href, document.title,
                     document.body.dataset.hydrationError || '',
                     document.body.dataset.hydrationRetried || '',
                     performance.getEntriesByType('resource')
                         .map(e => `${e.name} ${e.responseStatus} ${e.transferSize}B ${Math.round(e.duration)}ms`)];",
            vec![],
        )
        .await
        .expect("execute");
    if finished.is_err() || state[0] != "true" {
        panic!("the page's islands did not start ({finished:?}): {state}");
    }
    // A first failed load that the second try made good: keep its trace in the test's output.
    if state[4] != "" {
        eprintln!("the page's WebAssembly loaded on the second try: {state}");
    }
}

async fn with_javascript(backend: Backend) {
    let app = TestApp::new(backend).await;
    let base = serve(&app).await;
    let driver = chromedriver().await;
    let b = browser(&driver, true).await;

    // Sign up: a page without islands, so no script loads even with JavaScript on.
    b.goto(&format!("{base}/signup")).await.expect("open");
    assert_eq!(scripts_loaded(&b).await, Vec::<String>::new());
    fill(&b, "#signup-email", "mariam.traore@example.org").await;
    fill(&b, "#signup-password", PASSWORD).await;
    click(&b, "[data-test='signup-submit']").await;
    wait_for_path(&b, &base, "/signup?sent=1").await;
    b.wait()
        .at_most(WAIT)
        .for_element(Locator::Css("[data-test='signup-sent']"))
        .await
        .expect("check your mail");
    // The link from the mail: its page's button creates the account and signs in.
    let token = app
        .sign_up_token("mariam.traore@example.org")
        .await
        .expect("a sign-up link was queued");
    b.goto(&format!("{base}/signup/finish?token={token}"))
        .await
        .expect("open the link");
    fill(&b, "#finish-password", PASSWORD).await;
    click(&b, "[data-test='signup-finish']").await;
    wait_for_path(&b, &base, "/me").await;
    b.wait()
        .at_most(WAIT)
        .for_element(Locator::Css("[data-test='account']"))
        .await
        .expect("dashboard");
    assert!(b
        .source()
        .await
        .expect("source")
        .contains("mariam.traore@example.org"));

    // Log out, then log in again.
    click(&b, "[data-test='logout']").await;
    wait_for_path(&b, &base, "/login?signed_out=1").await;
    fill(&b, "#login-email", "mariam.traore@example.org").await;
    fill(&b, "#login-password", PASSWORD).await;
    click(&b, "[data-test='login-submit']").await;
    wait_for_path(&b, &base, "/me").await;

    // Switch to Arabic: the page comes back right-to-left, and stays so after a reload.
    click(&b, "button[data-locale='ar']").await;
    b.wait()
        .at_most(WAIT)
        .for_element(Locator::Css("html[dir='rtl'][lang='ar']"))
        .await
        .expect("rtl");
    b.refresh().await.expect("reload");
    b.wait()
        .at_most(WAIT)
        .for_element(Locator::Css("html[dir='rtl'][lang='ar']"))
        .await
        .expect("rtl after reload");
    assert!(b.source().await.expect("source").contains("مساحتي"));

    // Log out.
    click(&b, "[data-test='logout']").await;
    wait_for_path(&b, &base, "/login?signed_out=1").await;
    assert_eq!(
        app.session_count().await,
        0,
        "the session is gone from the database"
    );
    b.close().await.expect("close");
}

async fn without_javascript(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.user("youssef@example.org", Role::Caseworker).await;
    let base = serve(&app).await;
    let driver = chromedriver().await;
    let b = browser(&driver, false).await;

    // A wrong password: the error comes back on the page.
    b.goto(&format!("{base}/login")).await.expect("open");
    fill(&b, "#login-email", "youssef@example.org").await;
    fill(&b, "#login-password", "not the password at all").await;
    click(&b, "[data-test='login-submit']").await;
    let problems = b
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("[data-test='form-problems']"))
        .await
        .expect("the error is shown");
    let text = problems.text().await.expect("text");
    assert!(text.contains("mot de passe incorrect"), "{text}");

    // The right one: straight to the caseworker dashboard.
    fill(&b, "#login-email", "youssef@example.org").await;
    fill(&b, "#login-password", PASSWORD).await;
    click(&b, "[data-test='login-submit']").await;
    wait_for_path(&b, &base, "/caseworker").await;
    let source = b.source().await.expect("source");
    assert!(source.contains("youssef@example.org"));
    assert!(!source.contains("data-hydrated"), "no script ran");

    // The language switch works as a plain form too.
    click(&b, "button[data-locale='ar']").await;
    b.wait()
        .at_most(WAIT)
        .for_element(Locator::Css("html[dir='rtl']"))
        .await
        .expect("rtl");
    click(&b, "[data-test='logout']").await;
    wait_for_path(&b, &base, "/login?signed_out=1").await;
    b.close().await.expect("close");
}

/// An applicant reading Arabic, on a phone without JavaScript, fills the whole wizard (with a
/// mistake corrected on the way) and sees her offers ranked and explained.
async fn profile_in_arabic_without_javascript(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.user("aicha@example.org", Role::Applicant).await;
    let today = time::OffsetDateTime::now_utc().date();
    server::seed_catalogue::demo_catalogue(app.db(), today)
        .await
        .expect("the demo catalogue");
    let base = serve(&app).await;
    let driver = chromedriver().await;
    let b = browser(&driver, false).await;

    b.goto(&format!("{base}/login")).await.expect("open");
    click(&b, "button[data-locale='ar']").await;
    b.wait()
        .at_most(WAIT)
        .for_element(Locator::Css("html[dir='rtl']"))
        .await
        .expect("rtl");
    fill(&b, "#login-email", "aicha@example.org").await;
    fill(&b, "#login-password", PASSWORD).await;
    click(&b, "[data-test='login-submit']").await;
    wait_for_path(&b, &base, "/me").await;

    b.goto(&format!("{base}/profile")).await.expect("profile");
    let notice = b
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("[data-test='consent']"))
        .await
        .expect("the notice comes first")
        .text()
        .await
        .expect("text");
    assert!(notice.contains("بياناتك وموافقتك"), "{notice}");
    click(&b, "[data-test='agree']").await;

    // The date of birth is left out on purpose.
    identity(&b, ("", "", "")).await;
    wait_for_text(&b, "[data-test='birth-date-problems']", "أدخل تاريخ ميلادك").await;
    assert_eq!(
        app.count("select count(*) from profiles").await,
        0,
        "nothing half-saved"
    );

    // The page keeps the error in its address; a second mistake replaces it, not adds to it.
    identity(&b, ("31", "2", "1996")).await;
    wait_for_text(
        &b,
        "[data-test='birth-date-problems']",
        "هذا التاريخ غير موجود",
    )
    .await;
    let address = b.current_url().await.expect("url").to_string();
    assert_eq!(address.matches("__err=").count(), 1, "{address}");

    identity(&b, ("20", "5", "1996")).await;
    wait_for_path(&b, &base, "/profile?saved=identity").await;
    assert_eq!(
        app.text("select full_name || '|' || cast(birth_date as text) from profiles")
            .await
            .as_deref(),
        Some("عائشة كوني|1996-05-20")
    );

    // Situation: education, languages, a sector, availability.
    choose(&b, "#education option[value='lower_secondary']").await;
    click(&b, "input[name='languages[]'][value='french']").await;
    click(&b, "input[name='languages[]'][value='manding']").await;
    click(&b, "input[name='sectors[]'][value='sewing_fashion']").await;
    choose(&b, "#availability option[value='now']").await;
    click(&b, "[data-test='save-situation']").await;
    wait_for_path(&b, &base, "/profile?saved=situation").await;

    // A residence card valid for years.
    choose(&b, "#document-kind option[value='residence_card']").await;
    fill(&b, "#expires-day", "30").await;
    fill(&b, "#expires-month", "6").await;
    fill(&b, "#expires-year", "2031").await;
    click(&b, "[data-test='add-document']").await;
    wait_for_text(&b, "[data-test='documents']", "30 يونيو 2031").await;

    // A skill found by an Arabic word, added with a level and years.
    fill(&b, "#skill-search", "المستقيمة").await;
    click(&b, "[data-test='search-skill']").await;
    let result = "li[data-result='sew.industrial-lockstitch']";
    choose(&b, &format!("{result} option[value='expert']")).await;
    fill(&b, &format!("{result} input[name='years']"), "6").await;
    click(&b, &format!("{result} button")).await;
    wait_for_text(
        &b,
        "[data-test='skills']",
        "الخياطة على الآلة الصناعية المستقيمة",
    )
    .await;

    // Her offers, in Arabic: ranked, each with its reasons, and what would open the others.
    b.goto(&format!("{base}/matches")).await.expect("matches");
    wait_for_text(&b, "[data-test='eligible'] h2", "متاحة لك").await;
    let first = b
        .find(Locator::Css("[data-test='eligible'] [data-test='offer']"))
        .await
        .expect("an offer open to her")
        .attr("data-reference")
        .await
        .expect("attr");
    assert_eq!(
        first.as_deref(),
        Some("AGR-TNG-FEMMES-2027"),
        "the best fit comes first"
    );
    wait_for_text(&b, "[data-test='eligible']", "تعيش في طنجة").await;
    wait_for_text(&b, "[data-test='not-yet']", "أتمم أولًا تكوين التشغيل الذاتي").await;
    b.close().await.expect("close");
}

/// Fills and sends the identity step (a page reloaded after an error starts empty again).
async fn identity(b: &Client, (day, month, year): (&str, &str, &str)) {
    fill(b, "#full-name", "عائشة كوني").await;
    click(b, "input[name='sex'][value='female']").await;
    fill(b, "#birth-day", day).await;
    fill(b, "#birth-month", month).await;
    fill(b, "#birth-year", year).await;
    choose(b, "#nationality option[value='CI']").await;
    choose(b, "#city option[value='tanger']").await;
    click(b, "[data-test='save-identity']").await;
}

/// Picks an option of a select by clicking it (works without JavaScript).
async fn choose(browser: &Client, css: &str) {
    click(browser, css).await;
}

#[test]
fn browser_profile_in_arabic_without_javascript_on_sqlite() {
    passerelle_tests::block_on(async {
        profile_in_arabic_without_javascript(Backend::Sqlite).await;
    })
}

#[test]
fn browser_with_javascript_on_sqlite() {
    passerelle_tests::block_on(async {
        with_javascript(Backend::Sqlite).await;
    })
}

#[test]
fn browser_with_javascript_on_postgres() {
    passerelle_tests::block_on(async {
        with_javascript(Backend::Postgres).await;
    })
}

#[test]
fn browser_without_javascript_on_sqlite() {
    passerelle_tests::block_on(async {
        without_javascript(Backend::Sqlite).await;
    })
}

#[test]
fn browser_without_javascript_on_postgres() {
    passerelle_tests::block_on(async {
        without_javascript(Backend::Postgres).await;
    })
}
