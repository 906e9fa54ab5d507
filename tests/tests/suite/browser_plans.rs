//! An XSS corpus typed into a business plan's sections in real Chromium never runs: not in the
//! preview, not after saving, not after a reload. Every payload would set `window.__xss`; the
//! test also checks that nothing dangerous reached the rendered HTML at all (the sanitiser's
//! job, whatever the Content-Security-Policy would have blocked anyway).

use super::browser::{
    browser, chromedriver, click, fill, serve, sign_in, wait_for_text, wait_hydrated,
};
use super::plan_support::awa_with_a_plan;
use fantoccini::Client;
use passerelle_tests::{Backend, TestApp};

/// Script tags, `javascript:` links (plain, mixed case, entity-encoded), event attributes,
/// SVG and MathML payloads, a mutation-XSS classic, a data: URL and a style URL.
const CORPUS: &[&str] = &[
    "<script>window.__xss = 1</script>",
    "[cliquez ici](javascript:window.__xss=2)",
    "<a href=\"jAvAsCrIpT:window.__xss=3\">lien</a>",
    "<a href=\"&#106;avascript:window.__xss=4\">encodé</a>",
    "<img src=x onerror=\"window.__xss=5\">",
    "<svg onload=\"window.__xss=6\"><script>window.__xss=7</script></svg>",
    "<details open ontoggle=\"window.__xss=8\"><summary>x</summary></details>",
    "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__xss=9\">",
    "<iframe src=\"javascript:window.__xss=10\"></iframe>",
    "[données](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTE8L3NjcmlwdD4=)",
    "<div style=\"background:url(javascript:window.__xss=12)\">style</div>",
    "\"><script>window.__xss=13</script>",
    "![image](javascript:window.__xss=14)",
    "<form action=\"javascript:window.__xss=15\"><button>envoyer</button></form>",
];

/// True when no payload has run in the page.
async fn untouched(b: &Client) -> bool {
    b.execute("return typeof window.__xss === 'undefined';", vec![])
        .await
        .expect("execute")
        .as_bool()
        .unwrap_or(false)
}

/// What a sanitised rendering may never contain, under `selector`.
async fn dangerous_nodes(b: &Client, selector: &str) -> Vec<String> {
    let script = format!(
        "const found = [];
         for (const root of document.querySelectorAll({selector:?})) {{
           for (const el of root.querySelectorAll('*')) {{
             const tag = el.tagName.toLowerCase();
             if (['script','iframe','object','embed','svg','math','style','form','img','details']
                 .includes(tag)) found.push('<' + tag + '>');
             for (const attr of el.attributes) {{
               const value = attr.value.trim().toLowerCase();
               if (attr.name.startsWith('on') || attr.name === 'style') found.push(attr.name);
               if (['href','src','action'].includes(attr.name)
                   && !/^(https?:|mailto:|#|\\/)/.test(value)) found.push(attr.name + '=' + value);
             }}
           }}
         }}
         return found;"
    );
    let found = b.execute(&script, vec![]).await.expect("execute");
    serde_json::from_value(found).unwrap_or_default()
}

async fn corpus_in_plan_sections(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, plan) = awa_with_a_plan(&app).await;
    let base = serve(&app).await;
    let driver = chromedriver().await;
    let b = browser(&driver, true).await;

    sign_in(&b, &base, "awa@example.org").await;

    let page = format!("{base}/plans/plan?id={plan}");
    b.goto(&page).await.expect("open the plan");
    wait_hydrated(&b).await;
    let text = CORPUS.join("\n\n");
    for section in ["summary", "marketing"] {
        fill(&b, &format!("#body-{section}"), &text).await;
        click(&b, &format!("[data-test='preview-{section}']")).await;
        wait_for_text(
            &b,
            &format!("[data-test='preview-output-{section}']"),
            "lien",
        )
        .await;
        assert!(
            untouched(&b).await,
            "a payload ran in the preview of {section}"
        );
        click(&b, &format!("[data-test='save-{section}']")).await;
        wait_for_text(
            &b,
            &format!("[data-test='section-{section}'] [data-test='rendered']"),
            "lien",
        )
        .await;
        assert!(untouched(&b).await, "a payload ran after saving {section}");
    }
    let saved = app
        .count(&format!(
            "select count(*) from plan_sections where plan_id = {plan} and body like '%onerror%'"
        ))
        .await;
    assert_eq!(
        saved, 2,
        "the text is kept as typed; only its rendering is sanitised"
    );

    b.goto(&page).await.expect("reload the plan");
    wait_hydrated(&b).await;
    wait_for_text(
        &b,
        "[data-test='section-marketing'] [data-test='rendered']",
        "encodé",
    )
    .await;
    assert!(untouched(&b).await, "a payload ran on a fresh load");
    let field = b
        .find(fantoccini::Locator::Css("#body-summary"))
        .await
        .expect("the summary field");
    let kept = field
        .prop("value")
        .await
        .expect("value")
        .unwrap_or_default();
    assert_eq!(kept, text, "the field gives back exactly what was typed");
    let found = dangerous_nodes(&b, ".rendered").await;
    assert!(
        found.is_empty(),
        "dangerous markup reached the page: {found:?}"
    );
    b.close().await.expect("close");
}

#[test]
fn browser_xss_corpus_in_plan_sections_never_runs_on_sqlite() {
    passerelle_tests::block_on(corpus_in_plan_sections(Backend::Sqlite));
}

#[test]
fn browser_xss_corpus_in_plan_sections_never_runs_on_postgres() {
    passerelle_tests::block_on(corpus_in_plan_sections(Backend::Postgres));
}
